#include "GuiHarness.h"

#include "Backoff.h"
#include "ChatPane.h"
#include "ChatSession.h"
#include "CredentialsForm.h"
#include "Fixtures.h"
#include "LoginDialog.h"
#include "MainWindow.h"
#include "MessageModel.h"
#include "PeopleDock.h"
#include "RoomsModel.h"
#include "TestServer.h"
#include "UsersModel.h"

#include <QAbstractItemModelTester>
#include <QAbstractItemView>
#include <QLineEdit>
#include <QListView>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace chat::test {

void useSettingsIn(const QTemporaryDir& folder, const QString& applicationName)
{
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, folder.path());
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("chat-tests"));
    QCoreApplication::setApplicationName(applicationName);
}

std::unique_ptr<client::AppController> startClient(client::TokenStore::Backend tokens)
{
    auto app = std::make_unique<client::AppController>(tokens);
    app->connection()->setBackoff(client::Backoff(50, 500));
    new QAbstractItemModelTester(
        app->session()->users(), QAbstractItemModelTester::FailureReportingMode::QtTest, app->session());
    new QAbstractItemModelTester(
        app->session()->rooms(), QAbstractItemModelTester::FailureReportingMode::QtTest, app->session());
    app->start();
    return app;
}

void signInThroughDialog(
    client::AppController& app, const QUrl& server, const QString& username, const QString& password)
{
    client::LoginDialog* login = app.loginDialog();
    QTRY_VERIFY(login->isVisible());
    client::CredentialsForm* form = login->form();
    form->serverEdit()->setText(server.toString());
    form->usernameEdit()->clear();
    QTest::keyClicks(form->usernameEdit(), username);
    form->passwordEdit()->clear();
    QTest::keyClicks(form->passwordEdit(), password);
    QTest::keyClick(form->passwordEdit(), Qt::Key_Return);
    QTRY_VERIFY(app.mainWindow()->isVisible());
    QTRY_VERIFY(app.session()->isSynced());
}

std::unique_ptr<client::AppController> signUpAndSignIn(TestServer& server, const QString& username)
{
    if (!signedUpClient(server, username))
        return nullptr;
    auto app = startClient();
    signInThroughDialog(*app, server.url(), username);
    return QTest::currentTestFailed() ? nullptr : std::move(app);
}

client::ChatPane* openAliceWithBob(std::unique_ptr<TestServer>& server, std::unique_ptr<TestClient>& bob,
    std::unique_ptr<client::AppController>& app, const std::function<void(server::ServerConfig&)>& tweak)
{
    server = std::make_unique<TestServer>(tweak);
    if (!server->start())
        return nullptr;
    bob = signedUpClient(*server, QStringLiteral("bob"));
    app = signUpAndSignIn(*server, QStringLiteral("alice"));
    if (!bob || !app)
        return nullptr;
    activate(app->mainWindow());
    return openDirect(*app, bob->userId());
}

client::ChatPane* openDirect(client::AppController& app, qint64 userId)
{
    client::PeopleDock* dock = app.mainWindow()->dock();
    if (!QTest::qWaitFor([&] { return dock->indexOfUser(userId).isValid(); }))
        return nullptr;
    clickRow(dock->peopleView(), dock->indexOfUser(userId));
    client::ChatPane* pane = app.mainWindow()->chatPane();
    const bool open = QTest::qWaitFor([&] {
        return pane->roomId() && app.session()->rooms()->peerOf(pane->roomId()) == userId && pane->model()
            && pane->model()->timeline()->isLoaded();
    });
    return open ? pane : nullptr;
}

void clickRow(QAbstractItemView* view, const QModelIndex& index)
{
    QVERIFY(index.isValid());
    view->scrollTo(index);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
}

void activate(QWidget* window)
{
    window->raise();
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window));
}

} // namespace chat::test
