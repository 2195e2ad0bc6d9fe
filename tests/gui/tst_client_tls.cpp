// wss:// as the desktop client meets it: certificates from an authority the system trusts connect without a
// question; a self-signed one is shown by its SHA-256 fingerprint once and remembered if the user trusts it
// (trust on first use); a different certificate later is refused with a warning. The certificates are
// made for each run with the openssl command.
#include "AppController.h"
#include "CertificatePrompt.h"
#include "CertificateTrust.h"
#include "ChatSession.h"
#include "CredentialsForm.h"
#include "Fixtures.h"
#include "GuiHarness.h"
#include "LoginDialog.h"
#include "MainWindow.h"
#include "TestServer.h"

#include <QAbstractButton>
#include <QDir>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace chat;
using namespace chat::client;
using namespace chat::test;

namespace {
struct KeyPair {
    QString certificate;
    QString key;
};

bool openssl(const QStringList& arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("openssl"), arguments);
    if (!process.waitForFinished(30000) || process.exitCode() != 0) {
        qWarning("openssl %s: %s", qPrintable(arguments.join(u' ')), process.readAll().constData());
        return false;
    }
    return true;
}

// A P-256 certificate for 127.0.0.1, self-signed, or signed by `issuer` when given.
KeyPair makeCertificate(const QTemporaryDir& dir, const QString& name, const KeyPair* issuer = nullptr)
{
    const KeyPair pair { dir.filePath(name + QStringLiteral("-cert.pem")),
        dir.filePath(name + QStringLiteral("-key.pem")) };
    const QStringList key { QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
        QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"), QStringLiteral("-keyout"), pair.key };
    const QStringList subject { QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1") };
    if (!issuer) {
        openssl(QStringList { QStringLiteral("req"), QStringLiteral("-x509") } + key + subject
            + QStringList { QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-addext"),
                QStringLiteral("subjectAltName=IP:127.0.0.1"), QStringLiteral("-out"), pair.certificate });
        return pair;
    }
    const QString request = dir.filePath(name + QStringLiteral(".csr"));
    const QString extensions = dir.filePath(name + QStringLiteral(".ext"));
    QFile file(extensions);
    if (!file.open(QIODevice::WriteOnly) || file.write("subjectAltName=IP:127.0.0.1\n") < 0)
        return {};
    file.close();
    openssl(QStringList { QStringLiteral("req"), QStringLiteral("-new") } + key + subject
        + QStringList { QStringLiteral("-out"), request });
    openssl({ QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), request, QStringLiteral("-CA"),
        issuer->certificate, QStringLiteral("-CAkey"), issuer->key, QStringLiteral("-CAcreateserial"),
        QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-extfile"), extensions, QStringLiteral("-out"),
        pair.certificate });
    return pair;
}

QString fingerprintOf(const KeyPair& pair)
{
    const QList<QSslCertificate> certificates = QSslCertificate::fromPath(pair.certificate);
    return certificates.isEmpty() ? QString() : CertificateTrust::fingerprintOf(certificates.first());
}

// Starts a wss:// server on `pair` and makes the account alice there (the test's own client trusts `pair`).
bool startServerWithAlice(TestServer& server, const KeyPair& pair, const KeyPair& clientTrusts)
{
    server.config().tls.certificate = pair.certificate;
    server.config().tls.privateKey = pair.key;
    if (!server.start())
        return false;
    TestClient client;
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslCertificate::fromPath(clientTrusts.certificate));
    client.setSslConfiguration(tls);
    return client.connectTo(server.url()) && client.signup(QStringLiteral("alice")).ok();
}

void typeSignIn(AppController& app, const QUrl& server)
{
    CredentialsForm* form = app.loginDialog()->form();
    QTRY_VERIFY(app.loginDialog()->isVisible());
    form->serverEdit()->setText(server.toString());
    form->usernameEdit()->setText(QStringLiteral("alice"));
    form->passwordEdit()->setText(QStringLiteral("correct horse"));
    QTest::keyClick(form->passwordEdit(), Qt::Key_Return);
}
} // namespace

class ClientTlsTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_certificates.isValid() && m_settingsDir.isValid());
        useSettingsIn(m_settingsDir, QStringLiteral("gui_client_tls"));
        m_first = makeCertificate(m_certificates, QStringLiteral("first"));
        m_second = makeCertificate(m_certificates, QStringLiteral("second"));
        m_authority = makeCertificate(m_certificates, QStringLiteral("authority"));
        m_signed = makeCertificate(m_certificates, QStringLiteral("signed"), &m_authority);
        for (const KeyPair* pair : { &m_first, &m_second, &m_authority, &m_signed })
            QVERIFY2(!fingerprintOf(*pair).isEmpty(), qPrintable(pair->certificate));
        QVERIFY(fingerprintOf(m_first) != fingerprintOf(m_second));
    }

    void init()
    {
        QSettings().clear(); // the trusted certificates and saved sessions of earlier tests
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)).removeRecursively();
    }

    void aSelfSignedCertificateIsTrustedOnceByItsFingerprint()
    {
        TestServer server;
        QVERIFY2(startServerWithAlice(server, m_first, m_first), qPrintable(server.lastError()));
        QCOMPARE(server.url().scheme(), QStringLiteral("wss"));
        {
            auto app = startClient();
            typeSignIn(*app, server.url());
            QTRY_VERIFY(app->certificatePrompt() && app->certificatePrompt()->isVisible());
            CertificatePrompt* prompt = app->certificatePrompt();
            QCOMPARE(prompt->fingerprint(), fingerprintOf(m_first));
            QVERIFY(prompt->informativeText().contains(fingerprintOf(m_first).left(47)));
            QVERIFY(prompt->text().contains(QStringLiteral("127.0.0.1:%1").arg(server.port())));
            QVERIFY(!app->connection()->isOnline()); // nothing was sent before the user decides
            QVERIFY(!app->mainWindow()->isVisible());

            QTest::mouseClick(prompt->trustButton(), Qt::LeftButton);
            QTRY_VERIFY(app->mainWindow()->isVisible());
            QTRY_VERIFY(app->session()->isSynced());
        }
        // The next start resumes the saved session over the trusted certificate without asking again.
        auto again = startClient();
        QTRY_VERIFY(again->mainWindow()->isVisible());
        QTRY_VERIFY(again->connection()->isOnline());
        QVERIFY(!again->certificatePrompt());
    }

    void decliningTheCertificateNeitherConnectsNorRemembersIt()
    {
        TestServer server;
        QVERIFY(startServerWithAlice(server, m_first, m_first));
        auto app = startClient();
        typeSignIn(*app, server.url());
        QTRY_VERIFY(app->certificatePrompt() && app->certificatePrompt()->isVisible());
        QTest::mouseClick(app->certificatePrompt()->button(QMessageBox::Cancel), Qt::LeftButton);
        QTRY_VERIFY(!app->certificatePrompt());
        QVERIFY(app->loginDialog()->isVisible());
        QVERIFY(app->loginDialog()->form()->errorText().contains(QStringLiteral("not signed by an authority")));
        QCOMPARE(app->connection()->state(), ChatConnection::State::Offline);
        QCOMPARE(CertificateTrust().judge(server.url(), QSslCertificate::fromPath(m_first.certificate).first()),
            CertificateTrust::Verdict::Unknown);
    }

    void aChangedCertificateIsRefusedWithAWarning()
    {
        TestServer server;
        QVERIFY(startServerWithAlice(server, m_second, m_second));
        CertificateTrust().trust(server.url(), fingerprintOf(m_first)); // trusted here before
        auto app = startClient();
        QSignalSpy failed(app->session(), &ChatSession::signInFailed);
        typeSignIn(*app, server.url());
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.first().first().value<RpcError>().reason, CertificateTrust::ChangedReason);
        const QString shown = app->loginDialog()->form()->errorText();
        QVERIFY2(shown.contains(QStringLiteral("has changed since you trusted it")), qPrintable(shown));
        QVERIFY2(shown.contains(fingerprintOf(m_second)), qPrintable(shown));
        QVERIFY(!app->certificatePrompt()); // no way past it from here
        QVERIFY(!app->mainWindow()->isVisible());
        QCOMPARE(CertificateTrust().judge(server.url(), QSslCertificate::fromPath(m_second.certificate).first()),
            CertificateTrust::Verdict::Changed);
    }

    void aCertificateThatChangesWhileReconnectingIsRefusedUntilItIsPutRight()
    {
        TestServer server;
        QVERIFY(startServerWithAlice(server, m_first, m_first));
        CertificateTrust().trust(server.url(), fingerprintOf(m_first));
        auto app = startClient();
        typeSignIn(*app, server.url());
        QTRY_VERIFY(app->session()->isSynced());
        QVERIFY(!app->certificatePrompt());

        QSignalSpy refused(app->session(), &ChatSession::certificateRefused);
        server.stop();
        server.config().tls.certificate = m_second.certificate; // same address, another certificate
        server.config().tls.privateKey = m_second.key;
        QVERIFY(server.start());
        QVERIFY(refused.wait(10000));
        QTRY_VERIFY(app->mainWindow()->findChild<QMessageBox*>(QStringLiteral("certificateWarning")));
        auto* warning = app->mainWindow()->findChild<QMessageBox*>(QStringLiteral("certificateWarning"));
        QVERIFY(warning->isVisible());
        QVERIFY(warning->text().contains(fingerprintOf(m_second)));
        QTRY_VERIFY(refused.count() >= 2); // it keeps trying...
        QCOMPARE(app->mainWindow()->findChildren<QMessageBox*>(QStringLiteral("certificateWarning")).size(),
            1); // ...but says it once
        QVERIFY(!app->connection()->isOnline());

        server.stop();
        server.config().tls.certificate = m_first.certificate; // put right
        server.config().tls.privateKey = m_first.key;
        QVERIFY(server.start());
        QTRY_VERIFY_WITH_TIMEOUT(app->connection()->isOnline(), 10000);
        QTRY_VERIFY(
            !app->mainWindow()->findChild<QMessageBox*>(QStringLiteral("certificateWarning"))); // no longer true
    }

    void aCertificateFromATrustedAuthorityConnectsWithoutAQuestion()
    {
        // Stands in for the system's CA store, which wss:// verifies against by default.
        const QSslConfiguration system = QSslConfiguration::defaultConfiguration();
        QSslConfiguration withAuthority = system;
        withAuthority.addCaCertificates(m_authority.certificate);
        QSslConfiguration::setDefaultConfiguration(withAuthority);
        auto restore = qScopeGuard([&] { QSslConfiguration::setDefaultConfiguration(system); });

        TestServer server;
        QVERIFY(startServerWithAlice(server, m_signed, m_authority));
        auto app = startClient();
        typeSignIn(*app, server.url());
        QTRY_VERIFY(app->mainWindow()->isVisible());
        QVERIFY(!app->certificatePrompt());
        QTRY_VERIFY(app->session()->isSynced());
    }

private:
    QTemporaryDir m_certificates;
    KeyPair m_first;
    KeyPair m_second;
    KeyPair m_authority;
    KeyPair m_signed;
    QTemporaryDir m_settingsDir;
};

QTEST_MAIN(ClientTlsTest)
#include "tst_client_tls.moc"
