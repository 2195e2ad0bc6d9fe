#pragma once

#include "MessageActionBar.h"

#include <QObject>
#include <QPersistentModelIndex>

class QListView;
class QMenu;
class QMessageBox;

namespace chat::client {

class ChatSession;
class EmojiPicker;
class MessageDelegate;

// What can be done to the messages of the open room, from the hover bar, the context menu, the reaction
// chips and the reply quotes: react (quick, or from the emoji picker), reply, edit, delete (after asking),
// copy text. Replying and editing happen in the composer: this asks the pane for them.
class MessageInteractions : public QObject {
    Q_OBJECT
public:
    MessageInteractions(ChatSession* session, QListView* view, MessageDelegate* delegate, QWidget* pane);

    void setRoom(qint64 roomId);
    MessageActionBar* actionBar() const { return m_bar; }
    EmojiPicker* reactionPicker() const { return m_picker; }
    QMenu* menuFor(const QModelIndex& index); // the context menu of that message (the caller shows it)
    void refreshHover(); // after a scroll or a model change: the bar follows the row under the mouse

    void react(const QModelIndex& index, const QString& emoji); // toggles the user's own reaction
    void pickReaction(const QModelIndex& index, const QPoint& globalPos);
    void confirmDelete(const QModelIndex& index);
    void copyText(const QModelIndex& index); // the selected messages' text when it is one of them, else its own
    void copySelection();
    bool canEdit(const QModelIndex& index) const;
    MessageActionBar::Offer offerFor(const QModelIndex& index) const; // what the user may do to it here
    static bool isActionable(const QModelIndex& index); // stored, not deleted

Q_SIGNALS:
    void replyRequested(const QModelIndex& index);
    void editRequested(const QModelIndex& index);
    void jumpRequested(qint64 seq);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void hover(const QPoint& pos);
    void unhover();
    void trigger(MessageActionBar::Action action, const QPersistentModelIndex& index, const QString& emoji);

    ChatSession* m_session;
    QListView* m_view;
    // Compared in eventFilter() without a call into m_view, which may be half destroyed by then (its
    // viewport still gets events while ~QListView has run).
    QWidget* m_viewport;
    MessageDelegate* m_delegate;
    QWidget* m_pane;
    MessageActionBar* m_bar;
    EmojiPicker* m_picker;
    QPersistentModelIndex m_pickerTarget;
    QPersistentModelIndex m_hovered;
    QString m_hoverTarget; // the chip or quote under the mouse, to repaint only when it changes
    qint64 m_roomId = 0;
};

} // namespace chat::client
