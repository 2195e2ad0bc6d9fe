#pragma once

#include "MessageModel.h"

#include <QHash>
#include <QPersistentModelIndex>
#include <QPointer>
#include <QTimer>
#include <QWidget>

class QLabel;
class QListView;
class QPushButton;
class QStackedWidget;
class QToolButton;

namespace chat::client {

class AttachmentSender;
class ChatSession;
class Composer;
class ComposerBanner;
class EmojiPicker;
class MentionCompleter;
class MessageInteractions;
class MessageDelegate;
class TransferList;

// The open room: its timeline (newest at the bottom, older pages as the reader scrolls up without the
// view jumping), a "new messages" button when the reader is elsewhere, who is typing, and the composer,
// which also replies to a message, edits one (Up in an empty composer: the last one of mine) and completes
// @names of the room's members. Files come in by the paper clip, a drop or a paste (AttachmentSender), show their
// progress above the composer (TransferList), and open from the timeline: an image in the ImageViewer, another file
// downloaded into the Downloads folder.
class ChatPane : public QWidget {
    Q_OBJECT
public:
    explicit ChatPane(ChatSession* session, QWidget* parent = nullptr);

    qint64 roomId() const { return m_roomId; }
    QListView* view() const { return m_view; }
    Composer* composer() const { return m_composer; }
    QPushButton* newMessagesButton() const { return m_newMessages; }
    QLabel* typingLabel() const { return m_typing; }
    QLabel* titleLabel() const { return m_title; }
    MessageModel* model() const { return m_model; }
    MessageDelegate* delegate() const { return m_delegate; }
    MessageInteractions* interactions() const { return m_actions; }
    ComposerBanner* composerBanner() const { return m_banner; }
    MentionCompleter* mentionCompleter() const { return m_mentions; }
    EmojiPicker* composerEmojiPicker() const { return m_composerPicker; }
    QToolButton* emojiButton() const { return m_emojiButton; }
    QToolButton* attachButton() const;
    AttachmentSender* attachmentSender() const { return m_attach; }
    TransferList* transferList() const { return m_transfers; }
    void openAttachment(const chat::Attachment& attachment); // an image in a viewer; another file downloaded
    QLabel* noticeLabel() const { return m_notice; }
    bool isAtBottom() const;
    int rowOfSeq(qint64 seq) const; // -1 when the message is not loaded
    qint64 replyingTo() const { return m_replyToId; } // a message id, or 0
    qint64 editing() const { return m_editingId; } // a message id, or 0

    void startReply(const QModelIndex& index);
    void startEdit(const QModelIndex& index);
    bool editLastMessage(); // the newest message of mine still there; false when there is none
    void cancelComposerMode(); // ends a reply or an edit (an edit gives the draft back)
    void jumpToMessage(qint64 seq); // scrolls to it, loading history around it when it is not loaded
    // A search result opened: jumps to it and keeps it marked, with the query's matches in its text, until the
    // reader moves on (another room, another result, typing in the composer).
    void showSearchMatch(qint64 seq, const QString& foldedQuery);
    void clearSearchMatch();
    qint64 searchMatchSeq() const;

    void updateReading(); // tells the session whether the reader sees the newest messages
    void setMessageFontPoints(int points); // 0: the system's size

Q_SIGNALS:
    void linkActivated(const QString& url);

protected:
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void showRoom(qint64 roomId);
    void onScrolled(int value);
    void onRangeChanged(int minimum, int maximum);
    void onAppended();
    void onTyping(qint64 roomId, qint64 userId);
    void refreshTyping();
    void refreshHeader();
    void submit(const QString& text);
    void jumpToNewest();
    void placeNewMessagesButton();
    void onJumpReady(qint64 roomId, qint64 seq);
    void flash(int row);
    void refreshMembers();
    void onModelDataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight, const QList<int>& roles);

    ChatSession* m_session;
    qint64 m_roomId = 0;
    QPointer<MessageModel> m_model;
    QStackedWidget* m_stack;
    QLabel* m_title;
    QLabel* m_subtitle;
    QListView* m_view;
    MessageDelegate* m_delegate;
    QPushButton* m_newMessages;
    QLabel* m_typing;
    Composer* m_composer;
    ComposerBanner* m_banner;
    QToolButton* m_emojiButton;
    QPushButton* m_send;
    QLabel* m_notice;
    MessageInteractions* m_actions;
    MentionCompleter* m_mentions;
    EmojiPicker* m_composerPicker;
    AttachmentSender* m_attach;
    TransferList* m_transfers;

    bool m_followNewest = true;
    bool m_adjusting = false;
    bool m_anchorToBottomDistance = false;
    int m_distanceFromBottom = 0;
    QHash<qint64, qint64> m_typingUntil; // user id -> ms since epoch
    QTimer m_typingTimer;
    QPersistentModelIndex m_editing; // the row whose text is open for selecting
    qint64 m_replyToId = 0;
    qint64 m_editingId = 0;
    qint64 m_editingSeq = 0;
    QString m_draft; // what the composer held before an edit began
    qint64 m_jumpSeq = 0; // asked for, not loaded yet
    QPersistentModelIndex m_keptInView; // a jump's target: centred while pages land around it, until the reader scrolls
    QTimer m_flashTimer;
};

} // namespace chat::client
