#include "MainWindow.h"

#include "Appearance.h"
#include "ChatPane.h"
#include "ChatSession.h"
#include "Composer.h"
#include "PeopleDock.h"
#include "Protocol.h"
#include "QuickSwitcher.h"
#include "RoomsModel.h"
#include "SearchPanel.h"
#include "SettingsDialog.h"
#include "ShortcutsDialog.h"
#include "TrayIcon.h"
#include "UsersModel.h"

#include "Icons.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QIcon>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>
#include <QUrl>
#include <QWindow>

namespace chat::client {

namespace {
const QString GeometryKey = QStringLiteral("window/geometry");
const QString StateKey = QStringLiteral("window/state");
const QString CloseToTrayKey = QStringLiteral("window/closeToTray");
const QString LastRoomKey = QStringLiteral("window/lastRoom");
constexpr int LayoutVersion = 1;
const QSize DefaultSize(1000, 680);
// Room for the window manager's frame before the window has been shown (and its frame is known).
const QMargins GuessedFrame(8, 40, 8, 8);
} // namespace

MainWindow::MainWindow(ChatSession* session, QWidget* parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_dock(new PeopleDock(session, this))
    , m_pane(new ChatPane(session, this))
    , m_connectionLabel(new QLabel(this))
    , m_reconnect(new QAction(tr("&Reconnect now"), this))
    , m_closeToTray(new QAction(tr("&Close to tray"), this))
    , m_tray(new TrayIcon(Icons::app(), this))
    , m_switcher(new QuickSwitcher(session, this))
    , m_search(new SearchPanel(session, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(Icons::app());
    auto* central = new QSplitter(Qt::Horizontal, this);
    central->setObjectName(QStringLiteral("centralSplitter"));
    central->setChildrenCollapsible(false);
    central->addWidget(m_pane);
    central->addWidget(m_search);
    central->setStretchFactor(0, 1);
    central->setStretchFactor(1, 0);
    m_search->hide();
    setCentralWidget(central);
    addDockWidget(Qt::LeftDockWidgetArea, m_dock);
    resize(DefaultSize);

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

    m_reconnect->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_reconnect->setToolTip(tr("Try to reach the server now instead of waiting (Ctrl+R)"));
    m_reconnect->setEnabled(false);
    connect(m_reconnect, &QAction::triggered, m_session, &ChatSession::reconnectNow);

    auto* chatMenu = menuBar()->addMenu(tr("&Chat"));
    chatMenu->addAction(m_reconnect);
    m_settings = chatMenu->addAction(tr("&Settings…"));
    m_settings->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    connect(m_settings, &QAction::triggered, this, &MainWindow::showSettings);
    auto* logout = chatMenu->addAction(tr("&Log out"));
    logout->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    connect(logout, &QAction::triggered, this, &MainWindow::logoutRequested);
    chatMenu->addSeparator();
    auto* quit = chatMenu->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q)); // QKeySequence::Quit is empty on some desktops
    connect(quit, &QAction::triggered, this, [this] {
        saveLayout();
        Q_EMIT quitRequested();
    });

    auto* viewMenu = menuBar()->addMenu(tr("&View"));
    viewMenu->addAction(m_toggleDock);
    m_closeToTray->setCheckable(true);
    m_closeToTray->setChecked(QSettings().value(CloseToTrayKey, true).toBool());
    m_closeToTray->setToolTip(tr("Closing the window keeps Chat running in the tray, when the desktop has one"));
    connect(m_closeToTray, &QAction::toggled, this, [this](bool on) {
        m_preferences.closeToTray = on;
        QSettings().setValue(CloseToTrayKey, on);
    });
    viewMenu->addAction(m_closeToTray);
    auto* filter = viewMenu->addAction(tr("&Find person…"));
    filter->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P)); // Ctrl+F searches messages
    connect(filter, &QAction::triggered, this, [this] {
        m_dock->show();
        m_dock->filterEdit()->setFocus();
    });
    setUpSearch(viewMenu, toolbar);
    viewMenu->addSeparator();
    auto* goTo = viewMenu->addAction(tr("&Go to conversation…"));
    goTo->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    connect(goTo, &QAction::triggered, m_switcher, &QuickSwitcher::start);
    auto* previous = viewMenu->addAction(tr("&Previous conversation"));
    previous->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Up));
    connect(previous, &QAction::triggered, this, [this] { m_dock->openAdjacent(-1); });
    auto* next = viewMenu->addAction(tr("&Next conversation"));
    next->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Down));
    connect(next, &QAction::triggered, this, [this] { m_dock->openAdjacent(1); });

    auto* roomsMenu = menuBar()->addMenu(tr("&Rooms"));
    auto* create = roomsMenu->addAction(tr("&Create room…"));
    create->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_N));
    connect(create, &QAction::triggered, this, &MainWindow::askCreateRoom);
    auto* join = roomsMenu->addAction(tr("&Join room…"));
    join->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_J));
    connect(join, &QAction::triggered, this, [this] {
        m_joinPending = true;
        m_session->fetchPublicRooms();
    });

    auto* helpMenu = menuBar()->addMenu(tr("&Help"));
    m_shortcuts = helpMenu->addAction(tr("&Keyboard shortcuts"));
    m_shortcuts->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
    connect(m_shortcuts, &QAction::triggered, this, &MainWindow::showShortcuts);

    m_connectionLabel->setObjectName(QStringLiteral("connectionState"));
    m_connectionLabel->setAccessibleName(tr("Connection state"));
    auto* reconnectButton = new QToolButton(this);
    reconnectButton->setDefaultAction(m_reconnect);
    reconnectButton->setAutoRaise(true);
    connect(m_reconnect, &QAction::changed, reconnectButton,
        [this, reconnectButton] { reconnectButton->setVisible(m_reconnect->isEnabled()); });
    reconnectButton->hide();
    statusBar()->addPermanentWidget(reconnectButton);
    statusBar()->addPermanentWidget(m_connectionLabel);

    m_tray->addAction(m_reconnect);
    connect(m_tray, &TrayIcon::openRequested, this, &MainWindow::showAndActivate);
    connect(m_tray, &TrayIcon::quitRequested, this, [this] {
        saveLayout();
        Q_EMIT quitRequested();
    });
    showConnectionState(session->state());

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
    connect(m_session, &ChatSession::stateChanged, this, &MainWindow::showConnectionState);
    connect(m_session->rooms(), &RoomsModel::totalUnreadChanged, this, &MainWindow::updateTitle);
    connect(m_session, &ChatSession::synced, this, &MainWindow::updateTitle);
    connect(m_session, &ChatSession::synced, this, &MainWindow::reopenLastConversation);
    connect(m_session, &ChatSession::cacheLoaded, this, &MainWindow::updateTitle);
    connect(m_session, &ChatSession::cacheLoaded, this, &MainWindow::reopenLastConversation);
    connect(m_session, &ChatSession::activeRoomChanged, this, [](qint64 roomId) {
        if (roomId)
            QSettings().setValue(LastRoomKey, roomId);
    });
    connect(m_session, &ChatSession::messageArrived, this, &MainWindow::notify);
    connect(m_pane, &ChatPane::linkActivated, this, [](const QString& url) { QDesktopServices::openUrl(QUrl(url)); });
    // The dock still signals while the window is being destroyed: the pane, not this half-destroyed window, is
    // the receiver (UBSan caught the access).
    connect(m_dock, &QDockWidget::visibilityChanged, m_pane, [pane = m_pane] { pane->updateReading(); });

    updateTitle();
    offerSearch();
    m_preferences = Preferences::load();
    Appearance::apply(m_preferences.theme);
    m_pane->setMessageFontPoints(m_preferences.messageFontPoints);
}

void MainWindow::setUpSearch(QMenu* menu, QToolBar* toolbar)
{
    m_searchRoom = menu->addAction(tr("&Search this room…"));
    m_searchRoom->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F));
    connect(m_searchRoom, &QAction::triggered, this, [this] { m_search->start(SearchPanel::Scope::ThisRoom); });
    m_searchAll = menu->addAction(tr("Search &all rooms…"));
    m_searchAll->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    m_searchAll->setIconText(tr("Search"));
    m_searchAll->setToolTip(tr("Search the messages of every room (Ctrl+Shift+F); Ctrl+F searches the open room"));
    m_searchAll->setIcon(Icons::action(Icons::Action::Search, palette()));
    connect(m_searchAll, &QAction::triggered, this, [this] { m_search->start(SearchPanel::Scope::AllRooms); });
    toolbar->addAction(m_searchAll);
    connect(m_search, &SearchPanel::resultActivated, this, &MainWindow::openSearchResult);
    connect(m_search, &SearchPanel::closed, this, [this] {
        if (m_pane->roomId())
            m_pane->composer()->setFocus();
    });
    connect(m_session, &ChatSession::signedOut, m_search, &SearchPanel::forget);
    connect(m_session, &ChatSession::signedIn, this, &MainWindow::offerSearch);
    connect(m_session, &ChatSession::synced, this, &MainWindow::offerSearch);
}

void MainWindow::offerSearch()
{
    // Features come with server.hello and are kept across reconnects: hidden until a server has said it searches.
    const bool offered = m_session->hasFeature(protocol::feature::Search);
    m_searchRoom->setVisible(offered);
    m_searchAll->setVisible(offered);
    if (!offered && m_search->isVisible())
        m_search->close();
}

void MainWindow::openSearchResult(qint64 roomId, qint64 seq, const QString& foldedQuery)
{
    m_session->openRoom(roomId); // the pane shows it at once, and takes the focus: the field keeps it
    m_pane->showSearchMatch(seq, foldedQuery);
    m_search->field()->setFocus();
}

void MainWindow::showSettings()
{
    auto* dialog = new SettingsDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setPreferences(Preferences::load());
    connect(dialog, &QDialog::accepted, this, [this, dialog] { applyPreferences(dialog->preferences()); });
    dialog->open();
}

void MainWindow::applyPreferences(const Preferences& preferences)
{
    m_preferences = preferences;
    m_preferences.save();
    m_closeToTray->setChecked(preferences.closeToTray);
    Appearance::apply(preferences.theme);
    m_pane->setMessageFontPoints(preferences.messageFontPoints);
    Q_EMIT preferencesChanged(preferences);
}

bool MainWindow::startsInTray() const
{
    return m_preferences.startMinimized && m_tray->isAvailable();
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(GeometryKey).toByteArray()))
        resize(DefaultSize);
    restoreState(settings.value(StateKey).toByteArray(), LayoutVersion);
    fitToScreen();
    m_tray->show();
}

void MainWindow::fitToScreen()
{
    const QScreen* screen = this->screen() ? this->screen() : QGuiApplication::primaryScreen();
    if (!screen || isMaximized() || isFullScreen())
        return;
    const QMargins known = windowHandle() && isVisible() ? windowHandle()->frameMargins() : QMargins();
    const QMargins frame = known.isNull() ? GuessedFrame : known;
    const QRect room = screen->availableGeometry().marginsRemoved(frame);
    QRect wanted(geometry().topLeft(), geometry().size().boundedTo(room.size()));
    if (wanted.right() > room.right())
        wanted.moveRight(room.right());
    if (wanted.bottom() > room.bottom())
        wanted.moveBottom(room.bottom());
    if (wanted.left() < room.left())
        wanted.moveLeft(room.left());
    if (wanted.top() < room.top())
        wanted.moveTop(room.top());
    setGeometry(wanted);
}

void MainWindow::reopenLastConversation()
{
    const qint64 last = QSettings().value(LastRoomKey).toLongLong();
    if (!m_session->activeRoom() && last && m_session->rooms()->room(last))
        m_session->openRoom(last);
}

void MainWindow::showShortcuts()
{
    QList<QAction*> actions;
    for (const QAction* menu : menuBar()->actions()) {
        if (menu->menu())
            actions += menu->menu()->actions();
    }
    auto* dialog = new ShortcutsDialog(actions, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("shortcutsDialog"));
    dialog->show();
}

void MainWindow::showAndActivate()
{
    showNormal();
    raise();
    activateWindow();
}

void MainWindow::showNotice(const QString& message)
{
    statusBar()->showMessage(message, 30000);
}

void MainWindow::retire()
{
    if (isVisible())
        saveLayout();
    hide();
    m_tray->hide();
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
    if (m_closeToTray->isChecked() && m_tray->isAvailable()) {
        event->ignore();
        hide();
        if (!std::exchange(m_toldAboutTray, true))
            m_tray->notify(tr("Chat is still running"), tr("New messages will show here. Quit from this icon's menu."));
        return;
    }
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
    const QString me = m_session->currentUser().username;
    QString title = me.isEmpty() ? tr("Chat") : tr("%1 — Chat").arg(me);
    if (unread > 0)
        title = QStringLiteral("(%1) ").arg(unread) + title;
    setWindowTitle(title);
    m_tray->setToolTip(unread > 0 ? tr("Chat — %n unread", nullptr, int(unread)) : tr("Chat"));
}

void MainWindow::showConnectionState(ChatConnection::State state)
{
    m_connectionLabel->setText(QStringLiteral("● ") + ChatSession::describe(state));
    QPalette palette = m_connectionLabel->palette();
    const QColor color = state == ChatConnection::State::Online ? QColor(0x2e, 0xa0, 0x43)
        : state == ChatConnection::State::Offline               ? QColor(0xc0, 0x1c, 0x28)
                                                                : QColor(0xc6, 0x8a, 0x00);
    palette.setColor(QPalette::WindowText, color);
    m_connectionLabel->setPalette(palette);
    m_tray->setStatus(tr("Status: %1").arg(ChatSession::describe(state)));
    m_reconnect->setEnabled(m_session->canReconnectNow());
}

void MainWindow::notify(const chat::Message& message, bool mine)
{
    if (mine || !m_session->shouldNotify(message)) // the room's notification level
        return;
    const bool focused = isVisible() && isActiveWindow() && !isMinimized();
    const bool inView = message.roomId == m_session->activeRoom() && focused;
    if (inView || (focused && m_preferences.onlyWhenUnfocused))
        return;
    QApplication::alert(this);
    if (m_preferences.sound)
        QApplication::beep();
    if (!m_preferences.popups)
        return;
    const QString sender = m_session->users()->nameOf(message.senderId);
    const QString room = m_session->rooms()->titleOf(message.roomId);
    const QString title = m_session->rooms()->peerOf(message.roomId) ? sender : tr("%1 in %2").arg(sender, room);
    m_tray->notify(title, message.body.left(200));
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
