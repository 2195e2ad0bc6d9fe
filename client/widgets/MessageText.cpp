#include "MessageText.h"

#include "ColorEmoji.h"
#include "Mentions.h"

#include <QRegularExpression>

namespace chat::client {

namespace {
// Mentions found by protocol.md's rule (shared with the server), in the escaped text: escaping touches only
// <>&" and so moves no mention's boundaries.
QString markMentions(const QString& html, const MessageText& style)
{
    if (!html.contains(QLatin1Char('@')))
        return html;
    static const QString other = QStringLiteral("<span style=\"font-weight:600\">");
    const QString mine = style.dark
        ? QStringLiteral("<span style=\"font-weight:600; color:#ffe7a3; background-color:#5e4a14\">")
        : QStringLiteral("<span style=\"font-weight:600; color:#5a4300; background-color:#fde8a6\">");
    QString out;
    out.reserve(html.size() + 64);
    qsizetype last = 0;
    for (const mentions::Span& span : mentions::spans(html)) {
        out += QStringView(html).mid(last, span.start - last);
        const bool me = !style.myName.isEmpty() && span.name.compare(style.myName, Qt::CaseInsensitive) == 0;
        out += (me ? mine : other) + QStringView(html).mid(span.start, span.length) + QLatin1String("</span>");
        last = span.start + span.length;
    }
    out += QStringView(html).mid(last);
    return out;
}
} // namespace

QString MessageText::toHtml(const QString& plainText) const
{
    static const QRegularExpression url(QStringLiteral(R"((https?://[^\s<>"]+[^\s<>".,;:!?')\]]))"));
    const QString escaped = plainText.toHtmlEscaped();
    QString html;
    html.reserve(escaped.size() + 64);
    const QString emojiFamily = emoji::colorFamily();
    qsizetype last = 0;
    auto it = url.globalMatch(escaped);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        html += markMentions(
            emoji::wrapRuns(QStringView(escaped).mid(last, match.capturedStart() - last), emojiFamily), *this);
        html += QLatin1String("<a href=\"") + match.captured() + QLatin1String("\">") + match.captured()
            + QLatin1String("</a>");
        last = match.capturedEnd();
    }
    html += markMentions(emoji::wrapRuns(QStringView(escaped).mid(last), emojiFamily), *this);
    if (!editedMarker.isEmpty()) {
        html += QLatin1String("<span style=\"font-size:small; color:") + dimColor + QLatin1String("\"> ")
            + editedMarker.toHtmlEscaped() + QLatin1String("</span>");
    }
    return QLatin1String("<div style=\"white-space: pre-wrap\">") + html + QLatin1String("</div>");
}

} // namespace chat::client
