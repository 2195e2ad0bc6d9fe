#include "ChatPane.h"

#include "AttachmentSender.h"
#include "ChatSession.h"
#include "Composer.h"
#include "ComposerBanner.h"
#include "EmojiPicker.h"
#include "FileTransfers.h"
#include "Icons.h"
#include "ImageViewer.h"
#include "MentionCompleter.h"
#include "MessageDelegate.h"
#include "MessageInteractions.h"
#include "MessageModel.h"
#include "RoomsModel.h"
#include "TransferList.h"
#include "UsersModel.h"

#include <QAction>
#include <QApplication>
#include <QDateTime>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTextBlock>
#include <QToolButton>
#include <QVBoxLayout>

namespace chat::client {

namespace {
constexpr qint64 TypingShownMs = 5000;
constexpr int BottomSlack = 4;
constexpr int FlashMs = 1600;
} // namespace

ChatPane::ChatPane(ChatSession* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_stack(new QStackedWidget(this))
    , m_title(new QLabel(this))
    , m_subtitle(new QLabel(this))
    , m_view(new QListView(this))
    , m_delegate(new MessageDelegate(this))
    , m_newMessages(new QPushButton(tr("New messages ↓"), m_view))
    , m_typing(new QLabel(this))
    , m_composer(new Composer(this))
    , m_banner(new ComposerBanner(this))
    , m_emojiButton(new QToolButton(this))
    , m_send(new QPushButton(tr("Send"), this))
    , m_notice(new QLabel(this))
    , m_actions(new MessageInteractions(session, m_view, m_delegate, this))
    , m_mentions(new MentionCompleter(m_composer, this))
    , m_composerPicker(new EmojiPicker(this))
    , m_attach(new AttachmentSender(session, this, m_composer, this))
    , m_transfers(new TransferList(session, this))
{
    setAccessibleName(tr("Conversation"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    m_title->setFont(titleFont);
    m_title->setAccessibleName(tr("Room name"));
    m_subtitle->setForegroundRole(QPalette::PlaceholderText);

    m_view->setObjectName(QStringLiteral("messageView"));
    m_view->setAccessibleName(tr("Messages"));
    m_view->setItemDelegate(m_delegate);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setResizeMode(QListView::Adjust);
    m_view->setWordWrap(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setMouseTracking(true);
    m_view->viewport()->setAutoFillBackground(true);
    m_view->installEventFilter(this);
    auto* copy = new QAction(tr("&Copy text"), m_view);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, m_actions, &MessageInteractions::copySelection);
    m_view->addAction(copy);
    connect(m_delegate, &MessageDelegate::linkActivated, this, &ChatPane::linkActivated);
    connect(m_view, &QListView::doubleClicked, this, [this](const QModelIndex& index) {
        if (m_editing.isValid())
            m_view->closePersistentEditor(m_editing);
        m_editing = index;
        m_view->openPersistentEditor(index); // selectable text
    });
    connect(m_view->verticalScrollBar(), &QScrollBar::valueChanged, this, &ChatPane::onScrolled);
    connect(m_view->verticalScrollBar(), &QScrollBar::rangeChanged, this, &ChatPane::onRangeChanged);
    // Only the reader's own scrolling (wheel, keys, the bar) lets go of a jump's target; resets and pages do not.
    connect(m_view->verticalScrollBar(), &QScrollBar::actionTriggered, this,
        [this] { m_keptInView = QPersistentModelIndex(); });

    m_newMessages->setObjectName(QStringLiteral("newMessagesButton"));
    m_newMessages->setAccessibleName(tr("Jump to new messages"));
    m_newMessages->setCursor(Qt::PointingHandCursor);
    m_newMessages->hide();
    connect(m_newMessages, &QPushButton::clicked, this, &ChatPane::jumpToNewest);

    m_typing->setAccessibleName(tr("Typing indicator"));
    m_typing->setForegroundRole(QPalette::PlaceholderText);
    m_typing->setContentsMargins(14, 0, 0, 0);
    m_typing->setMinimumHeight(m_typing->fontMetrics().height());
    m_typingTimer.setInterval(500);
    connect(&m_typingTimer, &QTimer::timeout, this, &ChatPane::refreshTyping);

    m_notice->setWordWrap(true);
    m_notice->hide();
    m_send->setAccessibleName(tr("Send message"));
    m_send->setToolTip(tr("Send (Enter). Shift+Enter starts a new line."));
    connect(m_send, &QPushButton::clicked, this, [this] { submit(m_composer->toPlainText()); });
    connect(m_composer, &Composer::submitted, this, &ChatPane::submit);
    connect(m_composer, &Composer::cancelRequested, this, &ChatPane::cancelComposerMode);
    connect(m_composer, &Composer::editLastRequested, this, &ChatPane::editLastMessage);
    connect(m_banner, &ComposerBanner::cancelled, this, &ChatPane::cancelComposerMode);
    connect(m_actions, &MessageInteractions::replyRequested, this, &ChatPane::startReply);
    connect(m_actions, &MessageInteractions::editRequested, this, &ChatPane::startEdit);
    connect(m_actions, &MessageInteractions::jumpRequested, this, &ChatPane::jumpToMessage);
    connect(m_session, &ChatSession::jumpReady, this, &ChatPane::onJumpReady);
    connect(m_session, &ChatSession::actionFailed, this, [this](qint64 roomId, const QString& why) {
        if (roomId != m_roomId)
            return;
        m_notice->setText(why);
        m_notice->show();
    });
    m_flashTimer.setSingleShot(true);
    m_flashTimer.setInterval(FlashMs);
    connect(&m_flashTimer, &QTimer::timeout, this, [this] {
        m_delegate->setHighlightedSeq(m_editingSeq);
        m_view->viewport()->update();
    });

    m_emojiButton->setObjectName(QStringLiteral("emojiButton"));
    m_emojiButton->setAutoRaise(true);
    m_emojiButton->setToolTip(tr("Insert an emoji"));
    m_emojiButton->setAccessibleName(tr("Insert an emoji"));
    m_emojiButton->setIcon(Icons::action(Icons::Action::React, palette()));
    m_emojiButton->setIconSize(QSize(fontMetrics().height(), fontMetrics().height()) * 1.15);
    m_emojiButton->setCursor(Qt::PointingHandCursor);
    connect(m_emojiButton, &QToolButton::clicked, this, [this] {
        m_composerPicker->adjustSize();
        m_composerPicker->popup(m_emojiButton->mapToGlobal(QPoint(0, -m_composerPicker->height())));
    });
    connect(m_composerPicker, &EmojiPicker::emojiChosen, this, [this](const QString& emoji) {
        m_composer->insertPlainText(emoji);
        m_composer->setFocus();
    });
    m_attach->button()->setIconSize(m_emojiButton->iconSize());
    m_delegate->setTransfers(m_session->files());
    connect(m_delegate, &MessageDelegate::attachmentClicked, this, &ChatPane::openAttachment);
    connect(m_session->files(), &FileTransfers::downloadProgressed, m_view->viewport(), qOverload<>(&QWidget::update));
    connect(m_composer, &QPlainTextEdit::textChanged, this, [this] {
        if (m_roomId && !m_composer->toPlainText().isEmpty()) {
            m_session->sendTyping(m_roomId);
            clearSearchMatch();
        }
    });

    auto* placeholder = new QLabel(tr("<h3>No conversation open</h3>Pick someone in the people list, or a room, "
                                      "to start chatting."),
        this);
    placeholder->setAlignment(Qt::AlignCenter);
    placeholder->setWordWrap(true);
    placeholder->setForegroundRole(QPalette::PlaceholderText);

    auto* conversation = new QWidget(this);
    auto* header = new QVBoxLayout;
    header->setContentsMargins(14, 10, 14, 6);
    header->setSpacing(0);
    header->addWidget(m_title);
    header->addWidget(m_subtitle);
    auto* composerRow = new QHBoxLayout;
    composerRow->setContentsMargins(10, 4, 10, 10);
    composerRow->setSpacing(6);
    composerRow->addWidget(m_attach->button(), 0, Qt::AlignBottom);
    composerRow->addWidget(m_composer, 1);
    composerRow->addWidget(m_emojiButton, 0, Qt::AlignBottom);
    composerRow->addWidget(m_send, 0, Qt::AlignBottom);
    auto* layout = new QVBoxLayout(conversation);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(header);
    auto* line = new QFrame(conversation);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Sunken);
    layout->addWidget(line);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_notice);
    layout->addWidget(m_typing);
    layout->addWidget(m_transfers);
    layout->addWidget(m_banner);
    layout->addLayout(composerRow);

    m_stack->addWidget(placeholder);
    m_stack->addWidget(conversation);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_stack);

    connect(m_session, &ChatSession::activeRoomChanged, this, &ChatPane::showRoom);
    connect(m_session, &ChatSession::typing, this, &ChatPane::onTyping);
    connect(m_session->users(), &QAbstractItemModel::dataChanged, this, &ChatPane::refreshHeader);
    connect(m_session->users(), &QAbstractItemModel::modelReset, this, &ChatPane::refreshHeader);
    connect(m_session->rooms(), &QAbstractItemModel::dataChanged, this, &ChatPane::refreshHeader);
    connect(m_session->rooms(), &QAbstractItemModel::rowsInserted, this, &ChatPane::refreshHeader);
    connect(m_session->rooms(), &QAbstractItemModel::dataChanged, this, &ChatPane::refreshMembers);
    connect(m_session->users(), &QAbstractItemModel::modelReset, this, &ChatPane::refreshMembers);
    connect(
        m_session, &ChatSession::sendRejected, this, [this](qint64 roomId, const QString& body, const QString& why) {
            if (roomId != m_roomId)
                return;
            m_notice->setText(tr("Your message could not be sent: %1").arg(why));
            m_notice->show();
            if (m_composer->toPlainText().isEmpty())
                m_composer->setPlainText(body);
        });
}

void ChatPane::showRoom(qint64 roomId)
{
    if (m_model)
        m_model->disconnect(this);
    m_roomId = roomId;
    m_typingUntil.clear();
    refreshTyping();
    m_notice->hide();
    m_newMessages->hide();
    m_editing = QPersistentModelIndex();
    if (m_editingId || m_replyToId)
        cancelComposerMode();
    m_jumpSeq = 0;
    m_flashTimer.stop();
    m_delegate->setHighlightedSeq(0);
    m_delegate->setSearchMatch(0, {});
    m_actions->setRoom(roomId);
    m_attach->setRoom(roomId, roomId ? m_session->rooms()->titleOf(roomId) : QString());
    m_transfers->setRoom(roomId);
    if (!roomId) {
        m_model = nullptr;
        m_view->setModel(nullptr);
        m_stack->setCurrentIndex(0);
        return;
    }
    m_model = m_session->messages(roomId);
    m_delegate->clearCache();
    m_followNewest = true;
    m_anchorToBottomDistance = false;
    m_keptInView = QPersistentModelIndex();
    m_model->setOlderFetchingAllowed(false);
    m_view->setModel(m_model);
    connect(m_model, &MessageModel::messagesAppended, this, &ChatPane::onAppended);
    connect(m_model, &MessageModel::latestLoaded, this, [this] {
        m_followNewest = true;
        m_view->scrollToBottom();
    });
    connect(m_model, &MessageModel::olderLoaded, this, [this](int) { m_model->setOlderFetchingAllowed(false); });
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ChatPane::onModelDataChanged);
    for (const auto signal : { &QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved }) {
        connect(m_model, signal, m_actions,
            [this] { QTimer::singleShot(0, m_actions, &MessageInteractions::refreshHover); });
    }
    connect(m_model, &QAbstractItemModel::modelReset, m_actions, &MessageInteractions::refreshHover);
    m_delegate->setMyName(m_session->currentUser().username);
    m_stack->setCurrentIndex(1);
    refreshHeader();
    refreshMembers();
    m_view->scrollToBottom();
    m_composer->setFocus();
    updateReading();
}

QToolButton* ChatPane::attachButton() const
{
    return m_attach->button();
}

void ChatPane::openAttachment(const chat::Attachment& attachment)
{
    if (attachment.isImage()) {
        auto* viewer = new ImageViewer(m_session->files(), attachment, this);
        viewer->show();
        return;
    }
    m_session->files()->download(attachment);
}

void ChatPane::setMessageFontPoints(int points)
{
    QFont font = QApplication::font(m_view);
    if (points > 0)
        font.setPointSize(points);
    m_view->setFont(font);
    m_delegate->clearCache(); // row heights follow the font
    m_view->doItemsLayout();
}

void ChatPane::refreshHeader()
{
    if (!m_roomId)
        return;
    RoomsModel* rooms = m_session->rooms();
    m_title->setText(rooms->titleOf(m_roomId));
    const QString title = rooms->titleOf(m_roomId);
    m_composer->setHints(
        tr("Message %1 — Enter to send, Shift+Enter for a new line").arg(title), tr("Message %1").arg(title));
    if (const qint64 peer = rooms->peerOf(m_roomId)) {
        const int row = m_session->users()->rowOf(peer);
        const bool online = row >= 0 && m_session->users()->index(row).data(UsersModel::OnlineRole).toBool();
        m_subtitle->setText(online ? tr("Online") : tr("Offline"));
    } else if (const Room* room = rooms->room(m_roomId)) {
        m_subtitle->setText(tr("%n member(s)", nullptr, int(room->members.size())));
    }
}

bool ChatPane::isAtBottom() const
{
    const QScrollBar* bar = m_view->verticalScrollBar();
    return bar->value() >= bar->maximum() - BottomSlack;
}

void ChatPane::updateReading()
{
    const QWidget* window = this->window();
    const bool reading = m_roomId && isVisible() && window->isActiveWindow() && !window->isMinimized() && isAtBottom();
    m_session->setReading(reading);
}

void ChatPane::onScrolled(int value)
{
    if (m_adjusting || m_keptInView.isValid())
        return updateReading();
    m_anchorToBottomDistance = false;
    m_followNewest = isAtBottom();
    if (m_followNewest)
        m_newMessages->hide();
    if (m_model && value <= m_view->verticalScrollBar()->minimum() && m_model->timeline()->hasOlder()) {
        // Keep what the reader looks at in place while the older page lands above it.
        const QScrollBar* bar = m_view->verticalScrollBar();
        m_distanceFromBottom = bar->maximum() - bar->value();
        m_anchorToBottomDistance = true;
        m_model->setOlderFetchingAllowed(true);
        if (m_model->canFetchMore({}))
            m_model->fetchMore({});
    }
    updateReading();
}

void ChatPane::onRangeChanged(int, int maximum)
{
    QScrollBar* bar = m_view->verticalScrollBar();
    m_adjusting = true;
    if (m_keptInView.isValid())
        m_view->scrollTo(m_keptInView, QAbstractItemView::PositionAtCenter);
    else if (m_followNewest)
        bar->setValue(maximum);
    else if (m_anchorToBottomDistance)
        bar->setValue(maximum - m_distanceFromBottom);
    m_adjusting = false;
    placeNewMessagesButton();
    updateReading();
}

void ChatPane::onAppended()
{
    if (m_followNewest && !m_keptInView.isValid()) {
        m_view->scrollToBottom();
        return;
    }
    m_newMessages->show();
    m_newMessages->raise();
    placeNewMessagesButton();
}

void ChatPane::jumpToNewest()
{
    m_followNewest = true;
    m_anchorToBottomDistance = false;
    m_keptInView = QPersistentModelIndex();
    m_newMessages->hide();
    m_view->scrollToBottom();
    updateReading();
}

void ChatPane::placeNewMessagesButton()
{
    const QSize hint = m_newMessages->sizeHint();
    const QRect area = m_view->viewport()->geometry();
    m_newMessages->setGeometry(
        area.center().x() - hint.width() / 2, area.bottom() - hint.height() - 10, hint.width(), hint.height());
}

void ChatPane::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) { // drawn in the theme's ink
        m_emojiButton->setIcon(Icons::action(Icons::Action::React, palette()));
        m_attach->button()->setIcon(Icons::action(Icons::Action::Attach, palette()));
    }
}

void ChatPane::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    placeNewMessagesButton();
}

bool ChatPane::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_view && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Escape && m_editing.isValid()) {
            m_view->closePersistentEditor(m_editing);
            m_editing = QPersistentModelIndex();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ChatPane::submit(const QString& text)
{
    if (!m_roomId || text.trimmed().isEmpty())
        return;
    const int limit = m_session->limits().maxBodyChars;
    if (text.trimmed().size() > limit) {
        m_notice->setText(tr("This message is too long: at most %n characters.", nullptr, limit));
        m_notice->show();
        return;
    }
    m_notice->hide();
    if (m_editingId) {
        const int row = rowOfSeq(m_editingSeq);
        if (row < 0 || m_model->index(row).data(MessageModel::BodyRole).toString() != text)
            m_session->editMessage(m_roomId, m_editingId, text);
        cancelComposerMode();
        return;
    }
    m_session->sendMessage(m_roomId, text, m_replyToId);
    m_composer->clear();
    if (m_replyToId)
        cancelComposerMode();
    jumpToNewest();
}

void ChatPane::startReply(const QModelIndex& index)
{
    if (!m_actions->offerFor(index).reply)
        return;
    if (m_editingId)
        cancelComposerMode();
    m_replyToId = index.data(MessageModel::MessageIdRole).toLongLong();
    m_banner->showReply(
        index.data(MessageModel::SenderNameRole).toString(), index.data(MessageModel::BodyRole).toString());
    m_composer->setFocus();
}

void ChatPane::startEdit(const QModelIndex& index)
{
    if (!m_actions->canEdit(index))
        return;
    if (!m_editingId)
        m_draft = m_composer->toPlainText();
    m_replyToId = 0;
    m_editingId = index.data(MessageModel::MessageIdRole).toLongLong();
    m_editingSeq = index.data(MessageModel::SeqRole).toLongLong();
    m_banner->showEdit();
    m_composer->setPlainText(index.data(MessageModel::BodyRole).toString());
    m_composer->moveCursor(QTextCursor::End);
    m_composer->setFocus();
    m_delegate->setHighlightedSeq(m_editingSeq);
    m_view->scrollTo(index);
    m_view->viewport()->update();
}

bool ChatPane::editLastMessage()
{
    const std::optional<Message> last = m_roomId ? m_session->lastOwnMessage(m_roomId) : std::nullopt;
    const int row = last ? rowOfSeq(last->seq) : -1;
    if (row < 0)
        return false;
    startEdit(m_model->index(row));
    return true;
}

void ChatPane::cancelComposerMode()
{
    if (m_editingId) {
        m_composer->setPlainText(m_draft);
        m_composer->moveCursor(QTextCursor::End);
        m_draft.clear();
    }
    m_editingId = 0;
    m_editingSeq = 0;
    m_replyToId = 0;
    m_banner->hide();
    m_delegate->setHighlightedSeq(0);
    m_view->viewport()->update();
}

int ChatPane::rowOfSeq(qint64 seq) const
{
    return m_model ? m_model->rowOfSeq(seq) : -1;
}

void ChatPane::jumpToMessage(qint64 seq)
{
    const int row = rowOfSeq(seq);
    if (row >= 0) {
        flash(row);
        return;
    }
    m_jumpSeq = seq;
    m_session->jumpTo(m_roomId, seq);
}

void ChatPane::showSearchMatch(qint64 seq, const QString& foldedQuery)
{
    m_delegate->setSearchMatch(seq, foldedQuery);
    m_view->viewport()->update();
    jumpToMessage(seq);
}

void ChatPane::clearSearchMatch()
{
    if (!m_delegate->searchMatchSeq())
        return;
    m_delegate->setSearchMatch(0, {});
    m_view->viewport()->update();
}

qint64 ChatPane::searchMatchSeq() const
{
    return m_delegate->searchMatchSeq();
}

void ChatPane::onJumpReady(qint64 roomId, qint64 seq)
{
    if (roomId != m_roomId || seq != m_jumpSeq)
        return;
    m_jumpSeq = 0;
    const int row = rowOfSeq(seq);
    if (row >= 0)
        flash(row);
}

void ChatPane::flash(int row)
{
    m_followNewest = false;
    m_anchorToBottomDistance = false;
    const QModelIndex index = m_model->index(row);
    m_keptInView = index;
    m_view->scrollTo(index, QAbstractItemView::PositionAtCenter);
    m_delegate->setHighlightedSeq(index.data(MessageModel::SeqRole).toLongLong());
    m_view->viewport()->update();
    m_flashTimer.start();
    updateReading();
}

void ChatPane::refreshMembers()
{
    const Room* room = m_roomId ? m_session->rooms()->room(m_roomId) : nullptr;
    QStringList names;
    if (room) {
        for (const qint64 member : room->members) {
            if (member != m_session->me() && m_session->users()->contains(member))
                names.append(m_session->users()->nameOf(member));
        }
    }
    m_mentions->setNames(names);
}

void ChatPane::onModelDataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight, const QList<int>& roles)
{
    static const QList<int> layoutOnly = { MessageModel::StartsDayRole, MessageModel::StartsGroupRole };
    if (roles == layoutOnly)
        return;
    for (int row = topLeft.row(); row <= bottomRight.row(); ++row)
        m_delegate->forget(m_model->index(row));
    Q_EMIT m_delegate->sizeHintChanged(topLeft); // edits, reactions and "Seen by" change heights
    QTimer::singleShot(0, m_actions, &MessageInteractions::refreshHover);
}

void ChatPane::onTyping(qint64 roomId, qint64 userId)
{
    if (roomId != m_roomId)
        return;
    m_typingUntil.insert(userId, QDateTime::currentMSecsSinceEpoch() + TypingShownMs);
    refreshTyping();
    m_typingTimer.start();
}

void ChatPane::refreshTyping()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QStringList names;
    for (auto it = m_typingUntil.begin(); it != m_typingUntil.end();) {
        if (it.value() <= now) {
            it = m_typingUntil.erase(it);
            continue;
        }
        names.append(m_session->users()->nameOf(it.key()));
        ++it;
    }
    names.sort(Qt::CaseInsensitive);
    if (names.isEmpty()) {
        m_typing->clear();
        m_typingTimer.stop();
    } else if (names.size() == 1) {
        m_typing->setText(tr("%1 is typing…").arg(names.first()));
    } else {
        m_typing->setText(tr("%1 are typing…").arg(names.join(QLatin1String(", "))));
    }
}

} // namespace chat::client
