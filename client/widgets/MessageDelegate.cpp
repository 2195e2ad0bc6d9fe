#include "MessageDelegate.h"

#include "Avatar.h"
#include "ColorEmoji.h"
#include "MessageModel.h"
#include "ReplyQuote.h"
#include "SearchHighlight.h"

#include <QAbstractItemView>
#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QMouseEvent>
#include <QPainter>
#include <QRegularExpression>
#include <QTextBrowser>
#include <QTextDocument>
#include <QToolTip>

namespace chat::client {

namespace {
constexpr int SideMargin = 14;
constexpr int GroupGap = 8;
constexpr int RowGap = 2;
constexpr int AvatarGap = 10;
constexpr int QuoteGap = 3;
constexpr int ChipsGap = 5;
constexpr int AttachmentsGap = 4;

QList<Attachment> attachmentsOf(const QModelIndex& index)
{
    return index.data(MessageModel::AttachmentsRole).value<QList<Attachment>>();
}

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
    return MessageText().toHtml(plainText);
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

QString MessageDelegate::seenByText(const QStringList& names)
{
    if (names.size() <= 3)
        return tr("Seen by %1").arg(QLocale().createSeparatedList(names));
    return tr("Seen by %1 and %n other(s)", nullptr, int(names.size() - 2))
        .arg(names.mid(0, 2).join(QLatin1String(", ")));
}

MessageText MessageDelegate::textStyle(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    MessageText style;
    style.myName = m_myName;
    style.dark = option.palette.color(QPalette::Base).lightness() < 128;
    if (index.data(MessageModel::EditedRole).toBool()) {
        style.editedMarker = tr("(edited)");
        style.dimColor = option.palette.color(QPalette::PlaceholderText).name();
    }
    return style;
}

void MessageDelegate::prepare(
    QTextDocument& document, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    document.setDocumentMargin(0);
    document.setDefaultFont(option.font);
    document.setHtml(textStyle(option, index).toHtml(index.data(MessageModel::BodyRole).toString()));
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

void MessageDelegate::forget(const QModelIndex& index)
{
    m_heights.remove(cacheKey(index));
    m_documents.remove(cacheKey(index));
}

void MessageDelegate::clearCache()
{
    m_heights.clear();
    m_documents.clear();
}

void MessageDelegate::setMyName(const QString& username)
{
    if (username == m_myName)
        return;
    m_myName = username;
    clearCache(); // mentions of the user are set apart
}

QTextDocument* MessageDelegate::documentFor(
    const QStyleOptionViewItem& option, const QModelIndex& index, int width) const
{
    const bool dark = option.palette.color(QPalette::Base).lightness() < 128;
    if (width != m_documentsWidth || dark != m_documentsDark) {
        m_documents.clear();
        m_documentsWidth = width;
        m_documentsDark = dark;
    }
    const qint64 key = cacheKey(index);
    if (QTextDocument* document = m_documents.object(key))
        return document;
    auto* document = new QTextDocument;
    prepare(*document, option, index);
    document->setTextWidth(width);
    m_documents.insert(key, document);
    return document;
}

void MessageDelegate::setSearchMatch(qint64 seq, const QString& foldedQuery)
{
    m_matchSeq = seq;
    m_matchQuery = foldedQuery;
}

void MessageDelegate::setHovered(const QModelIndex& index, const QPoint& pos)
{
    m_hovered = index;
    m_hoverPos = pos;
}

MessageDelegate::Layout MessageDelegate::layoutFor(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    Layout layout;
    const QFontMetrics metrics(option.font);
    const QRect rect = option.rect;
    const int indent = avatarSize(metrics) + AvatarGap; // the avatar column beside each run of messages
    const int left = rect.left() + SideMargin + indent;
    const int width = std::max(50, rect.width() - 2 * SideMargin - indent);
    int y = rect.top();
    if (index.data(MessageModel::StartsDayRole).toBool()) {
        layout.separator = QRect(rect.left(), y, rect.width(), metrics.height() + 20);
        y = layout.separator.bottom() + 1;
    }
    const int contentTop = y;
    const bool pending = index.data(MessageModel::PendingRole).toBool();
    if (index.data(MessageModel::StartsGroupRole).toBool() || pending) {
        layout.header = QRect(left, y + GroupGap, width, metrics.height() + 2);
        y = layout.header.bottom() + 1;
    }
    const bool deleted = index.data(MessageModel::DeletedRole).toBool();
    if (!deleted) {
        const QVariantMap reply = index.data(MessageModel::ReplyRole).toMap();
        if (!reply.isEmpty()) {
            layout.quote = ReplyQuote::place(reply, option.font, QPoint(left, y + QuoteGap), width);
            y = layout.quote.bottom() + 1 + QuoteGap;
        }
    }
    const QList<Attachment> attachments = deleted ? QList<Attachment>() : attachmentsOf(index);
    const bool bodyShown = deleted || attachments.isEmpty() || !index.data(MessageModel::BodyRole).toString().isEmpty();
    layout.body = QRect(left, y, width, !bodyShown ? 0 : deleted ? metrics.height() : bodyHeight(option, index, width));
    y = layout.body.top() + layout.body.height();
    if (!attachments.isEmpty()) {
        const int top = y + (bodyShown ? AttachmentsGap : 2);
        layout.attachments = AttachmentCards::place(attachments, option.font, QPoint(left, top), width);
        y = top + AttachmentCards::heightOf(layout.attachments, top);
    }
    if (!deleted) {
        layout.chips = ReactionChips::place(
            index.data(MessageModel::ReactionsRole).toList(), option.font, QPoint(left, y + ChipsGap), width);
        if (!layout.chips.isEmpty())
            y += ChipsGap + ReactionChips::heightOf(layout.chips, y + ChipsGap);
    }
    if (!index.data(MessageModel::SeenByRole).toStringList().isEmpty()) {
        QFont small = option.font;
        small.setPointSizeF(option.font.pointSizeF() * 0.85);
        layout.seenBy = QRect(left, y + 2, width, QFontMetrics(small).height());
        y = layout.seenBy.bottom() + 1;
    }
    layout.content = QRect(rect.left(), contentTop, rect.width(), y - contentTop);
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
    return { opt.rect.width(), layout.content.bottom() + 1 + RowGap };
}

void MessageDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const Layout layout = layoutFor(option, index);
    const QPalette& palette = option.palette;
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    const QColor dim = palette.color(QPalette::PlaceholderText);
    const bool hovered = m_hovered.isValid() && m_hovered == index;
    const QPoint mouse = hovered ? m_hoverPos : QPoint(-1, -1);
    painter->save();

    const QRect row = layout.content.adjusted(0, 0, 0, RowGap);
    if (index.data(MessageModel::MentionsMeRole).toBool() && !index.data(MessageModel::MineRole).toBool()) {
        painter->fillRect(row, dark ? QColor(0xe5, 0xa5, 0x0a, 38) : QColor(0xf6, 0xd3, 0x2d, 46));
        painter->fillRect(QRect(row.left(), row.top(), 3, row.height()), QColor(0xe5, 0xa5, 0x0a));
    } else if (hovered) {
        QColor tint = palette.color(QPalette::WindowText);
        tint.setAlpha(dark ? 16 : 9);
        painter->fillRect(row, tint);
    }
    const qint64 seq = index.data(MessageModel::SeqRole).toLongLong();
    const bool match = m_matchSeq > 0 && seq == m_matchSeq;
    if ((option.state & QStyle::State_Selected) || (m_highlightedSeq > 0 && seq == m_highlightedSeq) || match) {
        QColor highlight = palette.color(QPalette::Highlight);
        highlight.setAlpha(dark ? 60 : 40);
        painter->fillRect(row, highlight);
    }
    if (match)
        painter->fillRect(QRect(row.left(), row.top(), 3, row.height()), palette.color(QPalette::Highlight));

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

    if (!layout.quote.isEmpty()) {
        ReplyQuote::paint(painter, layout.quote, index.data(MessageModel::ReplyRole).toMap(), option.font, palette,
            layout.quote.contains(mouse));
    }

    if (!layout.body.isEmpty())
        paintBody(painter, option, index, layout.body);

    if (!layout.attachments.isEmpty()) {
        const AttachmentCards::Card* under = AttachmentCards::at(layout.attachments, mouse);
        AttachmentCards::paint(painter, layout.attachments, attachmentsOf(index), option.font, palette, m_transfers,
            under ? under->index : -1);
    }

    if (!layout.chips.isEmpty()) {
        const ReactionChips::Chip* under = ReactionChips::at(layout.chips, mouse);
        ReactionChips::paint(painter, layout.chips, option.font, palette, under ? under->emoji : QString());
    }

    if (!layout.seenBy.isEmpty()) {
        painter->setFont(small);
        painter->setPen(dim);
        const QString text = seenByText(index.data(MessageModel::SeenByRole).toStringList());
        painter->drawText(layout.seenBy, Qt::AlignRight | Qt::AlignVCenter,
            QFontMetrics(small).elidedText(text, Qt::ElideRight, layout.seenBy.width()));
    }
    painter->restore();
}

void MessageDelegate::paintBody(
    QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index, const QRect& body) const
{
    const QPalette& palette = option.palette;
    const QColor dim = palette.color(QPalette::PlaceholderText);
    if (index.data(MessageModel::DeletedRole).toBool()) {
        QFont italic = option.font;
        italic.setItalic(true);
        painter->setFont(italic);
        painter->setPen(dim);
        painter->drawText(body, Qt::AlignLeft | Qt::AlignVCenter, tr("This message was deleted"));
        return;
    }
    QTextDocument* document = documentFor(option, index, body.width());
    QAbstractTextDocumentLayout::PaintContext context;
    context.palette = palette;
    context.palette.setColor(
        QPalette::Text, index.data(MessageModel::PendingRole).toBool() ? dim : palette.color(QPalette::Text));
    if (m_matchSeq > 0 && index.data(MessageModel::SeqRole).toLongLong() == m_matchSeq) {
        const QString body = index.data(MessageModel::BodyRole).toString();
        context.selections = SearchHighlight::selections(document, search::highlights(body, m_matchQuery), palette);
    }
    painter->save();
    painter->translate(body.topLeft());
    painter->setClipRect(QRect(QPoint(0, 0), body.size()));
    document->documentLayout()->draw(painter, context);
    painter->restore();
}

QString MessageDelegate::timeText(const QModelIndex& index)
{
    QString time = QLocale().toString(index.data(MessageModel::TimestampRole).toDateTime().time(), shortTimeFormat());
    if (index.data(MessageModel::PendingRole).toBool())
        time += QStringLiteral("  \u00b7  ") + tr("sending…"); // an escape: the source encoding cannot garble it
    return time;
}

QStyleOptionViewItem MessageDelegate::optionFor(const QAbstractItemView* view, const QModelIndex& index)
{
    QStyleOptionViewItem option;
    option.initFrom(view);
    option.state |= QStyle::State_Enabled;
    option.font = view->font();
    option.fontMetrics = QFontMetrics(option.font);
    option.rect = view->visualRect(index);
    option.widget = view;
    return option;
}

QRect MessageDelegate::contentRect(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    return layoutFor(option, index).content;
}

QRect MessageDelegate::seenByRect(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    return layoutFor(option, index).seenBy;
}

QString MessageDelegate::anchorAt(const QStyleOptionViewItem& option, const QModelIndex& index, const QPoint& pos) const
{
    const Layout layout = layoutFor(option, index);
    if (!layout.body.contains(pos) || index.data(MessageModel::DeletedRole).toBool())
        return {};
    return documentFor(option, index, layout.body.width())->documentLayout()->anchorAt(pos - layout.body.topLeft());
}

QString MessageDelegate::reactionAt(
    const QStyleOptionViewItem& option, const QModelIndex& index, const QPoint& pos) const
{
    const Layout layout = layoutFor(option, index);
    const ReactionChips::Chip* chip = ReactionChips::at(layout.chips, pos);
    return chip ? chip->emoji : QString();
}

QRect MessageDelegate::reactionRect(
    const QStyleOptionViewItem& option, const QModelIndex& index, const QString& emoji) const
{
    const Layout layout = layoutFor(option, index);
    for (const ReactionChips::Chip& chip : layout.chips) {
        if (chip.emoji == emoji)
            return chip.rect;
    }
    return {};
}

QRect MessageDelegate::quoteRect(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    return layoutFor(option, index).quote;
}

bool MessageDelegate::quoteContains(
    const QStyleOptionViewItem& option, const QModelIndex& index, const QPoint& pos) const
{
    return quoteRect(option, index).contains(pos);
}

QRect MessageDelegate::attachmentRect(
    const QStyleOptionViewItem& option, const QModelIndex& index, int attachment) const
{
    const Layout layout = layoutFor(option, index);
    return attachment >= 0 && attachment < layout.attachments.size() ? layout.attachments.at(attachment).rect : QRect();
}

bool MessageDelegate::isClickableAt(
    const QStyleOptionViewItem& option, const QModelIndex& index, const QPoint& pos) const
{
    const Layout layout = layoutFor(option, index);
    return layout.quote.contains(pos) || ReactionChips::at(layout.chips, pos)
        || AttachmentCards::at(layout.attachments, pos) || !anchorAt(option, index, pos).isEmpty();
}

bool MessageDelegate::editorEvent(
    QEvent* event, QAbstractItemModel* model, const QStyleOptionViewItem& option, const QModelIndex& index)
{
    const bool press = event->type() == QEvent::MouseButtonPress || event->type() == QEvent::MouseButtonDblClick;
    if (press || event->type() == QEvent::MouseButtonRelease) {
        const auto* mouse = static_cast<QMouseEvent*>(event);
        if (mouse->button() == Qt::LeftButton) {
            const QPoint pos = mouse->position().toPoint();
            const Layout layout = layoutFor(option, index);
            if (const ReactionChips::Chip* chip = ReactionChips::at(layout.chips, pos)) {
                if (!press)
                    Q_EMIT reactionClicked(index, chip->emoji);
                return true; // a chip is a button: it does not select the message
            }
            if (layout.quote.contains(pos)) {
                if (!press)
                    Q_EMIT quoteClicked(index);
                return true;
            }
            if (const AttachmentCards::Card* card = AttachmentCards::at(layout.attachments, pos)) {
                if (!press)
                    Q_EMIT attachmentClicked(attachmentsOf(index).at(card->index));
                return true;
            }
            if (!press) {
                const QString anchor = anchorAt(option, index, pos);
                if (!anchor.isEmpty()) {
                    Q_EMIT linkActivated(anchor);
                    return true;
                }
            }
        }
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

bool MessageDelegate::helpEvent(
    QHelpEvent* event, QAbstractItemView* view, const QStyleOptionViewItem& option, const QModelIndex& index)
{
    if (event->type() == QEvent::ToolTip && index.isValid()) {
        const Layout layout = layoutFor(option, index);
        if (const ReactionChips::Chip* chip = ReactionChips::at(layout.chips, event->pos())) {
            QToolTip::showText(event->globalPos(), ReactionChips::toolTip(*chip), view->viewport(), chip->rect);
            return true;
        }
        if (layout.seenBy.contains(event->pos())) {
            const QStringList names = index.data(MessageModel::SeenByRole).toStringList();
            QToolTip::showText(event->globalPos(), tr("Seen by %1").arg(QLocale().createSeparatedList(names)),
                view->viewport(), layout.seenBy);
            return true;
        }
        if (layout.quote.contains(event->pos())) {
            QToolTip::showText(event->globalPos(), tr("Go to the original message"), view->viewport(), layout.quote);
            return true;
        }
        if (const AttachmentCards::Card* card = AttachmentCards::at(layout.attachments, event->pos())) {
            QToolTip::showText(event->globalPos(),
                AttachmentCards::toolTip(attachmentsOf(index).at(card->index), m_transfers), view->viewport(),
                card->rect);
            return true;
        }
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
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
    QStyleOptionViewItem option;
    option.initFrom(browser);
    browser->setHtml(textStyle(option, index).toHtml(index.data(MessageModel::BodyRole).toString()));
    browser->selectAll();
}

void MessageDelegate::updateEditorGeometry(
    QWidget* editor, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    editor->setGeometry(layoutFor(option, index).body);
}

} // namespace chat::client
