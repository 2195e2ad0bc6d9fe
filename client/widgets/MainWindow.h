#pragma once

#include "ChatConnection.h"

#include <QMainWindow>

class QAction;
class QLabel;
class QSystemTrayIcon;

namespace chat::client {

class ChatPane;
class ChatSession;
class PeopleDock;

// The window people keep open all day: the people dock, the chat pane, connection state in the status
// bar, unread total in the title, desktop notifications for rooms out of view.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(ChatSession* session, QWidget* parent = nullptr);

    PeopleDock* dock() const { return m_dock; }
    ChatPane* chatPane() const { return m_pane; }
    QAction* toggleDockAction() const { return m_toggleDock; }
    QLabel* connectionLabel() const { return m_connectionLabel; }

    void restoreLayout(); // geometry and dock state from QSettings
    void saveLayout() const;

Q_SIGNALS:
    void logoutRequested();
    void quitRequested();

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void updateTitle();
    void showConnectionState(ChatConnection::State state);
    void notify(const chat::Message& message, bool mine);
    void askCreateRoom();
    void askJoinRoom(const QList<chat::PublicRoom>& rooms);

    ChatSession* m_session;
    PeopleDock* m_dock;
    ChatPane* m_pane;
    QAction* m_toggleDock;
    QLabel* m_connectionLabel;
    QSystemTrayIcon* m_tray = nullptr;
    bool m_joinPending = false;
};

} // namespace chat::client
