#include "GuiHarness.h"

#include "Backoff.h"
#include "ChatSession.h"
#include "CredentialsForm.h"
#include "LoginDialog.h"
#include "MainWindow.h"
#include "RoomsModel.h"
#include "UsersModel.h"

#include <QAbstractItemModelTester>
#include <QAbstractItemView>
#include <QLineEdit>
#include <QTest>

namespace chat::test {

std::unique_ptr<client::AppController> startClient()
{
    auto app = std::make_unique<client::AppController>(client::TokenStore::Backend::Settings);
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
