#include "Fixtures.h"
#include "core/ChatServer.h"

#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTest>

using namespace chat;
using namespace chat::test;

// With [tls] set the server speaks wss:// only; a client that pins the certificate signs in over it.
class TlsTest : public QObject {
    Q_OBJECT

private:
    static QString dataFile(const char* name) { return QStringLiteral(CHAT_SOURCE_DIR "/tests/integration/data/") + QLatin1String(name); }

private Q_SLOTS:
    void pinnedClientSignsInOverWss()
    {
        TestServer server([](server::ServerConfig& config) {
            config.tls.certificate = dataFile("test-cert.pem");
            config.tls.privateKey = dataFile("test-key.pem");
        });
        QVERIFY2(server.start(), qPrintable(server.lastError()));
        QCOMPARE(server.server()->url().scheme(), QStringLiteral("wss"));

        TestClient client;
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(QSslCertificate::fromPath(dataFile("test-cert.pem")));
        client.setSslConfiguration(tls);
        QUrl url = server.url();
        url.setScheme(QStringLiteral("wss"));
        QVERIFY(client.connectTo(url));
        QVERIFY(client.signup(QStringLiteral("alice")).ok());
    }

    void plainWebSocketIsRefusedWhenTlsIsOn()
    {
        TestServer server([](server::ServerConfig& config) {
            config.tls.certificate = dataFile("test-cert.pem");
            config.tls.privateKey = dataFile("test-key.pem");
        });
        QVERIFY(server.start());
        TestClient client;
        client.open(server.url());
        QVERIFY(client.waitForDisconnected());
        QVERIFY(client.hello().isEmpty());
    }

    void unreadableCertificateStopsTheStart()
    {
        TestServer server([](server::ServerConfig& config) {
            config.tls.certificate = dataFile("missing.pem");
            config.tls.privateKey = dataFile("test-key.pem");
        });
        QVERIFY(!server.start());
        QVERIFY2(server.lastError().contains(QLatin1String("missing.pem")), qPrintable(server.lastError()));
    }
};

QTEST_GUILESS_MAIN(TlsTest)
#include "tst_tls.moc"
