#include "MessageDelegate.h"

#include "Avatar.h"
#include "ColorEmoji.h"
#include "MessageModel.h"

#include <QAbstractItemView>
#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QMouseEvent>
#include <QPainter>
#include <QRegularExpression>
#include <QTextBrowser>
#include <QTextDocument>

namespace chat::client {

namespace {
constexpr int SideMargin = 14;
constexpr int GroupGap = 8;
constexpr int RowGap = 2;
constexpr int AvatarGap = 10;

int avatarSize(const QFontMetrics& metrics)
{
    return 2 * metrics.height();
}

qint64 cacheKey(const QModelIndex& index)
{
    const qint64 seq = index.data(MessageModel::SeqRole).toLongLong();
    return seq > 0 ? seq : -qint64(qHash(index.data(MessageModel::ClientIdRole).toString()) & 0x7fffffffffff) - 1;
}

QColor senderColor(qint64 senderId, const QPalette& palette)
{
    static const QColor light[] = { QColor(0x1a, 0x5f, 0xb4), QColor(0x26, 0x8a, 0x3c), QColor(0xa5, 0x1d, 0x2d),
        QColor(0x81, 0x3d, 0x9c), QColor(0xc6, 0x46, 0x00), QColor(0x0b, 0x7a, 0x75) };
    static const QColor dark[] = { QColor(0x99, 0xc1, 0xf1), QColor(0x8f, 0xf0, 0xa4), QColor(0xf6, 0x61, 0x51),
        QColor(0xdc, 0x8a, 0xdd), QColor(0xff, 0xbe, 0x6f), QColor(0x7b, 0xe0, 0xd8) };
    const bool isDark = palette.color(QPalette::Base).lightness() < 128;
    const int slot = int(senderId % 6);
    return isDark ? dark[slot] : light[slot];
}
} // namespace

// The locale's short time without seconds (some locales' "short" format still has them).
QString MessageDelegate::shortTimeFormat()
{
    static const QString format = [] {
        QString text = QLocale().timeFormat(QLocale::ShortFormat);
        static const QRegularExpression seconds(QStringLiteral("[:.]ss?"));
        return text.remove(seconds);
    }();
    return format;
}

MessageDelegate::MessageDelegate(QObject* parent)
    : QStyledItemDelegate(parent)
{
}

QString MessageDelegate::toHtml(const QString& plainText)
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
        html += emoji::wrapRuns(QStringView(escaped).mid(last, match.capturedStart() - last), emojiFamily);
        html += QLatin1String("<a href=\"") + match.captured() + QLatin1String("\">") + match.captured()
            + QLatin1String("</a>");
        last = match.capturedEnd();
    }
    html += emoji::wrapRuns(QStringView(escaped).mid(last), emojiFamily);
    return QLatin1String("<div style=\"white-space: pre-wrap\">") + html + QLatin1String("</div>");
}

QString MessageDelegate::dayText(const QDate& day)
{
    const QDate today = QDate::currentDate();
    if (day == today)
        return tr("Today");
    if (day == today.addDays(-1))
        return tr("Yesterday");
    return QLocale().toString(day, QLocale::LongFormat);
}

void MessageDelegate::prepare(
    QTextDocument& document, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    document.setDocumentMargin(0);
    document.setDefaultFont(option.font);
    document.setHtml(toHtml(index.data(MessageModel::BodyRole).toString()));
}

int MessageDelegate::bodyHeight(const QStyleOptionViewItem& option, const QModelIndex& index, int width) const
{
    if (width != m_cacheWidth) {
        m_heights.clear();
        m_cacheWidth = width;
    }
    const qint64 key = cacheKey(index);
    if (auto it = m_heights.constFind(key); it != m_heights.constEnd())
        return *it;
    QTextDocument document;
    prepare(document, option, index);
    document.setTextWidth(width);
    const int height = int(std::ceil(document.size().height()));
    m_heights.insert(key, height);
    return height;
}

MessageDelegate::Layout MessageDelegate::layoutFor(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    Layout layout;
    const QFontMetrics metrics(option.font);
    const QRect rect = option.rect;
    const int indent = avatarSize(metrics) + AvatarGap; // the avatar column beside each run of messages
    const int width = std::max(50, rect.width() - 2 * SideMargin - indent);
    int y = rect.top();
    if (index.data(MessageModel::StartsDayRole).toBool()) {
        layout.separator = QRect(rect.left(), y, rect.width(), metrics.height() + 20);
        y = layout.separator.bottom() + 1;
    }
    const bool pending = index.data(MessageModel::PendingRole).toBool();
    if (index.data(MessageModel::StartsGroupRole).toBool() || pending) {
        layout.header = QRect(rect.left() + SideMargin + indent, y + GroupGap, width, metrics.height() + 2);
        y = layout.header.bottom() + 1;
    }
    layout.body = QRect(rect.left() + SideMargin + indent, y, width, bodyHeight(option, index, width));
    return layout;
}

QSize MessageDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    // Views lay out with an empty option rect: wrap at the viewport's width, as paint() will.
    QStyleOptionViewItem opt = option;
    const auto* view = qobject_cast<const QAbstractItemView*>(option.widget);
    const int width = view ? view->viewport()->width() : option.rect.width();
    opt.rect = QRect(0, 0, width > 0 ? width : 400, 0);
    const Layout layout = layoutFor(opt, index);
    return { opt.rect.width(), layout.body.bottom() + 1 + RowGap };
}

void MessageDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const Layout layout = layoutFor(option, index);
    const QPalette& palette = option.palette;
    const bool pending = index.data(MessageModel::PendingRole).toBool();
    const QColor dim = palette.color(QPalette::PlaceholderText);
    painter->save();

    if (option.state & QStyle::State_Selected) {
        QColor highlight = palette.color(QPalette::Highlight);
        highlight.setAlpha(40);
        painter->fillRect(option.rect.adjusted(0, layout.separator.height(), 0, 0), highlight);
    }

    QFont small = option.font;
    small.setPointSizeF(option.font.pointSizeF() * 0.85);
    if (!layout.separator.isEmpty()) {
        const QString text = dayText(index.data(MessageModel::TimestampRole).toDateTime().date());
        painter->setFont(small);
        const int textWidth = QFontMetrics(small).horizontalAdvance(text) + 20;
        const QRect pill(layout.separator.center().x() - textWidth / 2, layout.separator.top() + 6, textWidth,
            layout.separator.height() - 12);
        const int lineY = layout.separator.center().y();
        painter->setPen(QPen(palette.color(QPalette::Mid), 1));
        painter->drawLine(layout.separator.left() + SideMargin, lineY, pill.left() - 6, lineY);
        painter->drawLine(pill.right() + 6, lineY, layout.separator.right() - SideMargin, lineY);
        painter->setPen(palette.color(QPalette::WindowText));
        painter->drawText(pill, Qt::AlignCenter, text);
    }

    if (!layout.header.isEmpty()) {
        QFont bold = option.font;
        bold.setBold(true);
        painter->setFont(bold);
        const qint64 senderId = index.data(MessageModel::SenderIdRole).toLongLong();
        const QString sender = index.data(MessageModel::SenderNameRole).toString();
        const int size = avatarSize(QFontMetrics(option.font));
        Avatar::paint(
            painter, QRect(option.rect.left() + SideMargin, layout.header.top() + 2, size, size), sender, senderId);
        painter->setFont(bold);
        painter->setPen(senderColor(senderId, palette));
        painter->drawText(layout.header, Qt::AlignLeft | Qt::AlignVCenter, sender);
        const int after = QFontMetrics(bold).horizontalAdvance(sender) + 10;
        const QString time = timeText(index);
        painter->setFont(small);
        painter->setPen(dim);
        painter->drawText(layout.header.adjusted(after, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, time);
    }

    QTextDocument document;
    prepare(document, option, index);
    document.setTextWidth(layout.body.width());
    QAbstractTextDocumentLayout::PaintContext context;
    context.palette = palette;
    context.palette.setColor(QPalette::Text, pending ? dim : palette.color(QPalette::Text));
    painter->translate(layout.body.topLeft());
    painter->setClipRect(QRect(QPoint(0, 0), layout.body.size()));
    document.documentLayout()->draw(painter, context);
    painter->restore();
}

QString MessageDelegate::timeText(const QModelIndex& index)
{
    QString time = QLocale().toString(index.data(MessageModel::TimestampRole).toDateTime().time(), shortTimeFormat());
    if (index.data(MessageModel::PendingRole).toBool())
        time += QStringLiteral("  \u00b7  ") + tr("sending…"); // an escape: the source encoding cannot garble it
    return time;
}

QString MessageDelegate::anchorAt(const QStyleOptionViewItem& option, const QModelIndex& index, const QPoint& pos) const
{
    const Layout layout = layoutFor(option, index);
    if (!layout.body.contains(pos))
        return {};
    QTextDocument document;
    prepare(document, option, index);
    document.setTextWidth(layout.body.width());
    return document.documentLayout()->anchorAt(pos - layout.body.topLeft());
}

bool MessageDelegate::editorEvent(
    QEvent* event, QAbstractItemModel* model, const QStyleOptionViewItem& option, const QModelIndex& index)
{
    if (event->type() == QEvent::MouseButtonRelease) {
        const auto* mouse = static_cast<QMouseEvent*>(event);
        if (mouse->button() == Qt::LeftButton) {
            const QString anchor = anchorAt(option, index, mouse->position().toPoint());
            if (!anchor.isEmpty()) {
                Q_EMIT linkActivated(anchor);
                return true;
            }
        }
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

QWidget* MessageDelegate::createEditor(
    QWidget* parent, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    auto* browser = new QTextBrowser(parent);
    browser->setFrameShape(QFrame::NoFrame);
    browser->setReadOnly(true);
    browser->setOpenLinks(false);
    browser->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    browser->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    browser->document()->setDocumentMargin(0);
    browser->setAccessibleName(tr("Message text"));
    connect(browser, &QTextBrowser::anchorClicked, this,
        [this](const QUrl& url) { Q_EMIT const_cast<MessageDelegate*>(this)->linkActivated(url.toString()); });
    return browser;
}

void MessageDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const
{
    auto* browser = static_cast<QTextBrowser*>(editor);
    browser->setHtml(toHtml(index.data(MessageModel::BodyRole).toString()));
    browser->selectAll();
}

void MessageDelegate::updateEditorGeometry(
    QWidget* editor, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    editor->setGeometry(layoutFor(option, index).body);
}

} // namespace chat::client
