#include "Backoff.h"
#include "ChatPane.h"
#include "ChatSession.h"
#include "Composer.h"
#include "CredentialsForm.h"
#include "Fixtures.h"
#include "GuiHarness.h"
#include "LocalCache.h"
#include "LoginDialog.h"
#include "MainWindow.h"
#include "MessageModel.h"
#include "PeopleDock.h"
#include "Preferences.h"
#include "QuickSwitcher.h"
#include "RoomsModel.h"
#include "SettingsDialog.h"
#include "ShortcutsDialog.h"
#include "SignupDialog.h"
#include "TestServer.h"
#include "Translations.h"
#include "TrayIcon.h"
#include "UsersModel.h"
#include "cli/AdminCommands.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QPaintEvent>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScreen>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QSystemTrayIcon>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace chat;
using namespace chat::client;
using namespace chat::test;

namespace {
const QString Password = QStringLiteral("correct horse");

// Collects what a widget actually repaints: a property can be right while the pixels are stale.
class PaintWatcher : public QObject {
public:
    explicit PaintWatcher(QWidget* widget)
        : QObject(widget)
        , m_widget(widget)
    {
        widget->installEventFilter(this);
    }
    bool repaintedWhole() const { return m_painted.contains(m_widget->rect()); }
    void reset() { m_painted = {}; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (watched == m_widget && event->type() == QEvent::Paint)
            m_painted += static_cast<QPaintEvent*>(event)->region();
        return false;
    }

private:
    QWidget* m_widget;
    QRegion m_painted;
};

void roomyLimits(server::ServerConfig& config)
{
    config.limits.messagesPerSecond = 1000;
    config.limits.messageBurst = 1000;
}

qint64 directRoom(TestClient& client, qint64 userId)
{
    return roomIdOf(client.call(protocol::method::RoomsDirect, params::Direct { userId }.toJson()));
}

// The login dialog as a person meets it after a mistake: the focus must be in the password field, and
// typing the password and pressing Enter signs in (and does not quit, as Enter on Quit would).
void enterPasswordWhereTheFocusIs(AppController& app)
{
    QCOMPARE(QApplication::focusWidget(), app.loginDialog()->form()->passwordEdit());
    QSignalSpy quit(&app, &AppController::quitRequested);
    QTest::keyClicks(QApplication::focusWidget(), Password);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QTRY_VERIFY(app.mainWindow()->isVisible());
    QCOMPARE(quit.count(), 0);
}

bool sendAs(TestClient& client, qint64 roomId, const QString& body)
{
    return client.call(protocol::method::MessagesSend, params::Send { roomId, body, body }.toJson()).ok();
}

QStringList bodiesIn(const MessageModel* model)
{
    QStringList bodies;
    for (int row = 0; model && row < model->rowCount(); ++row)
        bodies.append(model->index(row).data(MessageModel::BodyRole).toString());
    return bodies;
}

// What the server stored in the room, read by another member: the truth about "exactly once".
QStringList bodiesStoredOnServer(const QUrl& server, const QString& member, qint64 roomId)
{
    TestClient check;
    if (!check.connectTo(server) || !check.login(member).ok())
        return { QStringLiteral("(could not sign in as %1)").arg(member) };
    const Reply history
        = check.call(protocol::method::MessagesHistory, params::History { roomId, {}, {}, 200 }.toJson());
    QStringList bodies;
    const QJsonArray messages = history.result.value(protocol::key::Messages).toArray();
    for (const QJsonValue& message : messages)
        bodies.append(message.toObject().value(protocol::key::Body).toString());
    return bodies;
}
} // namespace

class ClientGuiTest : public QObject {
    Q_OBJECT
    QTemporaryDir m_settingsDir;
    std::unique_ptr<Translations> m_translations;

private Q_SLOTS:
    void initTestCase()
    {
        // Settings (window layout, server, tokens) in a folder of this run only: parallel runs must not
        // share.
        QVERIFY(m_settingsDir.isValid());
        useSettingsIn(m_settingsDir, QStringLiteral("gui_client"));
        m_translations = std::make_unique<Translations>(QLocale(QLocale::English)); // as main() installs them
    }

    void init()
    {
        QSettings().clear();
        // Local caches of earlier tests: servers on port 0 may reuse a port, and a cache must not outlive its test.
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)).removeRecursively();
    }

    void wrongPasswordShowsItsMessageAndEnterTriesAgain()
    {
        TestServer server;
        QVERIFY2(server.start(), qPrintable(server.lastError()));
        QVERIFY(signedUpClient(server, QStringLiteral("alice")));

        auto app = startClient();
        LoginDialog* login = app->loginDialog();
        QTRY_VERIFY(login->isVisible());
        activate(login);
        login->form()->serverEdit()->setText(server.url().toString());
        QTest::keyClicks(login->form()->usernameEdit(), QStringLiteral("alice"));
        QTest::keyClicks(login->form()->passwordEdit(), QStringLiteral("not the password"));
        QTest::keyClick(login->form()->passwordEdit(), Qt::Key_Return);

        QTRY_COMPARE(login->form()->errorText(), QStringLiteral("Wrong username or password."));
        QVERIFY(login->isVisible());
        QVERIFY(login->signInButton()->isEnabled()); // no longer busy
        QVERIFY(!app->mainWindow()->isVisible());

        // The focus is back in the password field, not on Quit: Enter tries again instead of quitting.
        enterPasswordWhereTheFocusIs(*app);
    }

    void unreachableServerSaysSo()
    {
        TestServer server;
        QVERIFY(server.start());
        const QUrl url = server.url();
        server.stop();

        auto app = startClient();
        LoginDialog* login = app->loginDialog();
        login->form()->serverEdit()->setText(url.toString());
        QTest::keyClicks(login->form()->usernameEdit(), QStringLiteral("alice"));
        QTest::keyClicks(login->form()->passwordEdit(), Password);
        QTest::keyClick(login->form()->passwordEdit(), Qt::Key_Return);
        QTRY_VERIFY(login->form()->errorText().startsWith(QStringLiteral("Cannot reach the server")));
        QVERIFY(login->signInButton()->isEnabled());
    }

    void signupSignsInAndAnErrorFocusesTheFieldToFix()
    {
        TestServer server;
        QVERIFY(server.start());
        QVERIFY(signedUpClient(server, QStringLiteral("taken")));
        auto app = startClient();
        QTRY_VERIFY(app->loginDialog()->isVisible());
        QTest::mouseClick(app->loginDialog()->signupButton(), Qt::LeftButton);
        SignupDialog* signup = app->signupDialog();
        QTRY_VERIFY(signup->isVisible());
        QVERIFY(!app->loginDialog()->isVisible());
        activate(signup);

        signup->form()->serverEdit()->setText(server.url().toString());
        QTest::keyClicks(signup->form()->usernameEdit(), QStringLiteral("taken"));
        QTest::keyClicks(signup->form()->passwordEdit(), Password);
        QTest::keyClicks(signup->confirmEdit(), Password);
        QTest::keyClick(signup->confirmEdit(), Qt::Key_Return);
        QTRY_COMPARE(
            signup->form()->errorText(), QStringLiteral("That username is already taken. Please choose another one."));
        QCOMPARE(QApplication::focusWidget(), signup->form()->usernameEdit()); // the field to fix

        signup->form()->usernameEdit()->clear();
        QTest::keyClicks(signup->form()->usernameEdit(), QStringLiteral("dana"));
        QTest::keyClick(signup->confirmEdit(), Qt::Key_Return);
        QTRY_VERIFY(app->mainWindow()->isVisible());
        QVERIFY(!signup->isVisible());
        QCOMPARE(app->connection()->me().username, QStringLiteral("dana"));
        QTRY_VERIFY(app->mainWindow()->windowTitle().contains(QStringLiteral("dana")));
        QTRY_COMPARE(app->mainWindow()->connectionLabel()->text(), QStringLiteral("● Online"));
        // New users are in "general" from the start.
        QTRY_VERIFY(app->mainWindow()->dock()->roomsView()->model()->rowCount() >= 1);
    }

    void dockListsUsersAndShowsANewcomerLive()
    {
        TestServer server;
        QVERIFY(server.start());
        auto bob = signedUpClient(server, QStringLiteral("bob"));
        auto app = signUpAndSignIn(server, QStringLiteral("alice"));
        QVERIFY(app);
        PeopleDock* dock = app->mainWindow()->dock();
        QTRY_VERIFY(dock->indexOfUser(bob->userId()).isValid());
        QVERIFY(dock->indexOfUser(bob->userId()).data(UsersModel::OnlineRole).toBool());
        QVERIFY(!dock->indexOfUser(app->connection()->me().id).isValid()); // not myself

        auto carol = signedUpClient(server, QStringLiteral("carol"));
        QVERIFY(carol);
        QTRY_VERIFY(dock->indexOfUser(carol->userId()).isValid());
        QCOMPARE(dock->peopleView()->model()->rowCount(), 2);

        // Presence moves people: bob goes offline and drops below carol.
        bob->close();
        QTRY_VERIFY(!dock->indexOfUser(bob->userId()).data(UsersModel::OnlineRole).toBool());
        QCOMPARE(dock->indexOfUser(carol->userId()).row(), 0);

        QTest::keyClicks(dock->filterEdit(), QStringLiteral("bo"));
        QCOMPARE(dock->peopleView()->model()->rowCount(), 1);
        QVERIFY(dock->indexOfUser(bob->userId()).isValid());
    }

    void dockCollapsesAndComesBackByActionAndShortcut()
    {
        TestServer server;
        QVERIFY(server.start());
        auto app = signUpAndSignIn(server, QStringLiteral("alice"));
        QVERIFY(app);
        MainWindow* window = app->mainWindow();
        PeopleDock* dock = window->dock();
        activate(window);
        QVERIFY(dock->isVisible());

        window->toggleDockAction()->trigger();
        QTRY_VERIFY(!dock->isVisible());
        window->toggleDockAction()->trigger();
        QTRY_VERIFY(dock->isVisible());

        QTest::keySequence(window, QKeySequence(Qt::CTRL | Qt::Key_B));
        QTRY_VERIFY(!dock->isVisible());
        QVERIFY(!window->toggleDockAction()->isChecked());
        QTest::keySequence(window, QKeySequence(Qt::CTRL | Qt::Key_B));
        QTRY_VERIFY(dock->isVisible());

        dock->close(); // the dock's own close button
        QTRY_VERIFY(!dock->isVisible());
        QVERIFY(!window->toggleDockAction()->isChecked());

        // Collapsed is remembered for the next start (kept signed in: straight to the window, from the cache).
        window->saveLayout();
        auto again = startClient();
        QTRY_VERIFY(again->mainWindow()->isVisible());
        QVERIFY(!again->mainWindow()->dock()->isVisible());
    }

    void openingARoomShowsHistoryStoredBefore()
    {
        TestServer server(roomyLimits);
        QVERIFY(server.start());
        auto bob = signedUpClient(server, QStringLiteral("bob"));
        auto alice = signedUpClient(server, QStringLiteral("alice"));
        QVERIFY(bob && alice);
        const qint64 room = directRoom(*bob, alice->userId());
        QVERIFY(room > 0);
        for (int i = 1; i <= 80; ++i)
            QVERIFY(sendAs(*bob, room, QStringLiteral("stored %1").arg(i)));
        alice->close();

        auto app = startClient();
        signInThroughDialog(*app, server.url(), QStringLiteral("alice"));
        if (QTest::currentTestFailed())
            return;
        PeopleDock* dock = app->mainWindow()->dock();
        QTRY_VERIFY(dock->indexOfUser(bob->userId()).isValid());
        clickRow(dock->peopleView(), dock->indexOfUser(bob->userId()));

        ChatPane* pane = app->mainWindow()->chatPane();
        QTRY_COMPARE(pane->roomId(), room);
        QTRY_VERIFY(pane->model() && pane->model()->timeline()->isLoaded());
        QAbstractItemModelTester tester(pane->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(pane->model()->rowCount(), MessageModel::PageSize);
        QCOMPARE(bodiesIn(pane->model()).last(), QStringLiteral("stored 80"));
        QTRY_VERIFY(pane->isAtBottom());
        QVERIFY(pane->view()->verticalScrollBar()->maximum() > 0);

        // Scrolling to the top loads the older page without moving what is on screen.
        // (The first row loses its day separator when older rows land above it, so watch the second.)
        pane->view()->verticalScrollBar()->setValue(0);
        const QPersistentModelIndex anchor = pane->model()->index(1);
        const int anchorTop = pane->view()->visualRect(anchor).top();
        QTRY_COMPARE(pane->model()->rowCount(), 80);
        QCOMPARE(bodiesIn(pane->model()).first(), QStringLiteral("stored 1"));
        QTRY_VERIFY(qAbs(pane->view()->visualRect(anchor).top() - anchorTop) <= 2);
        QVERIFY(!pane->model()->timeline()->hasOlder());

        // Reading old messages, a new one does not move the view: a button offers to jump.
        QVERIFY(!pane->isAtBottom());
        QVERIFY(sendAs(*bob, room, QStringLiteral("live one")));
        QTRY_VERIFY(pane->newMessagesButton()->isVisible());
        QVERIFY(!pane->isAtBottom());
        QTest::mouseClick(pane->newMessagesButton(), Qt::LeftButton);
        QTRY_VERIFY(pane->isAtBottom());
        QVERIFY(!pane->newMessagesButton()->isVisible());
        QCOMPARE(bodiesIn(pane->model()).last(), QStringLiteral("live one"));
    }

    void scrollingToTheTopAgainAndAgainLoadsEveryOlderPage()
    {
        TestServer server(roomyLimits);
        QVERIFY(server.start());
        auto bob = signedUpClient(server, QStringLiteral("bob"));
        auto app = signUpAndSignIn(server, QStringLiteral("alice"));
        QVERIFY(bob && app);
        const qint64 room = directRoom(*bob, app->session()->me());
        constexpr int Stored = 4 * MessageModel::PageSize + 10;
        for (int i = 1; i <= Stored; ++i)
            QVERIFY(sendAs(*bob, room, QStringLiteral("stored %1").arg(i)));
        PeopleDock* dock = app->mainWindow()->dock();
        QTRY_VERIFY(dock->indexOfUser(bob->userId()).isValid());
        clickRow(dock->peopleView(), dock->indexOfUser(bob->userId()));
        ChatPane* pane = app->mainWindow()->chatPane();
        QTRY_VERIFY(pane->model() && pane->roomId() == room && pane->model()->timeline()->isLoaded());
        QTRY_VERIFY(pane->isAtBottom());
        QScrollBar* bar = pane->view()->verticalScrollBar();
        // As a reader drags to the top and waits, over and over: every time, the page before arrives.
        while (pane->model()->timeline()->hasOlder()) {
            const int before = pane->model()->rowCount();
            QTRY_VERIFY(bar->value() > bar->minimum()); // the last page landed above what is on screen
            bar->setValue(bar->minimum());
            QTRY_VERIFY(pane->model()->rowCount() > before);
        }
        QCOMPARE(pane->model()->rowCount(), Stored);
        QCOMPARE(bodiesIn(pane->model()).first(), QStringLiteral("stored 1"));
    }

    void messageSentWithEnterAppearsInTheOtherClientsPane()
    {
        TestServer server;
        QVERIFY(server.start());
        QVERIFY(signedUpClient(server, QStringLiteral("alice")));
        QVERIFY(signedUpClient(server, QStringLiteral("bob")));
        auto alice = startClient();
        alice->loginDialog()->form()->setKeepSignedIn(false); // else bob's start (same profile) resumes alice
        signInThroughDialog(*alice, server.url(), QStringLiteral("alice"));
        auto bob = startClient();
        signInThroughDialog(*bob, server.url(), QStringLiteral("bob"));
        if (QTest::currentTestFailed())
            return;
        const qint64 aliceId = alice->connection()->me().id;
        const qint64 bobId = bob->connection()->me().id;

        PeopleDock* bobDock = bob->mainWindow()->dock();
        QTRY_VERIFY(bobDock->indexOfUser(aliceId).isValid());
        clickRow(bobDock->peopleView(), bobDock->indexOfUser(aliceId));
        QTRY_VERIFY(
            bob->mainWindow()->chatPane()->model() && bob->mainWindow()->chatPane()->model()->timeline()->isLoaded());

        activate(alice->mainWindow());
        PeopleDock* aliceDock = alice->mainWindow()->dock();
        QTRY_VERIFY(aliceDock->indexOfUser(bobId).isValid());
        clickRow(aliceDock->peopleView(), aliceDock->indexOfUser(bobId));
        ChatPane* alicePane = alice->mainWindow()->chatPane();
        QTRY_VERIFY(alicePane->model() && alicePane->model()->timeline()->isLoaded());
        QCOMPARE(alicePane->roomId(), bob->mainWindow()->chatPane()->roomId());

        Composer* composer = alicePane->composer();
        QTest::keyClicks(composer, QStringLiteral("first line"));
        QTest::keyClick(composer, Qt::Key_Return, Qt::ShiftModifier);
        QTest::keyClicks(composer, QStringLiteral("hello bob, see https://example.org/x"));
        QCOMPARE(composer->toPlainText(), QStringLiteral("first line\nhello bob, see https://example.org/x"));
        QTest::keyClick(composer, Qt::Key_Return);
        QCOMPARE(composer->toPlainText(), QString());

        const QString sent = QStringLiteral("first line\nhello bob, see https://example.org/x");
        QTRY_COMPARE(bodiesIn(bob->mainWindow()->chatPane()->model()), QStringList { sent });
        QTRY_COMPARE(bodiesIn(alicePane->model()), QStringList { sent });
        QTRY_COMPARE(alicePane->model()->timeline()->pendingCount(), 0);
        QCOMPARE(bob->mainWindow()->chatPane()->model()->index(0).data(MessageModel::SenderNameRole).toString(),
            QStringLiteral("alice"));
    }

    void typingShowsInTheOtherPane()
    {
        TestServer server;
        QVERIFY(server.start());
        auto bob = signedUpClient(server, QStringLiteral("bob"));
        auto app = signUpAndSignIn(server, QStringLiteral("alice"));
        QVERIFY(app);
        const qint64 room = directRoom(*bob, app->connection()->me().id);
        PeopleDock* dock = app->mainWindow()->dock();
        QTRY_VERIFY(dock->indexOfUser(bob->userId()).isValid());
        clickRow(dock->peopleView(), dock->indexOfUser(bob->userId()));
        QTRY_COMPARE(app->mainWindow()->chatPane()->roomId(), room);
        bob->notify(protocol::notification::Typing, params::RoomRef { room }.toJson());
        QTRY_COMPARE(app->mainWindow()->chatPane()->typingLabel()->text(), QStringLiteral("bob is typing…"));
    }

    void unreadBadgeCountsAndClears()
    {
        TestServer server;
        QVERIFY(server.start());
        auto bob = signedUpClient(server, QStringLiteral("bob"));
        auto app = signUpAndSignIn(server, QStringLiteral("alice"));
        QVERIFY(app);
        MainWindow* window = app->mainWindow();
        activate(window);
        const qint64 room = directRoom(*bob, app->connection()->me().id);
        QVERIFY(sendAs(*bob, room, QStringLiteral("ping 1")));
        QVERIFY(sendAs(*bob, room, QStringLiteral("ping 2")));

        PeopleDock* dock = window->dock();
        QTRY_COMPARE(dock->indexOfUser(bob->userId()).data(UsersModel::UnreadRole).toLongLong(), 2);
        QTRY_VERIFY(window->windowTitle().startsWith(QStringLiteral("(2) ")));

        clickRow(dock->peopleView(), dock->indexOfUser(bob->userId()));
        QTRY_COMPARE(dock->indexOfUser(bob->userId()).data(UsersModel::UnreadRole).toLongLong(), 0);
        QTRY_VERIFY(!window->windowTitle().startsWith(QStringLiteral("(")));

        // The read marker reached the server: a fresh session sees nothing unread once synced (signing in with
        // the password, so that what counts is the server's answer, not what the local cache kept).
        QSettings().setValue(QStringLiteral("account/keepSignedIn"), false);
        auto again = startClient();
        signInThroughDialog(*again, server.url(), QStringLiteral("alice"));
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(again->session()->rooms()->unreadOf(room), 0);
    }

    void afterAServerRestartTheOutboxedMessageArrivesExactlyOnce()
    {
        TestServer server;
        QVERIFY(server.start());
        auto bob = signedUpClient(server, QStringLiteral("bob"));
        QVERIFY(bob);
        const qint64 bobId = bob->userId();
        auto app = signUpAndSignIn(server, QStringLiteral("alice"));
        QVERIFY(app);
        PeopleDock* dock = app->mainWindow()->dock();
        QTRY_VERIFY(dock->indexOfUser(bobId).isValid());
        clickRow(dock->peopleView(), dock->indexOfUser(bobId));
        ChatPane* pane = app->mainWindow()->chatPane();
        QTRY_VERIFY(pane->model() && pane->model()->timeline()->isLoaded());
        const qint64 room = pane->roomId();
        bob.reset();

        server.stop();
        QTRY_COMPARE(app->connection()->state(), ChatConnection::State::Reconnecting);
        QTRY_VERIFY(app->mainWindow()->connectionLabel()->text().contains(QStringLiteral("Reconnecting")));

        QTest::keyClicks(pane->composer(), QStringLiteral("written while offline"));
        QTest::keyClick(pane->composer(), Qt::Key_Return);
        QCOMPARE(pane->model()->timeline()->pendingCount(), 1);
        QVERIFY(pane->model()->index(pane->model()->rowCount() - 1).data(MessageModel::PendingRole).toBool());

        QVERIFY(server.start()); // same port, same database
        QTRY_COMPARE_WITH_TIMEOUT(app->connection()->state(), ChatConnection::State::Online, 15000);
        QTRY_COMPARE(pane->model()->timeline()->pendingCount(), 0);
        QTRY_COMPARE(bodiesIn(pane->model()), QStringList { QStringLiteral("written while offline") });

        QCOMPARE(bodiesStoredOnServer(server.url(), QStringLiteral("bob"), room),
            QStringList { QStringLiteral("written while offline") });
    }

    void keepMeSignedInResumesOnTheNextStart()
    {
        TestServer server;
        QVERIFY(server.start());
        QVERIFY(signedUpClient(server, QStringLiteral("alice")));
        {
            auto first = startClient();
            first->loginDialog()->form()->setKeepSignedIn(true);
            signInThroughDialog(*first, server.url(), QStringLiteral("alice"));
            if (QTest::currentTestFailed())
                return;
        }
        auto second = startClient(); // no typing: the saved token signs in
        QTRY_VERIFY(second->mainWindow()->isVisible()); // at once, from the local cache
        QTRY_COMPARE(second->connection()->state(), ChatConnection::State::Online);
        QCOMPARE(second->connection()->me().username, QStringLiteral("alice"));
        QVERIFY(!second->loginDialog()->isVisible());

        // Logging out forgets the token: the next start asks again.
        Q_EMIT second->mainWindow()->logoutRequested();
        QTRY_VERIFY(second->loginDialog()->isVisible());
        auto third = startClient();
        QTRY_VERIFY(third->loginDialog()->isVisible());
        QTRY_VERIFY(third->loginDialog()->signInButton()->isEnabled());
        QVERIFY(!third->mainWindow()->isVisible());
    }

    void afterARefusedSavedSessionTheFocusIsInTheForm()
    {
        TestServer server;
        QVERIFY(server.start());
        QVERIFY(signUpAndSignIn(server, QStringLiteral("alice"))); // kept signed in, as the box comes
        QSettings settings; // a token the server does not know, as after it expired

        const QStringList tokens = settings.allKeys().filter(QStringLiteral("tokens/"));
        QCOMPARE(tokens.size(), 1);
        settings.setValue(tokens.first(), QStringLiteral("no-longer-valid"));
        settings.sync();

        auto app = startClient();
        LoginDialog* login = app->loginDialog();
        QTRY_VERIFY(login->isVisible());
        activate(login);
        QTRY_VERIFY(!login->form()->errorText().isEmpty());
        QVERIFY(login->signInButton()->isEnabled());
        QCOMPARE(QApplication::focusWidget(), login->form()->passwordEdit());
    }

    void afterLoggingOutEnterSignsInInsteadOfQuitting()
    {
        TestServer server;
        QVERIFY(server.start());
        QVERIFY(signUpAndSignIn(server, QStringLiteral("alice"))); // kept signed in
        auto app = startClient(); // resumes: the dialog was busy (fields disabled) while it did
        QTRY_VERIFY(app->mainWindow()->isVisible());
        Q_EMIT app->mainWindow()->logoutRequested();
        LoginDialog* login = app->loginDialog();
        QTRY_VERIFY(login->isVisible());
        activate(login);
        enterPasswordWhereTheFocusIs(*app);
    }

    void signupTabsFromPasswordToRepeatPassword()
    {
        auto app = startClient();
        QTRY_VERIFY(app->loginDialog()->isVisible());
        QTest::mouseClick(app->loginDialog()->signupButton(), Qt::LeftButton);
        SignupDialog* signup = app->signupDialog();
        QTRY_VERIFY(signup->isVisible());
        activate(signup);
        signup->form()->serverEdit()->setFocus();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), signup->form()->usernameEdit());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), signup->form()->passwordEdit());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), signup->confirmEdit());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), signup->form()->findChild<QCheckBox*>());
    }

    void theComposerNamesTheOpenRoom()
    {
        TestServer server;
        QVERIFY(server.start());
        auto bob = signedUpClient(server, QStringLiteral("bob"));
        auto app = signUpAndSignIn(server, QStringLiteral("alice"));
        QVERIFY(app);
        PeopleDock* dock = app->mainWindow()->dock();
        ChatPane* pane = app->mainWindow()->chatPane();
        QTRY_COMPARE(dock->roomsView()->model()->rowCount(), 1);
        const qint64 general = dock->roomsView()->model()->index(0, 0).data(RoomsModel::IdRole).toLongLong();
        clickRow(dock->roomsView(), dock->roomsView()->model()->index(0, 0));
        QTRY_COMPARE(pane->roomId(), general);
        QVERIFY(pane->composer()->placeholderText().startsWith(QStringLiteral("Message #general")));

        app->session()->createRoom(QStringLiteral("project-x"));
        QTRY_VERIFY(pane->roomId() != general);
        QTRY_VERIFY(pane->composer()->placeholderText().startsWith(QStringLiteral("Message #project-x")));

        // Switching while the composer keeps the focus (as after the Create room dialog hands it back): the
        // hint on screen, not only the property, must name the room.
        activate(app->mainWindow());
        pane->composer()->setFocus();
        QTRY_COMPARE(QApplication::focusWidget(), pane->composer());
        QCoreApplication::processEvents(); // the focus change's own repaint is done before we watch
        PaintWatcher hint(pane->composer()->viewport());
        app->session()->openRoom(general);
        QTRY_COMPARE(pane->roomId(), general);
        QTRY_VERIFY(hint.repaintedWhole());
        QVERIFY2(pane->composer()->placeholderText().startsWith(QStringLiteral("Message #general")),
            qPrintable(pane->composer()->placeholderText()));

        QTRY_VERIFY(dock->indexOfUser(bob->userId()).isValid());
        clickRow(dock->peopleView(), dock->indexOfUser(bob->userId()));
        QTRY_VERIFY(pane->roomId() != general);
        QTRY_VERIFY2(pane->composer()->placeholderText().startsWith(QStringLiteral("Message bob")),
            qPrintable(pane->composer()->placeholderText()));
    }

    void theComposerHintFitsItsWidth()
    {
        TestServer server;
        QVERIFY(server.start());
        auto app = signUpAndSignIn(server, QStringLiteral("alice"));
        QVERIFY(app);
        PeopleDock* dock = app->mainWindow()->dock();
        ChatPane* pane = app->mainWindow()->chatPane();
        QTRY_COMPARE(dock->roomsView()->model()->rowCount(), 1);
        clickRow(dock->roomsView(), dock->roomsView()->model()->index(0, 0));
        QTRY_VERIFY(pane->roomId() != 0);
        Composer* composer = pane->composer();
        auto fits = [composer] {
            return composer->fontMetrics().horizontalAdvance(composer->placeholderText())
                <= composer->viewport()->width();
        };
        app->mainWindow()->resize(1000, 600);
        QTRY_VERIFY(fits());
        QVERIFY(composer->placeholderText().contains(QStringLiteral("Shift+Enter")));
        app->mainWindow()->resize(640, 480); // half a small laptop's screen, the dock open
        QTRY_COMPARE(composer->placeholderText(), QStringLiteral("Message #general"));
        QVERIFY(fits());
    }

    void memberCountsFollowRoomUpdates()
    {
        TestServer server;
        QVERIFY(server.start());
        auto bob = signedUpClient(server, QStringLiteral("bob"));
        auto app = signUpAndSignIn(server, QStringLiteral("alice"));
        QVERIFY(app);
        ChatPane* pane = app->mainWindow()->chatPane();
        app->session()->createRoom(QStringLiteral("project-x"));
        QTRY_VERIFY(pane->roomId() != 0 && pane->titleLabel()->text() == QStringLiteral("#project-x"));
        const qint64 room = pane->roomId();
        const QModelIndex row = app->mainWindow()->dock()->indexOfRoom(room);
        QTRY_COMPARE(row.data(RoomsModel::MemberCountRole).toInt(), 1);

        QVERIFY(bob->call(protocol::method::RoomsJoin, params::RoomRef { room }.toJson()).ok());
        QTRY_COMPARE(app->mainWindow()->dock()->indexOfRoom(room).data(RoomsModel::MemberCountRole).toInt(), 2);
        QTRY_COMPARE(
            app->mainWindow()->dock()->indexOfRoom(room).data(Qt::ToolTipRole).toString(), QStringLiteral("2 members"));
    }

    void theWindowFitsTheAvailableScreen()
    {
        TestServer server;
        QVERIFY(server.start());
        auto app = signUpAndSignIn(server, QStringLiteral("alice"));
        QVERIFY(app);
        MainWindow* window = app->mainWindow();
        const QRect available = window->screen()->availableGeometry();
        QVERIFY2(available.contains(window->frameGeometry()),
            qPrintable(QStringLiteral("window %1x%2 on a %3x%4 screen")
                           .arg(window->frameGeometry().width())
                           .arg(window->frameGeometry().height())
                           .arg(available.width())
                           .arg(available.height())));
        // Still true when a larger screen's geometry was saved.
        window->resize(available.size() * 2);
        window->saveLayout();
        window->hide();
        window->restoreLayout();
        window->show();
        QTRY_VERIFY(window->isVisible());
        QVERIFY(available.contains(window->frameGeometry()));
    }

    void presenceDotsGoGreyWhileIAmDisconnected()
    {
        TestServer server;
        QVERIFY(server.start());
        auto bob = signedUpClient(server, QStringLiteral("bob"));
        QVERIFY(bob);
        const qint64 bobId = bob->userId();
        auto app = signUpAndSignIn(server, QStringLiteral("alice"));
        QVERIFY(app);
        PeopleDock* dock = app->mainWindow()->dock();
        QTRY_VERIFY(dock->indexOfUser(bobId).data(UsersModel::OnlineRole).toBool());

        server.stop();
        bob.reset();
        QTRY_COMPARE(app->connection()->state(), ChatConnection::State::Reconnecting);
        QVERIFY(!dock->indexOfUser(bobId).data(UsersModel::OnlineRole).toBool());

        QVERIFY(server.start());
        TestClient bobAgain;
        QVERIFY(bobAgain.connectTo(server.url()));
        QVERIFY(bobAgain.login(QStringLiteral("bob")).ok());
        QTRY_COMPARE_WITH_TIMEOUT(app->connection()->state(), ChatConnection::State::Online, 15000);
        QTRY_VERIFY(dock->indexOfUser(bobId).data(UsersModel::OnlineRole).toBool());
    }

    void reconnectsWithinTwoSecondsOfTheServerComingBack()
    {
        TestServer server;
        QVERIFY(server.start());
        auto app = signUpAndSignIn(server, QStringLiteral("alice"));
        QVERIFY(app);
        app->connection()->setBackoff(Backoff()); // what people get, not the harness's quick one
        server.stop();
        // Down long enough for an uncapped backoff to reach long waits.
        QTRY_VERIFY_WITH_TIMEOUT(app->connection()->reconnectAttempts() >= 6, 30000);
        QVERIFY(server.start());
        QElapsedTimer sinceBack;
        sinceBack.start();
        QTRY_COMPARE_WITH_TIMEOUT(app->connection()->state(), ChatConnection::State::Online, 40000);
        const qint64 ms = sinceBack.elapsed();
        qInfo("connected %lld ms after the server came back", ms);
        QVERIFY2(ms <= 2000, qPrintable(QString::number(ms)));
    }

    void reconnectNowConnectsAtOnce()
    {
        TestServer server;
        QVERIFY(server.start());
        auto app = signUpAndSignIn(server, QStringLiteral("alice"));
        QVERIFY(app);
        MainWindow* window = app->mainWindow();
        QVERIFY(!window->reconnectAction()->isEnabled()); // nothing to do while online
        app->connection()->setBackoff(Backoff(60000, 60000)); // left alone, the next try is a minute away
        server.stop();
        QTRY_COMPARE(app->connection()->state(), ChatConnection::State::Reconnecting);
        QTRY_VERIFY(window->reconnectAction()->isEnabled());
        QVERIFY(server.start());
        window->reconnectAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(app->connection()->state(), ChatConnection::State::Online, 2000);
        QVERIFY(!window->reconnectAction()->isEnabled());
    }

    void theTrayIconHasAMenuToOpenSeeTheStatusAndQuit()
    {
        TestServer server;
        QVERIFY(server.start());
        auto app = signUpAndSignIn(server, QStringLiteral("alice"));
        QVERIFY(app);
        MainWindow* window = app->mainWindow();
        TrayIcon* tray = window->tray(); // made whether or not a tray exists yet: Qt docks it when one appears
        QVERIFY(tray);
        QVERIFY(tray->icon()->isVisible());
        QStringList entries;
        for (const QAction* action : tray->menu()->actions())
            entries.append(action->text());
        QCOMPARE(entries,
            QStringList({ QStringLiteral("&Open Chat"), QStringLiteral("Status: Online"), QString(),
                QStringLiteral("&Reconnect now"), QStringLiteral("&Quit") }));
        QVERIFY(!tray->statusAction()->isEnabled());

        window->hide();
        tray->menu()->actions().first()->trigger();
        QTRY_VERIFY(window->isVisible());

        server.stop();
        QTRY_COMPARE(tray->statusAction()->text(), QStringLiteral("Status: Reconnecting…"));

        QSignalSpy quit(app.get(), &AppController::quitRequested);
        tray->menu()->actions().last()->trigger();
        QCOMPARE(quit.count(), 1);
    }

    void closingTheWindowKeepsChatInTheTrayWhenThereIsOne()
    {
        TestServer server;
        QVERIFY(server.start());
        auto app = signUpAndSignIn(server, QStringLiteral("alice"));
        QVERIFY(app);
        MainWindow* window = app->mainWindow();
        QSignalSpy quit(app.get(), &AppController::quitRequested);
        bool trayExists = true;
        window->tray()->setAvailabilityProbe([&trayExists] { return trayExists; });
        QVERIFY(window->closeToTrayAction()->isChecked()); // the default

        QVERIFY(!window->close());
        QVERIFY(!window->isVisible());
        QCOMPARE(quit.count(), 0);
        QCOMPARE(app->connection()->state(), ChatConnection::State::Online);

        window->show();
        trayExists = false; // nowhere to find it again: closing quits
        QVERIFY(window->close());
        QCOMPARE(quit.count(), 1);

        window->show();
        trayExists = true;
        window->closeToTrayAction()->trigger(); // the person's choice, remembered
        QVERIFY(!window->closeToTrayAction()->isChecked());
        QVERIFY(window->close());
        QCOMPARE(quit.count(), 2);
        QCOMPARE(QSettings().value(QStringLiteral("window/closeToTray")).toBool(), false);
    }

    void altDownAndUpMoveBetweenConversations()
    {
        TestServer server;
        QVERIFY(server.start());
        auto bob = signedUpClient(server, QStringLiteral("bob"));
        QVERIFY(bob);
        auto app = signUpAndSignIn(server, QStringLiteral("alice"));
        QVERIFY(app);
        MainWindow* window = app->mainWindow();
        PeopleDock* dock = window->dock();
        ChatPane* pane = window->chatPane();
        activate(window);
        QTRY_COMPARE(dock->roomsView()->model()->rowCount(), 1);
        QTRY_VERIFY(dock->indexOfUser(bob->userId()).isValid());
        const qint64 general = dock->roomsView()->model()->index(0, 0).data(RoomsModel::IdRole).toLongLong();

        QTest::keyClick(window, Qt::Key_Down, Qt::AltModifier); // nothing open: the first conversation
        QTRY_COMPARE(pane->roomId(), general);
        QTest::keyClick(window, Qt::Key_Down, Qt::AltModifier); // rooms, then people
        QTRY_COMPARE(app->session()->rooms()->peerOf(pane->roomId()), bob->userId());
        QTest::keyClick(window, Qt::Key_Down, Qt::AltModifier); // wraps around
        QTRY_COMPARE(pane->roomId(), general);
        QTest::keyClick(window, Qt::Key_Up, Qt::AltModifier);
        QTRY_COMPARE(app->session()->rooms()->peerOf(pane->roomId()), bob->userId());
    }

    void ctrlKOpensAConversationByAFewLetters()
    {
        TestServer server;
        QVERIFY(server.start());
        auto bob = signedUpClient(server, QStringLiteral("bob"));
        QVERIFY(bob && signedUpClient(server, QStringLiteral("bobby")));
        auto app = signUpAndSignIn(server, QStringLiteral("alice"));
        QVERIFY(app);
        MainWindow* window = app->mainWindow();
        QTRY_COMPARE(app->session()->users()->rowCount(), 3);
        QTRY_COMPARE(app->session()->rooms()->rowCount(), 1);
        activate(window);

        QTest::keySequence(window, QKeySequence(Qt::CTRL | Qt::Key_K));
        QuickSwitcher* switcher = window->quickSwitcher();
        QTRY_VERIFY(switcher->isVisible());
        QTRY_COMPARE(QApplication::focusWidget(), switcher->searchEdit());
        QTest::keyClicks(switcher->searchEdit(), QStringLiteral("gnrl"));
        QCOMPARE(switcher->resultsView()->model()->rowCount(), 1);
        QTest::keyClick(switcher->searchEdit(), Qt::Key_Return);
        QTRY_VERIFY(!switcher->isVisible());
        QTRY_COMPARE(app->session()->rooms()->titleOf(window->chatPane()->roomId()), QStringLiteral("#general"));

        activate(window); // the window manager's part when the switcher closes
        QTest::keySequence(window, QKeySequence(Qt::CTRL | Qt::Key_K));
        QTRY_VERIFY(switcher->isVisible());
        QTest::keyClicks(switcher->searchEdit(), QStringLiteral("bo"));
        QCOMPARE(switcher->resultsView()->currentIndex().data().toString(), QStringLiteral("bob"));
        QTest::keyClick(switcher->searchEdit(), Qt::Key_Down); // the arrows move, typing stays in the box
        QCOMPARE(switcher->resultsView()->currentIndex().data().toString(), QStringLiteral("bobby"));
        QTest::keyClick(switcher->searchEdit(), Qt::Key_Up);
        QTest::keyClick(switcher->searchEdit(), Qt::Key_Return);
        QTRY_COMPARE(app->session()->rooms()->peerOf(window->chatPane()->roomId()), bob->userId());
    }

    void theLastConversationReopensAtStart()
    {
        TestServer server;
        QVERIFY(server.start());
        qint64 general = 0;
        {
            auto first = signUpAndSignIn(server, QStringLiteral("alice"));
            QVERIFY(first);
            PeopleDock* dock = first->mainWindow()->dock();
            QTRY_COMPARE(dock->roomsView()->model()->rowCount(), 1);
            clickRow(dock->roomsView(), dock->roomsView()->model()->index(0, 0));
            QTRY_VERIFY(first->mainWindow()->chatPane()->roomId() != 0);
            general = first->mainWindow()->chatPane()->roomId();
        }
        auto second = startClient(); // kept signed in
        QTRY_VERIFY(second->mainWindow()->isVisible());
        QTRY_COMPARE(second->mainWindow()->chatPane()->roomId(), general);
        PeopleDock* dock = second->mainWindow()->dock();
        QTRY_VERIFY(second->session()->isSynced());
        QTRY_COMPARE(dock->roomsView()->currentIndex(), dock->indexOfRoom(general));
        QVERIFY(dock->roomsView()->selectionModel()->isSelected(dock->indexOfRoom(general)));
    }

    void theDockKeepsTheOpenConversationHighlightedAcrossAReconnect()
    {
        TestServer server;
        QVERIFY(server.start());
        auto bob = signedUpClient(server, QStringLiteral("bob"));
        auto app = signUpAndSignIn(server, QStringLiteral("alice"));
        QVERIFY(bob && app);
        PeopleDock* dock = app->mainWindow()->dock();
        QTRY_VERIFY(dock->indexOfUser(bob->userId()).isValid());
        clickRow(dock->peopleView(), dock->indexOfUser(bob->userId()));
        QTRY_VERIFY(app->mainWindow()->chatPane()->roomId() != 0);
        QTRY_VERIFY(dock->peopleView()->selectionModel()->isSelected(dock->indexOfUser(bob->userId())));

        QSignalSpy synced(app->session(), &ChatSession::synced);
        app->connection()->dropConnection();
        QVERIFY(synced.wait(10000)); // users.list and rooms.list reset both lists
        QVERIFY(dock->peopleView()->selectionModel()->isSelected(dock->indexOfUser(bob->userId())));
        QCOMPARE(dock->peopleView()->currentIndex(), dock->indexOfUser(bob->userId()));
        QVERIFY(!dock->roomsView()->selectionModel()->hasSelection());
    }

    void everyMenuActionHasAShortcutListedInHelp()
    {
        TestServer server;
        QVERIFY(server.start());
        auto app = signUpAndSignIn(server, QStringLiteral("alice"));
        QVERIFY(app);
        MainWindow* window = app->mainWindow();
        QStringList missing;
        QStringList withShortcut;
        for (const QAction* menu : window->menuBar()->actions()) {
            for (const QAction* action : menu->menu()->actions()) {
                if (action->isSeparator() || (action->isCheckable() && action != window->toggleDockAction()))
                    continue; // settings that are toggled, not commands
                (action->shortcut().isEmpty() ? missing : withShortcut).append(action->text());
            }
        }
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QLatin1String(", "))));

        activate(window);
        QTest::keySequence(window, QKeySequence(Qt::CTRL | Qt::Key_Slash));
        ShortcutsDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = window->findChild<ShortcutsDialog*>()) && dialog->isVisible());
        QCOMPARE(dialog->table()->rowCount(), withShortcut.size());
        QStringList listed;
        for (int row = 0; row < dialog->table()->rowCount(); ++row)
            listed.append(dialog->table()->item(row, 1)->text());
        QVERIFY2(listed.contains(QStringLiteral("Alt+Down")), qPrintable(listed.join(QLatin1String(", "))));
        QVERIFY(listed.contains(QStringLiteral("Ctrl+B")));
    }

    void settingsAreKeptAndApplied()
    {
        TestServer server;
        QVERIFY(server.start());
        auto app = signUpAndSignIn(server, QStringLiteral("alice"));
        QVERIFY(app);
        MainWindow* window = app->mainWindow();
        activate(window);
        QTest::keySequence(window, QKeySequence(Qt::CTRL | Qt::Key_Comma));
        SettingsDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = window->findChild<SettingsDialog*>()) && dialog->isVisible());
        QCOMPARE(dialog->serverEdit()->text(), server.url().toString());
        QVERIFY(dialog->closeToTrayBox()->isChecked());
        dialog->closeToTrayBox()->setChecked(false);
        dialog->soundBox()->setChecked(true);
        dialog->themeBox()->setCurrentIndex(dialog->themeBox()->findText(QStringLiteral("Dark")));
        dialog->fontSizeBox()->setValue(19);
        dialog->serverEdit()->setText(QStringLiteral("ws://chat.example.org:7447"));
        dialog->accept();

        QVERIFY(!window->closeToTrayAction()->isChecked());
        QCOMPARE(window->chatPane()->view()->font().pointSize(), 19);
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 100);
        QCOMPARE(app->loginDialog()->form()->serverText(), QStringLiteral("ws://chat.example.org:7447"));
        const Preferences kept = Preferences::load();
        QVERIFY(kept.sound && !kept.closeToTray);
        QCOMPARE(kept.theme, Preferences::Theme::Dark);
        QCOMPARE(kept.messageFontPoints, 19);

        window->settingsAction()->trigger(); // opens with what was kept
        QTRY_VERIFY((dialog = window->findChild<SettingsDialog*>()) && dialog->isVisible());
        QCOMPARE(dialog->preferences().messageFontPoints, 19);
        QVERIFY(dialog->soundBox()->isChecked());
        dialog->themeBox()->setCurrentIndex(dialog->themeBox()->findText(QStringLiteral("System")));
        dialog->accept(); // the palette is the whole application's: leave it as the other tests expect
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 100);
    }

    void startMinimisedToTheTrayKeepsTheWindowHiddenAtStart()
    {
        TestServer server;
        QVERIFY(server.start());
        QVERIFY(signUpAndSignIn(server, QStringLiteral("alice"))); // kept signed in
        QSettings().setValue(QStringLiteral("window/startMinimized"), true);
        // The window would paint from the local cache inside start(): the tray must be known before it.
        auto app = std::make_unique<AppController>(TokenStore::Backend::Settings);
        app->mainWindow()->tray()->setAvailabilityProbe([] { return true; });
        app->start();
        QTRY_VERIFY(app->session()->isSynced());
        QVERIFY(!app->mainWindow()->isVisible());
        QVERIFY(!app->loginDialog()->isVisible());
        QVERIFY(app->mainWindow()->tray()->icon()->isVisible());
        app->mainWindow()->tray()->menu()->actions().first()->trigger(); // Open Chat
        QTRY_VERIFY(app->mainWindow()->isVisible());
    }

    void anAdministratorEndingTheSessionSaysWhyAtTheLoginDialog_data()
    {
        QTest::addColumn<QStringList>("command");
        QTest::addColumn<QString>("explanation");
        QTest::newRow("password changed") << QStringList { QStringLiteral("user"), QStringLiteral("passwd") }
                                          << QStringLiteral("password was changed");
        QTest::newRow("account disabled")
            << QStringList { QStringLiteral("user"), QStringLiteral("disable") } << QStringLiteral("disabled");
    }
    void anAdministratorEndingTheSessionSaysWhyAtTheLoginDialog()
    {
        QFETCH(QStringList, command);
        QFETCH(QString, explanation);
        TestServer server;
        QVERIFY(server.start());
        auto app = signUpAndSignIn(server, QStringLiteral("alice"));
        QVERIFY(app);
        // The admin command as an operator runs it beside the server (here in this process, on its database).
        QString input = QStringLiteral("a new passphrase\n");
        QString output;
        QString errors;
        QTextStream in(&input);
        QTextStream out(&output);
        QTextStream err(&errors);
        QCOMPARE(server::AdminCommands(server.config(), in, out, err).run(command << QStringLiteral("alice")), 0);
        QTRY_VERIFY_WITH_TIMEOUT(app->loginDialog()->isVisible(), 10000);
        QVERIFY2(app->loginDialog()->form()->errorText().contains(explanation),
            qPrintable(app->loginDialog()->form()->errorText()));
        QCOMPARE(app->connection()->state(), ChatConnection::State::Offline);
        QVERIFY(!app->mainWindow()->isVisible());
    }

    void aRestartWithoutTheServerPaintsTheCachedConversationAndReconnectingFillsTheGapOnce()
    {
        TestServer server(roomyLimits);
        QVERIFY(server.start());
        auto bob = signedUpClient(server, QStringLiteral("bob"));
        auto alice = signedUpClient(server, QStringLiteral("alice"));
        QVERIFY(bob && alice);
        const qint64 bobId = bob->userId();
        const qint64 room = directRoom(*bob, alice->userId());
        QVERIFY(room > 0);
        QStringList before;
        for (int i = 1; i <= 30; ++i) {
            before.append(QStringLiteral("before %1").arg(i));
            QVERIFY(sendAs(*bob, room, before.last()));
        }
        alice->close();
        {
            auto first = startClient();
            signInThroughDialog(*first, server.url(), QStringLiteral("alice"));
            if (QTest::currentTestFailed())
                return;
            PeopleDock* dock = first->mainWindow()->dock();
            QTRY_VERIFY(dock->indexOfUser(bobId).isValid());
            clickRow(dock->peopleView(), dock->indexOfUser(bobId));
            ChatPane* pane = first->mainWindow()->chatPane();
            QTRY_VERIFY(pane->model() && pane->model()->timeline()->isLoaded());
            QCOMPARE(bodiesIn(pane->model()), before);
        } // quit
        QStringList whileAway;
        for (int i = 1; i <= 3; ++i) {
            whileAway.append(QStringLiteral("while away %1").arg(i));
            QVERIFY(sendAs(*bob, room, whileAway.last()));
        }
        bob.reset();
        server.stop();

        // No server: the window, the people, the rooms and the last conversation come from the cache, at once.
        auto second = startClient();
        QVERIFY(second->mainWindow()->isVisible());
        QVERIFY(!second->loginDialog()->isVisible());
        ChatPane* pane = second->mainWindow()->chatPane();
        QCOMPARE(pane->roomId(), room);
        QVERIFY(pane->model() && pane->model()->timeline()->isLoaded());
        QAbstractItemModelTester tester(pane->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(bodiesIn(pane->model()), before);
        QVERIFY(second->mainWindow()->dock()->indexOfUser(bobId).isValid());
        QCOMPARE(second->session()->rooms()->rowCount(), 2); // #general and the direct room
        QVERIFY(second->mainWindow()->windowTitle().contains(QStringLiteral("alice")));
        QVERIFY(QTest::qWaitForWindowExposed(second->mainWindow()));
        QTRY_VERIFY(pane->isAtBottom());
        QTRY_COMPARE(second->connection()->state(), ChatConnection::State::Reconnecting);
        QCOMPARE(bodiesIn(pane->model()), before);

        // The server is back: what was said meanwhile fills the gap by seq, once.
        QVERIFY(server.start()); // same port, same database
        QTRY_COMPARE_WITH_TIMEOUT(second->connection()->state(), ChatConnection::State::Online, 15000);
        QTRY_COMPARE(bodiesIn(pane->model()), before + whileAway);
        QTRY_VERIFY(second->session()->isSynced());
        QCOMPARE(bodiesIn(pane->model()), before + whileAway);
        for (int row = 1; row < pane->model()->rowCount(); ++row) {
            QCOMPARE(pane->model()->index(row).data(MessageModel::SeqRole).toLongLong(),
                pane->model()->index(row - 1).data(MessageModel::SeqRole).toLongLong() + 1);
        }
    }

    void aCacheFarBehindShowsTheNewestPageInsteadOfEveryMissedMessage()
    {
        TestServer server(roomyLimits);
        QVERIFY(server.start());
        auto bob = signedUpClient(server, QStringLiteral("bob"));
        QVERIFY(bob);
        const qint64 bobId = bob->userId();
        qint64 room = 0;
        {
            auto first = signUpAndSignIn(server, QStringLiteral("alice"));
            QVERIFY(first);
            room = directRoom(*bob, first->session()->me());
            QVERIFY(sendAs(*bob, room, QStringLiteral("seen before quitting")));
            PeopleDock* dock = first->mainWindow()->dock();
            QTRY_VERIFY(dock->indexOfUser(bobId).isValid());
            clickRow(dock->peopleView(), dock->indexOfUser(bobId));
            QTRY_COMPARE(bodiesIn(first->mainWindow()->chatPane()->model()),
                QStringList { QStringLiteral("seen before quitting") });
        }
        const int missed = LocalCache::MessagesPerRoom + 100;
        for (int i = 1; i <= missed; ++i)
            QVERIFY(sendAs(*bob, room, QStringLiteral("missed %1").arg(i)));

        auto second = startClient();
        ChatPane* pane = second->mainWindow()->chatPane();
        QCOMPARE(pane->roomId(), room);
        QCOMPARE(bodiesIn(pane->model()), QStringList { QStringLiteral("seen before quitting") });
        QTRY_COMPARE(second->connection()->state(), ChatConnection::State::Online);
        QTRY_COMPARE(
            bodiesIn(pane->model()).value(MessageModel::PageSize - 1), QStringLiteral("missed %1").arg(missed));
        QTRY_VERIFY(second->session()->isSynced());
        QCOMPARE(pane->model()->rowCount(), MessageModel::PageSize);
        QVERIFY(pane->model()->timeline()->hasOlder());
        QCOMPARE(pane->model()->timeline()->firstSeq(), missed + 1 - MessageModel::PageSize + 1);
    }

    void aMessageTypedOfflineSurvivesARestartAndArrivesExactlyOnce()
    {
        TestServer server;
        QVERIFY(server.start());
        auto bob = signedUpClient(server, QStringLiteral("bob"));
        QVERIFY(bob);
        const qint64 bobId = bob->userId();
        qint64 room = 0;
        QString cachePath;
        {
            auto first = signUpAndSignIn(server, QStringLiteral("alice"));
            QVERIFY(first);
            PeopleDock* dock = first->mainWindow()->dock();
            QTRY_VERIFY(dock->indexOfUser(bobId).isValid());
            clickRow(dock->peopleView(), dock->indexOfUser(bobId));
            ChatPane* pane = first->mainWindow()->chatPane();
            QTRY_VERIFY(pane->model() && pane->model()->timeline()->isLoaded());
            room = pane->roomId();
            cachePath = first->session()->cachePath();
            bob.reset();
            server.stop();
            QTRY_COMPARE(first->connection()->state(), ChatConnection::State::Reconnecting);
            QTest::keyClicks(pane->composer(), QStringLiteral("typed before quitting"));
            QTest::keyClick(pane->composer(), Qt::Key_Return);
            QCOMPARE(pane->model()->timeline()->pendingCount(), 1);
        } // quit with the message unsent

        auto second = startClient(); // still no server
        ChatPane* pane = second->mainWindow()->chatPane();
        QVERIFY(second->mainWindow()->isVisible());
        QCOMPARE(pane->roomId(), room);
        QCOMPARE(pane->model()->timeline()->pendingCount(), 1);
        const QModelIndex last = pane->model()->index(pane->model()->rowCount() - 1);
        QVERIFY(last.data(MessageModel::PendingRole).toBool());
        QCOMPARE(last.data(MessageModel::BodyRole).toString(), QStringLiteral("typed before quitting"));

        QVERIFY(server.start());
        QTRY_COMPARE_WITH_TIMEOUT(second->connection()->state(), ChatConnection::State::Online, 15000);
        QTRY_COMPARE(pane->model()->timeline()->pendingCount(), 0);
        QTRY_COMPARE(bodiesIn(pane->model()), QStringList { QStringLiteral("typed before quitting") });
        LocalCache cache;
        QVERIFY(cache.open(cachePath));
        QTRY_VERIFY(cache.outbox().isEmpty());

        QCOMPARE(bodiesStoredOnServer(server.url(), QStringLiteral("bob"), room),
            QStringList { QStringLiteral("typed before quitting") });
    }

    void aSendTheServerStoredButNeverAcknowledgedIsStoredOnceAfterARestart()
    {
        // The app died after the server committed a send and before the answer came back: the cache still has it
        // in the outbox, and the resend with the same client_id must not store it twice.
        TestServer server;
        QVERIFY(server.start());
        auto bob = signedUpClient(server, QStringLiteral("bob"));
        QVERIFY(bob);
        qint64 room = 0;
        QString cachePath;
        {
            auto first = signUpAndSignIn(server, QStringLiteral("alice"));
            QVERIFY(first);
            room = directRoom(*bob, first->session()->me());
            QVERIFY(room > 0);
            first->session()->openRoom(room);
            QTRY_COMPARE(first->mainWindow()->chatPane()->roomId(), room);
            QTRY_VERIFY(first->mainWindow()->chatPane()->model()->timeline()->isLoaded());
            cachePath = first->session()->cachePath();
        }
        const QString clientId = QStringLiteral("sent-just-before-a-crash");
        const QString body = QStringLiteral("committed, never acknowledged");
        {
            auto alice = std::make_unique<TestClient>();
            QVERIFY(alice->connectTo(server.url()));
            QVERIFY(alice->login(QStringLiteral("alice")).ok());
            QVERIFY(alice->call(protocol::method::MessagesSend, params::Send { room, body, clientId }.toJson()).ok());
            LocalCache cache;
            QVERIFY(cache.open(cachePath));
            cache.saveOutboxEntry({ clientId, room, body, QDateTime::currentMSecsSinceEpoch() });
        }

        auto second = startClient();
        QTRY_COMPARE(second->connection()->state(), ChatConnection::State::Online);
        ChatPane* pane = second->mainWindow()->chatPane();
        QCOMPARE(pane->roomId(), room);
        QTRY_COMPARE(pane->model()->timeline()->pendingCount(), 0);
        QTRY_COMPARE(bodiesIn(pane->model()), QStringList { body });
        QCOMPARE(bodiesStoredOnServer(server.url(), QStringLiteral("bob"), room), QStringList { body });
    }

    void signingOutDeletesTheLocalCache()
    {
        TestServer server;
        QVERIFY(server.start());
        auto app = signUpAndSignIn(server, QStringLiteral("alice"));
        QVERIFY(app);
        const QString path = app->session()->cachePath();
        QVERIFY(!path.isEmpty());
        QVERIFY(QFile::exists(path));
        QVERIFY(path.startsWith(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)));
        Q_EMIT app->mainWindow()->logoutRequested();
        QTRY_VERIFY(app->loginDialog()->isVisible());
        QVERIFY(!QFile::exists(path));
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
        QVERIFY(app->session()->cachePath().isEmpty());
    }

    void logoutReturnsToTheLoginDialog()
    {
        TestServer server;
        QVERIFY(server.start());
        auto app = signUpAndSignIn(server, QStringLiteral("alice"));
        QVERIFY(app);
        Q_EMIT app->mainWindow()->logoutRequested();
        QTRY_VERIFY(app->loginDialog()->isVisible());
        QVERIFY(!app->mainWindow()->isVisible());
        QCOMPARE(app->connection()->state(), ChatConnection::State::Offline);
        QCOMPARE(app->loginDialog()->form()->usernameEdit()->text(), QStringLiteral("alice"));
    }
};

QTEST_MAIN(ClientGuiTest)
#include "tst_client_gui.moc"
