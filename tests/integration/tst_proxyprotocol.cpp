// Behind HAProxy with `send-proxy`, [server] proxy_protocol=true makes per-address limits count the real
// client named by the PROXY header, not the balancer; a connection without the header is dropped.
#include "HaproxyProcess.h"
#include "RawWebSocket.h"
#include "TestClient.h"
#include "TestServer.h"
#include "core/ChatServer.h"

#include <QJsonDocument>
#include <QTest>

using namespace chat;
using namespace chat::test;

namespace {

QByteArray signupRequest(const QString& username)
{
    return QJsonDocument(QJsonObject {
                             { QStringLiteral("jsonrpc"), QStringLiteral("2.0") },
                             { QStringLiteral("id"), 1 },
                             { QStringLiteral("method"), QStringLiteral("auth.signup") },
                             { QStringLiteral("params"),
                                 QJsonObject { { QStringLiteral("username"), username },
                                     { QStringLiteral("password"), QStringLiteral("correct horse") } } },
                         })
        .toJson(QJsonDocument::Compact);
}

QByteArray proxyFrom(const QString& address)
{
    return "PROXY TCP4 " + address.toLatin1() + " 127.0.0.1 40000 7447\r\n";
}

QString reasonOf(const QJsonObject& answer)
{
    return answer.value(QStringLiteral("error"))
        .toObject()
        .value(QStringLiteral("data"))
        .toObject()
        .value(QStringLiteral("reason"))
        .toString();
}

} // namespace

class ProxyProtocolTest : public QObject {
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;

    // Signs up from `address` as the PROXY header claims; the error reason, or "ok".
    QString signupFrom(const QString& address, const QString& username)
    {
        RawWebSocket socket;
        if (!socket.open(m_server->url(), proxyFrom(address)))
            return QStringLiteral("no upgrade");
        socket.sendText(signupRequest(username));
        const std::optional<QJsonObject> answer = socket.readAnswer();
        if (!answer)
            return QStringLiteral("no answer");
        return answer->contains(QStringLiteral("result")) ? QStringLiteral("ok") : reasonOf(*answer);
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<TestServer>([](server::ServerConfig& config) {
            config.proxyProtocol = true;
            config.security.signupsPerAddressPerHour = 1;
            config.http.enabled = true;
            config.http.port = 0;
        });
        QVERIFY2(m_server->start(), qPrintable(m_server->lastError()));
    }
    void cleanup() { m_server.reset(); }

    void perAddressLimitsCountTheClientNamedByTheHeader()
    {
        QCOMPARE(signupFrom(QStringLiteral("203.0.113.7"), QStringLiteral("first")), QStringLiteral("ok"));
        QCOMPARE(signupFrom(QStringLiteral("203.0.113.7"), QStringLiteral("second")), QStringLiteral("rate_limited"));
        // Another client behind the same balancer is not held back by the first one's limit.
        QCOMPARE(signupFrom(QStringLiteral("198.51.100.9"), QStringLiteral("third")), QStringLiteral("ok"));
    }

    void aRealHaproxyWithSendProxyReachesTheNode()
    {
        const quint16 httpPort = QUrl(m_server->server()->httpUrl()).port();
        HaproxyProcess haproxy({ { m_server->port(), httpPort, true } });
        QVERIFY2(haproxy.start(), qPrintable(haproxy.errorString()));
        TestClient client;
        // Until HAProxy's first health check passes it answers 503 instead of upgrading.
        QTRY_VERIFY_WITH_TIMEOUT(client.connectTo(QUrl(haproxy.url()), 1000), 15000);
        QVERIFY(client.signup(QStringLiteral("balanced")).ok());
    }

    void aConnectionWithoutTheHeaderIsDropped()
    {
        RawWebSocket socket;
        QVERIFY(!socket.open(m_server->url(), QByteArray()));
        QVERIFY(socket.waitForClosed());
    }

    void aMalformedHeaderIsDropped()
    {
        RawWebSocket socket;
        QVERIFY(!socket.open(m_server->url(), "PROXY TCP4 not-an-address 127.0.0.1 1 2\r\n"));
        QVERIFY(socket.waitForClosed());
    }
};

QTEST_GUILESS_MAIN(ProxyProtocolTest)
#include "tst_proxyprotocol.moc"
