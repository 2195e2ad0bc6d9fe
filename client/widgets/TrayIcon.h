#pragma once

#include <QObject>

#include <functional>

class QAction;
class QIcon;
class QMenu;
class QSystemTrayIcon;
class QWidget;

namespace chat::client {

// The app's icon in the desktop's tray, with a menu to open the window, see the connection's state and
// quit. It is shown even when no tray exists yet: Qt puts it there once a tray appears (a panel that
// starts after the app, or a restarted shell).
class TrayIcon : public QObject {
    Q_OBJECT
public:
    TrayIcon(const QIcon& icon, QWidget* parent);

    QSystemTrayIcon* icon() const { return m_icon; }
    QMenu* menu() const { return m_menu; }
    QAction* statusAction() const { return m_status; }
    void addAction(QAction* action); // above Quit

    void setStatus(const QString& text);
    void setToolTip(const QString& text);
    void show();
    void hide();
    void notify(const QString& title, const QString& body);

    bool isAvailable() const; // a tray exists now, so a window closed to it can be found again
    void setAvailabilityProbe(std::function<bool()> probe) { m_available = std::move(probe); } // tests

Q_SIGNALS:
    void openRequested();
    void quitRequested();

private:
    QSystemTrayIcon* m_icon;
    QMenu* m_menu;
    QAction* m_status;
    QAction* m_quit;
    std::function<bool()> m_available;
};

} // namespace chat::client
