// "Keep me signed in" with the token store people actually get: the default backend (the system keychain
// through QtKeychain). CTest runs this program in three desktops (see CMakeLists.txt and
// run-with-dbus.sh), and the environment variable CHAT_TEST_KEYCHAIN says which:
//   gnome   a D-Bus session with gnome-keyring's Secret Service, unlocked;
//   none    no D-Bus session bus at all, so no secret service;
//   silent  a D-Bus session where the Secret Service name is owned by something that never answers.
#include "AppController.h"
#include "CredentialsForm.h"
#include "Fixtures.h"
#include "GuiHarness.h"
#include "LoginDialog.h"
#include "MainWindow.h"
#include "TestServer.h"
#include "TokenStore.h"

#include <QDBusConnection>
#include <QDBusVirtualObject>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace chat;
using namespace chat::client;
using namespace chat::test;

namespace {
// Owns the Secret Service's name on the session bus and never answers anything: a keychain that hangs
// (a locked keyring whose prompt nobody sees, a wedged daemon).
class SilentSecretService : public QDBusVirtualObject {
public:
    QString introspect(const QString&) const override { return {}; }
    bool handleMessage(const QDBusMessage&, const QDBusConnection&) override { return true; }
};
} // namespace

class KeychainGuiTest : public QObject {
    Q_OBJECT
    QTemporaryDir m_settingsDir;
    QString m_desktop;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_settingsDir.isValid());
        // Keychain entries outlive the process: a name of this run only keeps runs apart.
        useSettingsIn(m_settingsDir, QStringLiteral("gui_keychain-") + QUuid::createUuid().toString(QUuid::Id128));
        m_desktop = qEnvironmentVariable("CHAT_TEST_KEYCHAIN");
        QVERIFY2(!m_desktop.isEmpty(), "run through ctest: CHAT_TEST_KEYCHAIN names the desktop");
        QCOMPARE(TokenStore::backendFromEnvironment(), TokenStore::Backend::Keychain);
    }

    void init() { QSettings().clear(); }

    void keepMeSignedInIsTickedByDefault()
    {
        auto app = startClient(TokenStore::backendFromEnvironment());
        QTRY_VERIFY(app->loginDialog()->isVisible());
        QVERIFY(app->loginDialog()->form()->keepSignedIn());
    }

    void theDefaultStoreKeepsMeSignedInAcrossRestarts()
    {
        TestServer server;
        QVERIFY2(server.start(), qPrintable(server.lastError()));
        QVERIFY(signedUpClient(server, QStringLiteral("alice")));
        {
            auto first = startClient(TokenStore::backendFromEnvironment());
            QSignalSpy saved(first->tokenStore(), &TokenStore::saved);
            signInThroughDialog(*first, server.url(), QStringLiteral("alice")); // the box as it comes
            if (QTest::currentTestFailed())
                return;
            QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 10000);
            const bool inSettingsFile = !QSettings().allKeys().filter(QStringLiteral("tokens/")).isEmpty();
            const QString notice = first->mainWindow()->statusBar()->currentMessage();
            if (m_desktop == QLatin1String("gnome")) {
                QVERIFY2(!inSettingsFile, "the token belongs in the keychain, not in a file");
                QVERIFY2(notice.isEmpty(), qPrintable(notice));
            } else {
                QVERIFY(inSettingsFile);
                QVERIFY2(notice.contains(QStringLiteral("keychain is not available")), qPrintable(notice));
            }
        }
        auto second = startClient(TokenStore::backendFromEnvironment()); // no typing: the saved token signs in
        QTRY_VERIFY_WITH_TIMEOUT(second->mainWindow()->isVisible(), 10000); // at once, from the local cache
        QTRY_COMPARE_WITH_TIMEOUT(second->connection()->state(), ChatConnection::State::Online, 10000);
        QCOMPARE(second->connection()->me().username, QStringLiteral("alice"));
        QVERIFY(!second->loginDialog()->isVisible());

        Q_EMIT second->mainWindow()->logoutRequested(); // forgets the token
        QTRY_VERIFY(second->loginDialog()->isVisible());
        auto third = startClient(TokenStore::backendFromEnvironment());
        QTRY_VERIFY_WITH_TIMEOUT(third->loginDialog()->signInButton()->isEnabled(), 10000);
        QVERIFY(third->loginDialog()->isVisible());
        QVERIFY(!third->mainWindow()->isVisible());
    }
    void aKeychainThatNeverAnswersFallsBackAndSaysSo()
    {
        QCOMPARE(m_desktop, QStringLiteral("silent"));
        SilentSecretService silent;
        QDBusConnection bus = QDBusConnection::sessionBus();
        QVERIFY(bus.isConnected());
        QVERIFY(bus.registerService(QStringLiteral("org.freedesktop.secrets")));
        QVERIFY(bus.registerVirtualObject(QStringLiteral("/"), &silent, QDBusConnection::SubPath));

        TestServer server;
        QVERIFY2(server.start(), qPrintable(server.lastError()));
        QVERIFY(signedUpClient(server, QStringLiteral("alice")));
        {
            auto first = startClient(TokenStore::backendFromEnvironment());
            signInThroughDialog(*first, server.url(), QStringLiteral("alice")); // never waits for the keychain
            if (QTest::currentTestFailed())
                return;
            QSignalSpy saved(first->tokenStore(), &TokenStore::saved);
            QTRY_VERIFY_WITH_TIMEOUT(first->mainWindow()->statusBar()->currentMessage().contains(
                                         QStringLiteral("keychain is not available")),
                10000);
            QTRY_COMPARE(saved.count(), 1);
        }
        QElapsedTimer sinceStart;
        sinceStart.start();
        auto second = startClient(TokenStore::backendFromEnvironment());
        // The window paints from the local cache at once; the token comes from the fallback after the timeout.
        QTRY_VERIFY_WITH_TIMEOUT(second->mainWindow()->isVisible(), 10000);
        qInfo("window painted from the cache %lld ms after start", sinceStart.elapsed());
        QTRY_COMPARE_WITH_TIMEOUT(second->connection()->state(), ChatConnection::State::Online, 10000);
        qInfo("signed in from the fallback %lld ms after start", sinceStart.elapsed());
        QVERIFY(
            second->mainWindow()->statusBar()->currentMessage().contains(QStringLiteral("keychain is not available")));
        QCOMPARE(second->connection()->me().username, QStringLiteral("alice"));
    }
};

QTEST_MAIN(KeychainGuiTest)
#include "tst_keychain_gui.moc"
