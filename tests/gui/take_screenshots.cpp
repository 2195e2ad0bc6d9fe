// Screenshots of the real client for docs/screenshots: an in-process chat-server seeded through the wire
// protocol, the app's own widgets, QWidget::grab(). Run under a real display server, e.g.
//   xvfb-run -a -s "-screen 0 1280x800x24" build/tests/gui/client-screenshots docs/screenshots
#include "AppController.h"
#include "ChatPane.h"
#include "ChatSession.h"
#include "Composer.h"
#include "CredentialsForm.h"
#include "Fixtures.h"
#include "LoginDialog.h"
#include "MainWindow.h"
#include "MessageModel.h"
#include "PeopleDock.h"
#include "Preferences.h"
#include "QuickSwitcher.h"
#include "SettingsDialog.h"
#include "TestServer.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace chat;
using namespace chat::client;
using namespace chat::test;

namespace {
bool waitFor(const std::function<bool()>& condition, int timeoutMs = 20000)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QTest::qWait(10);
    }
    return true;
}

void say(TestClient& client, qint64 roomId, const QString& body)
{
    static int n = 0;
    client.call(
        protocol::method::MessagesSend, params::Send { roomId, body, QStringLiteral("shot-%1").arg(++n) }.toJson());
}

void save(QWidget* widget, const QString& folder, const QString& name)
{
    QTest::qWait(150); // let the last layout and paint settle before grabbing
    const QString path = QDir(folder).filePath(name);
    if (!widget->grab().save(path))
        qFatal("cannot write %s", qPrintable(path));
    qInfo("wrote %s", qPrintable(path));
}
} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QTemporaryDir settingsDir;
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("chat-screenshots"));
    QCoreApplication::setApplicationName(QStringLiteral("chat-client"));
    QSettings().clear();
    const QString folder = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral(".");
    QDir().mkpath(folder);

    TestServer server;
    if (!server.start())
        qFatal("server: %s", qPrintable(server.lastError()));
    auto alice = signedUpClient(server, QStringLiteral("alice"));
    auto bob = signedUpClient(server, QStringLiteral("bob"));
    auto carol = signedUpClient(server, QStringLiteral("carol"));
    auto dave = signedUpClient(server, QStringLiteral("dave"));
    auto erin = signedUpClient(server, QStringLiteral("erin"));
    auto frank = signedUpClient(server, QStringLiteral("frank"));
    if (!alice || !bob || !carol || !dave || !erin || !frank)
        qFatal("cannot sign up the cast");
    const qint64 aliceId = alice->userId();
    for (const QString& name : { QStringLiteral("design"), QStringLiteral("release-1.0") }) {
        const qint64 room = roomIdOf(bob->call(protocol::method::RoomsCreate, params::CreateRoom { name }.toJson()));
        alice->call(protocol::method::RoomsJoin, params::RoomRef { room }.toJson());
        say(*bob, room, QStringLiteral("Welcome to #%1").arg(name));
    }
    alice->close();
    frank->close();
    erin->close();
    const qint64 withBob = roomIdOf(bob->call(protocol::method::RoomsDirect, params::Direct { aliceId }.toJson()));
    const qint64 withCarol = roomIdOf(carol->call(protocol::method::RoomsDirect, params::Direct { aliceId }.toJson()));
    say(*bob, withBob, QStringLiteral("Morning! Did the new build make it to staging?"));
    say(*bob, withBob, QStringLiteral("The release notes draft is here: https://wiki.example.org/release-1.0"));

    AppController controller(TokenStore::Backend::Settings);
    controller.start();
    LoginDialog* login = controller.loginDialog();
    login->form()->serverEdit()->setText(server.url().toString());
    login->form()->usernameEdit()->setText(QStringLiteral("alice"));
    login->form()->passwordEdit()->setText(QStringLiteral("correct horse"));
    login->form()->setKeepSignedIn(true);
    waitFor([&] { return login->isVisible(); });
    save(login, folder, QStringLiteral("login.png"));

    QTest::keyClick(login->form()->passwordEdit(), Qt::Key_Return);
    MainWindow* window = controller.mainWindow();
    if (!waitFor([&] { return window->isVisible() && controller.session()->isSynced(); }))
        qFatal("sign-in failed");
    window->resize(1100, 700);
    PeopleDock* dock = window->dock();
    waitFor([&] { return dock->indexOfUser(bob->userId()).isValid(); });
    const QModelIndex bobRow = dock->indexOfUser(bob->userId());
    QTest::mouseClick(
        dock->peopleView()->viewport(), Qt::LeftButton, {}, dock->peopleView()->visualRect(bobRow).center());
    ChatPane* pane = window->chatPane();
    waitFor([&] { return pane->model() && pane->model()->timeline()->isLoaded(); });

    pane->composer()->insertPlainText(QStringLiteral("Yes, it went out at 9:40. Smoke tests are green \u2705"));
    QTest::keyClick(pane->composer(), Qt::Key_Return);
    waitFor([&] { return pane->model()->rowCount() == 3 && pane->model()->timeline()->pendingCount() == 0; });
    say(*bob, withBob,
        QStringLiteral("Great \U0001F389 I'll walk the design review through it at 11.\nCan you bring the crash numbers?"));
    pane->composer()->insertPlainText(QStringLiteral("Sure — down 40% since 0.9. I'll put the graph in #release-1.0."));
    QTest::keyClick(pane->composer(), Qt::Key_Return);
    waitFor([&] { return pane->model()->rowCount() == 5 && pane->model()->timeline()->pendingCount() == 0; });
    say(*carol, withCarol, QStringLiteral("Lunch at 12:30?"));
    say(*carol, withCarol, QStringLiteral("The usual place"));
    bob->notify(protocol::notification::Typing, params::RoomRef { withBob }.toJson());
    QTest::keyClicks(pane->composer(), QStringLiteral("See you there"));
    waitFor([&] { return !pane->typingLabel()->text().isEmpty(); });
    save(window, folder, QStringLiteral("main-window.png"));

    window->toggleDockAction()->trigger();
    waitFor([&] { return !dock->isVisible(); });
    save(window, folder, QStringLiteral("dock-collapsed.png"));

    window->toggleDockAction()->trigger();
    waitFor([&] { return dock->isVisible(); });

    window->quickSwitcher()->start();
    QTest::keyClicks(window->quickSwitcher()->searchEdit(), QStringLiteral("re"));
    save(window->quickSwitcher(), folder, QStringLiteral("quick-switcher.png"));
    window->quickSwitcher()->hide();

    window->settingsAction()->trigger();
    auto* settings = window->findChild<SettingsDialog*>();
    waitFor([&] { return settings && settings->isVisible(); });
    save(settings, folder, QStringLiteral("settings.png"));
    settings->reject();

    Preferences dark = Preferences::load();
    dark.theme = Preferences::Theme::Dark;
    window->applyPreferences(dark);
    save(window, folder, QStringLiteral("main-window-dark.png"));
    dark.theme = Preferences::Theme::System;
    window->applyPreferences(dark);

    server.stop(); // presence greys out, and "Reconnect now" offers itself beside the state
    waitFor([&] { return window->reconnectAction()->isEnabled(); });
    save(window, folder, QStringLiteral("reconnecting.png"));
    return 0;
}
