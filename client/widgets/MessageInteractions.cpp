#include "MessageInteractions.h"

#include "ChatSession.h"
#include "EmojiPicker.h"
#include "Icons.h"
#include "MessageDelegate.h"
#include "MessageModel.h"
#include "Protocol.h"

#include <QApplication>
#include <QClipboard>
#include <QCursor>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QMouseEvent>
#include <QPushButton>
#include <QScrollBar>
#include <QToolButton>

namespace chat::client {

MessageInteractions::MessageInteractions(
    ChatSession* session, QListView* view, MessageDelegate* delegate, QWidget* pane)
    : QObject(pane)
    , m_session(session)
    , m_view(view)
    , m_viewport(view->viewport())
    , m_delegate(delegate)
    , m_pane(pane)
    , m_bar(new MessageActionBar(view->viewport()))
    , m_picker(new EmojiPicker(pane))
{
    view->viewport()->installEventFilter(this);
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(view, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        const QModelIndex index = m_view->indexAt(pos);
        if (QMenu* menu = menuFor(index))
            menu->popup(m_view->viewport()->mapToGlobal(pos));
    });
    connect(m_bar, &MessageActionBar::triggered, this, &MessageInteractions::trigger);
    connect(m_picker, &EmojiPicker::emojiChosen, this, [this](const QString& emoji) {
        if (m_pickerTarget.isValid())
            react(m_pickerTarget, emoji);
        m_pickerTarget = QPersistentModelIndex();
    });
    connect(delegate, &MessageDelegate::reactionClicked, this, &MessageInteractions::react);
    connect(delegate, &MessageDelegate::quoteClicked, this, [this](const QModelIndex& index) {
        const qint64 seq = index.data(MessageModel::ReplyRole).toMap().value(QStringLiteral("seq")).toLongLong();
        if (seq > 0)
            Q_EMIT jumpRequested(seq);
    });
    connect(view->verticalScrollBar(), &QScrollBar::valueChanged, this, &MessageInteractions::refreshHover);
}

void MessageInteractions::setRoom(qint64 roomId)
{
    m_roomId = roomId;
    m_pickerTarget = QPersistentModelIndex();
    m_picker->hide();
    unhover();
}

bool MessageInteractions::isActionable(const QModelIndex& index)
{
    return index.isValid() && !index.data(MessageModel::PendingRole).toBool()
        && !index.data(MessageModel::DeletedRole).toBool() && index.data(MessageModel::MessageIdRole).toLongLong() > 0;
}

bool MessageInteractions::canEdit(const QModelIndex& index) const
{
    return isActionable(index) && m_session->hasFeature(protocol::feature::Edit)
        && m_session->canEdit(m_roomId, index.data(MessageModel::MessageIdRole).toLongLong());
}

MessageActionBar::Offer MessageInteractions::offerFor(const QModelIndex& index) const
{
    MessageActionBar::Offer offer;
    if (!isActionable(index))
        return offer;
    const qint64 messageId = index.data(MessageModel::MessageIdRole).toLongLong();
    offer.react = m_session->hasFeature(protocol::feature::Reactions);
    offer.reply = m_session->hasFeature(protocol::feature::Reply);
    offer.edit = canEdit(index);
    offer.remove = m_session->hasFeature(protocol::feature::Delete) && m_session->canDelete(m_roomId, messageId);
    return offer;
}

bool MessageInteractions::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_viewport) {
        if (event->type() == QEvent::MouseMove)
            hover(static_cast<QMouseEvent*>(event)->position().toPoint());
        else if (event->type() == QEvent::Leave && !m_bar->underMouse())
            unhover();
    }
    return QObject::eventFilter(watched, event);
}

void MessageInteractions::refreshHover()
{
    QWidget* viewport = m_view->viewport();
    const QPoint pos = viewport->mapFromGlobal(QCursor::pos());
    if (viewport->rect().contains(pos) && viewport->isVisible())
        hover(pos);
    else
        unhover();
}

void MessageInteractions::hover(const QPoint& pos)
{
    const QModelIndex index = m_view->indexAt(pos);
    const QStyleOptionViewItem option = MessageDelegate::optionFor(m_view, index);
    QString target;
    if (index.isValid()) {
        if (!m_delegate->reactionAt(option, index, pos).isEmpty())
            target = QStringLiteral("chip:") + m_delegate->reactionAt(option, index, pos);
        else if (m_delegate->quoteContains(option, index, pos))
            target = QStringLiteral("quote");
    }
    m_delegate->setHovered(index, pos);
    if (index != m_hovered || target != m_hoverTarget) {
        if (m_hovered.isValid())
            m_view->viewport()->update(m_view->visualRect(m_hovered));
        if (index.isValid())
            m_view->viewport()->update(option.rect);
        m_hovered = index;
        m_hoverTarget = target;
    }
    const bool clickable = index.isValid() && m_delegate->isClickableAt(option, index, pos);
    m_view->viewport()->setCursor(clickable ? Qt::PointingHandCursor : Qt::ArrowCursor);
    if (!isActionable(index) || m_view->indexWidget(index)) {
        m_bar->hide();
        return;
    }
    if (m_bar->isVisible() && m_bar->index() == index)
        return;
    m_bar->showFor(index, offerFor(index), m_delegate->contentRect(option, index));
}

void MessageInteractions::unhover()
{
    if (m_hovered.isValid())
        m_view->viewport()->update(m_view->visualRect(m_hovered));
    m_hovered = QPersistentModelIndex();
    m_hoverTarget.clear();
    m_delegate->setHovered({}, {});
    m_bar->hide();
}

void MessageInteractions::trigger(
    MessageActionBar::Action action, const QPersistentModelIndex& index, const QString& emoji)
{
    if (!isActionable(index))
        return;
    switch (action) {
    case MessageActionBar::Action::QuickReaction:
        react(index, emoji);
        break;
    case MessageActionBar::Action::React: {
        const QToolButton* button = m_bar->button(MessageActionBar::Action::React);
        m_pickerTarget = index;
        m_picker->popupBelow(QRect(button->mapToGlobal(QPoint(0, 0)), button->size()));
        break;
    }
    case MessageActionBar::Action::Reply:
        Q_EMIT replyRequested(index);
        break;
    case MessageActionBar::Action::Edit:
        Q_EMIT editRequested(index);
        break;
    case MessageActionBar::Action::Delete:
        confirmDelete(index);
        break;
    case MessageActionBar::Action::Copy:
        copyText(index);
        break;
    }
}

void MessageInteractions::react(const QModelIndex& index, const QString& emoji)
{
    if (!offerFor(index).react || emoji.isEmpty())
        return;
    m_session->toggleReaction(m_roomId, index.data(MessageModel::MessageIdRole).toLongLong(), emoji);
}

void MessageInteractions::pickReaction(const QModelIndex& index, const QPoint& globalPos)
{
    m_pickerTarget = index;
    m_picker->popup(globalPos);
}

void MessageInteractions::confirmDelete(const QModelIndex& index)
{
    if (!offerFor(index).remove)
        return;
    const qint64 messageId = index.data(MessageModel::MessageIdRole).toLongLong();
    const qint64 roomId = m_roomId;
    auto* box = new QMessageBox(QMessageBox::Question, tr("Delete message"),
        tr("Delete this message for everyone? This cannot be undone."), QMessageBox::Cancel, m_pane);
    box->setObjectName(QStringLiteral("deleteConfirmation"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton* remove = box->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    box->setDefaultButton(remove);
    connect(box, &QMessageBox::buttonClicked, this, [this, box, remove, roomId, messageId](QAbstractButton* button) {
        if (button == remove)
            m_session->deleteMessage(roomId, messageId);
        box->close();
    });
    box->open();
}

void MessageInteractions::copyText(const QModelIndex& index)
{
    const QItemSelectionModel* selection = m_view->selectionModel();
    if (selection && selection->isSelected(index) && selection->selectedRows().size() > 1)
        copySelection();
    else if (index.isValid() && !index.data(MessageModel::DeletedRole).toBool())
        QApplication::clipboard()->setText(index.data(MessageModel::BodyRole).toString());
}

void MessageInteractions::copySelection()
{
    QModelIndexList selected = m_view->selectionModel() ? m_view->selectionModel()->selectedRows() : QModelIndexList();
    std::sort(selected.begin(), selected.end());
    QStringList lines;
    for (const QModelIndex& index : std::as_const(selected)) {
        if (!index.data(MessageModel::DeletedRole).toBool())
            lines.append(index.data(MessageModel::BodyRole).toString());
    }
    if (!lines.isEmpty())
        QApplication::clipboard()->setText(lines.join(QLatin1Char('\n')));
}

QMenu* MessageInteractions::menuFor(const QModelIndex& index)
{
    if (!index.isValid() || index.data(MessageModel::DeletedRole).toBool())
        return nullptr;
    const QPersistentModelIndex target = index;
    auto* menu = new QMenu(m_view);
    menu->setObjectName(QStringLiteral("messageMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    const QPalette& palette = m_view->palette();
    const MessageActionBar::Offer offer = offerFor(index);
    if (offer.react) {
        QMenu* reactions = menu->addMenu(Icons::action(Icons::Action::React, palette), tr("Re&act"));
        for (qsizetype i = 0; i < 6; ++i) {
            const QString emoji = EmojiPicker::commonEmoji().at(i);
            reactions->addAction(emoji, this, [this, target, emoji] { react(target, emoji); });
        }
        reactions->addSeparator();
        reactions->addAction(tr("&More reactions…"), this, [this, target] { pickReaction(target, QCursor::pos()); });
    }
    if (offer.reply) {
        menu->addAction(Icons::action(Icons::Action::Reply, palette), tr("&Reply"), this,
            [this, target] { Q_EMIT replyRequested(target); });
    }
    if (offer.edit) {
        menu->addAction(Icons::action(Icons::Action::Edit, palette), tr("&Edit"), this,
            [this, target] { Q_EMIT editRequested(target); });
    }
    if (offer.remove) {
        menu->addAction(Icons::action(Icons::Action::Delete, palette), tr("&Delete…"), this,
            [this, target] { confirmDelete(target); });
    }
    if (!menu->isEmpty())
        menu->addSeparator();
    menu->addAction(
        Icons::action(Icons::Action::Copy, palette), tr("&Copy text"), this, [this, target] { copyText(target); });
    return menu;
}

} // namespace chat::client
