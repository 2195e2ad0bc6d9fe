#include "SearchResultDelegate.h"

#include "Avatar.h"
#include "MessageDelegate.h"
#include "SearchHighlight.h"
#include "SearchResultsModel.h"
#include "SearchSnippet.h"

#include <QDateTime>
#include <QPainter>
#include <QTextLayout>

namespace chat::client {

namespace {
constexpr int Padding = 10;
constexpr int AvatarGap = 10;
constexpr int SnippetLines = 2;
constexpr int LineGap = 3;

int avatarSize(const QFontMetrics& metrics)
{
    return 2 * metrics.height();
}

QFont smaller(const QFont& font)
{
    QFont small = font;
    small.setPointSizeF(font.pointSizeF() * 0.85);
    return small;
}
} // namespace

SearchResultDelegate::SearchResultDelegate(QObject* parent)
    : QStyledItemDelegate(parent)
{
}

QString SearchResultDelegate::whenText(const QDateTime& time)
{
    const QString clock = QLocale().toString(time.time(), MessageDelegate::shortTimeFormat());
    const QDate day = time.date();
    const QDate today = QDate::currentDate();
    if (day == today)
        return clock;
    if (day == today.addDays(-1))
        return tr("Yesterday %1").arg(clock);
    return tr("%1 %2", "date, then time").arg(QLocale().toString(day, QLocale::ShortFormat), clock);
}

QString SearchResultDelegate::roomText(const QModelIndex& index)
{
    const QString room = index.data(SearchResultsModel::RoomNameRole).toString();
    return index.data(SearchResultsModel::DirectRoomRole).toBool() ? tr("Direct message with %1").arg(room) : room;
}

QSize SearchResultDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const
{
    const QFontMetrics metrics(option.font);
    const int text = QFontMetrics(smaller(option.font)).height() + LineGap + SnippetLines * metrics.lineSpacing();
    return { 200, 2 * Padding + std::max(text, avatarSize(metrics)) };
}

void SearchResultDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const QPalette& palette = option.palette;
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    const QColor dim = palette.color(QPalette::PlaceholderText);
    painter->save();
    const QRect rect = option.rect;
    if (option.state & QStyle::State_Selected) {
        QColor highlight = palette.color(QPalette::Highlight);
        highlight.setAlpha(dark ? 70 : 45);
        painter->fillRect(rect, highlight);
        painter->fillRect(QRect(rect.left(), rect.top(), 3, rect.height()), palette.color(QPalette::Highlight));
    } else if (option.state & QStyle::State_MouseOver) {
        QColor tint = palette.color(QPalette::WindowText);
        tint.setAlpha(dark ? 16 : 9);
        painter->fillRect(rect, tint);
    }
    painter->setPen(QPen(palette.color(QPalette::Midlight), 1));
    painter->drawLine(rect.left() + Padding, rect.bottom(), rect.right() - Padding, rect.bottom());

    const QFontMetrics metrics(option.font);
    const int size = avatarSize(metrics);
    const QString sender = index.data(SearchResultsModel::SenderNameRole).toString();
    Avatar::paint(painter, QRect(rect.left() + Padding, rect.top() + Padding, size, size), sender,
        index.data(SearchResultsModel::SenderIdRole).toLongLong());

    const int left = rect.left() + Padding + size + AvatarGap;
    const int width = rect.right() - Padding - left;
    const QFont small = smaller(option.font);
    const QFontMetrics smallMetrics(small);
    const QRect header(left, rect.top() + Padding, width, smallMetrics.height());

    const QString when = whenText(index.data(SearchResultsModel::TimestampRole).toDateTime());
    painter->setFont(small);
    painter->setPen(dim);
    painter->drawText(header, Qt::AlignRight | Qt::AlignVCenter, when);
    const int nameRoom = width - smallMetrics.horizontalAdvance(when) - 12;

    QFont bold = small;
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold);
    const QString name = boldMetrics.elidedText(sender, Qt::ElideRight, nameRoom / 2);
    painter->setFont(bold);
    painter->setPen(palette.color(QPalette::Text));
    painter->drawText(header, Qt::AlignLeft | Qt::AlignVCenter, name);
    const int afterName = boldMetrics.horizontalAdvance(name);
    const QString room
        = QStringLiteral("  \u00b7  ") + roomText(index); // an escape: the source encoding cannot garble it
    painter->setFont(small);
    painter->setPen(dim);
    painter->drawText(header.adjusted(afterName, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
        smallMetrics.elidedText(room, Qt::ElideRight, nameRoom - afterName));

    const SearchSnippet snippet = SearchSnippet::around(index.data(SearchResultsModel::BodyRole).toString(),
        index.data(SearchResultsModel::HighlightsRole).value<QList<search::TextRange>>());
    const QRect body(left, header.bottom() + 1 + LineGap, width, SnippetLines * metrics.lineSpacing());
    paintSnippet(painter, body, snippet, option);
    painter->restore();
}

void SearchResultDelegate::paintSnippet(
    QPainter* painter, const QRect& rect, const SearchSnippet& snippet, const QStyleOptionViewItem& option) const
{
    QTextCharFormat marked = SearchHighlight::format(option.palette);
    marked.setFontWeight(QFont::DemiBold);
    QList<QTextLayout::FormatRange> formats;
    for (const search::TextRange& range : snippet.highlights)
        formats.append({ range.start, range.length, marked });

    QTextOption wrap;
    wrap.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    QTextLayout layout(snippet.text, option.font);
    layout.setTextOption(wrap);
    layout.setFormats(formats);
    layout.setCacheEnabled(true);
    layout.beginLayout();
    qreal y = 0;
    int lastStart = 0;
    for (int lines = 0; lines < SnippetLines - 1; ++lines) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(rect.width());
        line.setPosition(QPointF(0, y));
        y += line.height();
        lastStart = line.textStart() + line.textLength();
    }
    layout.endLayout();
    painter->setPen(option.palette.color(QPalette::Text));
    layout.draw(painter, rect.topLeft());
    if (lastStart >= snippet.text.size())
        return;

    // The last line on its own, so that what does not fit ends in an ellipsis.
    const QString rest = snippet.text.mid(lastStart);
    const QString ellipsis(QChar(0x2026));
    const int ellipsisWidth = QFontMetrics(option.font).horizontalAdvance(ellipsis);
    QList<QTextLayout::FormatRange> restFormats;
    for (QTextLayout::FormatRange range : std::as_const(formats)) {
        const int end = range.start + range.length;
        range.start = std::max(range.start, lastStart) - lastStart;
        range.length = end - lastStart - range.start;
        if (range.length > 0)
            restFormats.append(range);
    }
    QTextLayout last(rest, option.font);
    last.setTextOption(wrap);
    last.setFormats(restFormats);
    last.beginLayout();
    QTextLine line = last.createLine();
    line.setLineWidth(rect.width());
    const bool fits = line.textLength() >= rest.size();
    if (!fits)
        line.setLineWidth(rect.width() - ellipsisWidth);
    line.setPosition(QPointF(0, y));
    last.endLayout();
    last.draw(painter, rect.topLeft());
    if (!fits) {
        painter->setFont(option.font);
        painter->drawText(QPointF(rect.left() + line.naturalTextWidth(), rect.top() + y + line.ascent()), ellipsis);
    }
}

} // namespace chat::client
