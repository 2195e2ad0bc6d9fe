#pragma once

#include "ChatConnection.h"
#include "Preferences.h"

#include <QMainWindow>

class QAction;
class QLabel;
class QMenu;
class QToolBar;

namespace chat::client {

class ChatPane;
class ChatSession;
class PeopleDock;
class QuickSwitcher;
class SearchPanel;
class TrayIcon;

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
    QAction* reconnectAction() const { return m_reconnect; }
    QAction* closeToTrayAction() const { return m_closeToTray; }
    QAction* shortcutsAction() const { return m_shortcuts; }
    TrayIcon* tray() const { return m_tray; }
    QuickSwitcher* quickSwitcher() const { return m_switcher; }
    SearchPanel* searchPanel() const { return m_search; }
    QAction* searchRoomAction() const { return m_searchRoom; }
    QAction* searchAllAction() const { return m_searchAll; }

    void restoreLayout(); // geometry and dock state from QSettings, fitted to the screen
    void saveLayout() const;
    void showNotice(const QString& message); // in the status bar, for a while
    void retire(); // signed out: saves the layout, hides the window and the tray icon
    bool startsInTray() const; // "start minimised to the tray" is on and a tray exists
    QAction* settingsAction() const { return m_settings; }
    const Preferences& preferences() const { return m_preferences; }
    void applyPreferences(const Preferences& preferences); // and keeps them

Q_SIGNALS:
    void logoutRequested();
    void preferencesChanged(const chat::client::Preferences& preferences);
    void quitRequested();

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void updateTitle();
    void showConnectionState(ChatConnection::State state);
    void fitToScreen();
    void reopenLastConversation(); // after signing in, the conversation open when the app last ran
    void showShortcuts();
    void showSettings();
    void showAndActivate();
    void notify(const chat::Message& message, bool mine);
    void askCreateRoom();
    void askJoinRoom(const QList<chat::PublicRoom>& rooms);
    void setUpSearch(QMenu* menu, QToolBar* toolbar);
    void offerSearch(); // only where the server announces it
    void openSearchResult(qint64 roomId, qint64 seq, const QString& foldedQuery);

    ChatSession* m_session;
    PeopleDock* m_dock;
    ChatPane* m_pane;
    QAction* m_toggleDock;
    QLabel* m_connectionLabel;
    QAction* m_reconnect;
    QAction* m_closeToTray;
    QAction* m_shortcuts = nullptr;
    QAction* m_settings = nullptr;
    Preferences m_preferences;
    TrayIcon* m_tray;
    QuickSwitcher* m_switcher;
    SearchPanel* m_search;
    QAction* m_searchRoom = nullptr;
    QAction* m_searchAll = nullptr;
    bool m_joinPending = false;
    bool m_toldAboutTray = false;
};

} // namespace chat::client
