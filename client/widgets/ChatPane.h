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

namespace chat::client {

class ChatSession;
class Composer;
class MessageDelegate;

// The open room: its timeline (newest at the bottom, older pages as the reader scrolls up without the
// view jumping), a "new messages" button when the reader is elsewhere, who is typing, and the composer.
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
    bool isAtBottom() const;

    void updateReading(); // tells the session whether the reader sees the newest messages
    void setMessageFontPoints(int points); // 0: the system's size

Q_SIGNALS:
    void linkActivated(const QString& url);

protected:
    void resizeEvent(QResizeEvent* event) override;
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
    void copySelection();

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
    QPushButton* m_send;
    QLabel* m_notice;

    bool m_followNewest = true;
    bool m_adjusting = false;
    bool m_anchorToBottomDistance = false;
    int m_distanceFromBottom = 0;
    QHash<qint64, qint64> m_typingUntil; // user id -> ms since epoch
    QTimer m_typingTimer;
    QPersistentModelIndex m_editing;
};

} // namespace chat::client
