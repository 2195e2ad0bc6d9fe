#include "MainWindow.h"

#include "ChatPane.h"
#include "ChatSession.h"
#include "PeopleDock.h"
#include "RoomsModel.h"
#include "UsersModel.h"

#include "Icons.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QIcon>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QToolBar>
#include <QUrl>

namespace chat::client {

namespace {
const QString GeometryKey = QStringLiteral("window/geometry");
const QString StateKey = QStringLiteral("window/state");
constexpr int LayoutVersion = 1;
} // namespace

MainWindow::MainWindow(ChatSession* session, QWidget* parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_dock(new PeopleDock(session, this))
    , m_pane(new ChatPane(session, this))
    , m_connectionLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(Icons::app());
    setCentralWidget(m_pane);
    addDockWidget(Qt::LeftDockWidgetArea, m_dock);
    resize(1000, 680);

    m_toggleDock = m_dock->toggleViewAction();
    m_toggleDock->setText(tr("&People and rooms"));
    m_toggleDock->setToolTip(tr("Show or hide the people and rooms sidebar (Ctrl+B)"));
    m_toggleDock->setIcon(Icons::sidebar(palette()));
    m_toggleDock->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    m_toggleDock->setShortcutContext(Qt::WindowShortcut);

    auto* toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolBar"));
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addAction(m_toggleDock);

    auto* chatMenu = menuBar()->addMenu(tr("&Chat"));
    auto* logout = chatMenu->addAction(tr("&Log out"));
    connect(logout, &QAction::triggered, this, &MainWindow::logoutRequested);
    chatMenu->addSeparator();
    auto* quit = chatMenu->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &MainWindow::quitRequested);

    auto* viewMenu = menuBar()->addMenu(tr("&View"));
    viewMenu->addAction(m_toggleDock);
    auto* filter = viewMenu->addAction(tr("&Find person…"));
    filter->setShortcut(QKeySequence::Find);
    connect(filter, &QAction::triggered, this, [this] {
        m_dock->show();
        m_dock->filterEdit()->setFocus();
    });

    auto* roomsMenu = menuBar()->addMenu(tr("&Rooms"));
    connect(roomsMenu->addAction(tr("&Create room…")), &QAction::triggered, this, &MainWindow::askCreateRoom);
    connect(roomsMenu->addAction(tr("&Join room…")), &QAction::triggered, this, [this] {
        m_joinPending = true;
        m_session->fetchPublicRooms();
    });

    m_connectionLabel->setObjectName(QStringLiteral("connectionState"));
    m_connectionLabel->setAccessibleName(tr("Connection state"));
    statusBar()->addPermanentWidget(m_connectionLabel);
    showConnectionState(session->connection()->state());

    connect(m_dock, &PeopleDock::createRoomWanted, this, &MainWindow::askCreateRoom);
    connect(m_dock, &PeopleDock::joinRoomWanted, this, [this] {
        m_joinPending = true;
        m_session->fetchPublicRooms();
    });
    connect(m_dock, &PeopleDock::leaveRoomWanted, this, [this](qint64 roomId) {
        const QString title = m_session->rooms()->titleOf(roomId);
        if (QMessageBox::question(this, tr("Leave room"), tr("Leave %1?").arg(title)) == QMessageBox::Yes)
            m_session->leaveRoom(roomId);
    });
    connect(m_session, &ChatSession::publicRoomsFetched, this, &MainWindow::askJoinRoom);
    connect(m_session, &ChatSession::failed, this,
        [this](const QString& message) { statusBar()->showMessage(message, 8000); });
    connect(m_session->connection(), &ChatConnection::stateChanged, this, &MainWindow::showConnectionState);
    connect(m_session->rooms(), &RoomsModel::totalUnreadChanged, this, &MainWindow::updateTitle);
    connect(m_session, &ChatSession::synced, this, &MainWindow::updateTitle);
    connect(m_session, &ChatSession::messageArrived, this, &MainWindow::notify);
    connect(m_pane, &ChatPane::linkActivated, this, [](const QString& url) { QDesktopServices::openUrl(QUrl(url)); });
    connect(m_dock, &QDockWidget::visibilityChanged, this, [this] { m_pane->updateReading(); });

    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(windowIcon(), this);
        m_tray->setToolTip(tr("Chat"));
        connect(m_tray, &QSystemTrayIcon::activated, this, [this] {
            showNormal();
            raise();
            activateWindow();
        });
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
            showNormal();
            raise();
            activateWindow();
        });
        m_tray->show();
    }
    updateTitle();
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(GeometryKey).toByteArray()))
        resize(1000, 680);
    restoreState(settings.value(StateKey).toByteArray(), LayoutVersion);
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.setValue(GeometryKey, saveGeometry());
    settings.setValue(StateKey, saveState(LayoutVersion));
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveLayout();
    event->accept();
    Q_EMIT quitRequested();
}

void MainWindow::changeEvent(QEvent* event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::ActivationChange || event->type() == QEvent::WindowStateChange)
        m_pane->updateReading();
}

void MainWindow::updateTitle()
{
    const qint64 unread = m_session->rooms()->totalUnread();
    const QString me = m_session->connection()->me().username;
    QString title = me.isEmpty() ? tr("Chat") : tr("%1 — Chat").arg(me);
    if (unread > 0)
        title = QStringLiteral("(%1) ").arg(unread) + title;
    setWindowTitle(title);
    if (m_tray)
        m_tray->setToolTip(unread > 0 ? tr("Chat — %n unread", nullptr, int(unread)) : tr("Chat"));
}

void MainWindow::showConnectionState(ChatConnection::State state)
{
    m_connectionLabel->setText(QStringLiteral("● ") + ChatConnection::describe(state));
    QPalette palette = m_connectionLabel->palette();
    const QColor color = state == ChatConnection::State::Online ? QColor(0x2e, 0xa0, 0x43)
        : state == ChatConnection::State::Offline               ? QColor(0xc0, 0x1c, 0x28)
                                                                : QColor(0xc6, 0x8a, 0x00);
    palette.setColor(QPalette::WindowText, color);
    m_connectionLabel->setPalette(palette);
}

void MainWindow::notify(const chat::Message& message, bool mine)
{
    if (mine)
        return;
    const bool inView = message.roomId == m_session->activeRoom() && isActiveWindow() && !isMinimized();
    if (inView)
        return;
    QApplication::alert(this);
    if (!m_tray)
        return;
    const QString sender = m_session->users()->nameOf(message.senderId);
    const QString room = m_session->rooms()->titleOf(message.roomId);
    const QString title = m_session->rooms()->peerOf(message.roomId) ? sender : tr("%1 in %2").arg(sender, room);
    m_tray->showMessage(title, message.body.left(200), QSystemTrayIcon::Information, 6000);
}

void MainWindow::askCreateRoom()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Create room"), tr("Room name:"), QLineEdit::Normal, {}, &ok);
    if (ok && !name.trimmed().isEmpty())
        m_session->createRoom(name);
}

void MainWindow::askJoinRoom(const QList<chat::PublicRoom>& rooms)
{
    if (!m_joinPending)
        return;
    m_joinPending = false;
    QStringList names;
    QList<qint64> ids;
    for (const PublicRoom& room : rooms) {
        if (m_session->rooms()->room(room.id))
            continue;
        names.append(tr("#%1 (%n member(s))", nullptr, int(room.memberCount)).arg(room.name));
        ids.append(room.id);
    }
    if (names.isEmpty()) {
        QMessageBox::information(this, tr("Join room"), tr("You are already in every room on this server."));
        return;
    }
    bool ok = false;
    const QString chosen = QInputDialog::getItem(this, tr("Join room"), tr("Room:"), names, 0, false, &ok);
    if (ok && names.contains(chosen))
        m_session->joinRoom(ids.at(names.indexOf(chosen)));
}

} // namespace chat::client
