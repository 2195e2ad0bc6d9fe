#include "Mentions.h"

#include "Validation.h"

#include <QSet>

namespace chat::mentions {

namespace {

bool isNameChar(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') || u == u'_' || u == u'.'
        || u == u'-';
}

// Whether the character before position `at` lets an '@' there start a mention.
bool startsMention(const QString& body, qsizetype at)
{
    if (at == 0)
        return true;
    char32_t before = body.at(at - 1).unicode();
    if (QChar::isLowSurrogate(before) && at >= 2 && body.at(at - 2).isHighSurrogate())
        before = QChar::surrogateToUcs4(body.at(at - 2), body.at(at - 1));
    return !(QChar::isLetterOrNumber(before) || before == U'_');
}

} // namespace

QList<Span> spans(const QString& body)
{
    QList<Span> found;
    for (qsizetype at = body.indexOf(u'@'); at >= 0; at = body.indexOf(u'@', at + 1)) {
        if (!startsMention(body, at))
            continue;
        qsizetype end = at + 1;
        while (end < body.size() && isNameChar(body.at(end)))
            ++end;
        while (end > at + 1 && (body.at(end - 1) == u'.' || body.at(end - 1) == u'-'))
            --end;
        if (end == at + 1)
            continue;
        found.append(Span { at, end - at, body.mid(at + 1, end - at - 1) });
        at = end - 1;
    }
    return found;
}

QStringList names(const QString& body)
{
    QStringList unique;
    QSet<QString> seen;
    for (const Span& span : spans(body)) {
        const QString key = validation::usernameKey(span.name);
        if (!seen.contains(key)) {
            seen.insert(key);
            unique.append(span.name);
        }
    }
    return unique;
}

} // namespace chat::mentions
