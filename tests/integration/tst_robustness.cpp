#include "Fixtures.h"

#include <QHostAddress>
#include <QTcpSocket>
#include <QTest>

using namespace chat;
using namespace chat::test;
namespace key = protocol::key;
namespace method = protocol::method;

// A frame as a browser sends it: final, text, masked (RFC 6455 requires clients to mask).
QByteArray maskedTextFrame(const QByteArray& payload)
{
    QByteArray frame;
    frame.append(char(0x81));
    if (payload.size() < 126) {
        frame.append(char(0x80 | payload.size()));
    } else {
        frame.append(char(0x80 | 126));
        frame.append(char(payload.size() >> 8));
        frame.append(char(payload.size() & 0xff));
    }
    const char mask[4] = { 0x12, 0x34, 0x56, 0x78 };
    frame.append(mask, 4);
    for (qsizetype i = 0; i < payload.size(); ++i)
        frame.append(char(payload.at(i) ^ mask[i % 4]));
    return frame;
}

// Bad input gets a clear error, never crashes the server and never disturbs anyone else.
class RobustnessTest : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestClient> m_bystander;

    void verifyBystanderUnaffected()
    {
        QVERIFY(m_bystander->isConnected());
        QVERIFY(m_bystander->call(method::UsersList).ok());
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY2(m_server->start(), qPrintable(m_server->lastError()));
        m_bystander = signedUpClient(*m_server, QStringLiteral("bystander"));
        QVERIFY(m_bystander);
    }
    void cleanup()
    {
        m_bystander.reset();
        m_server.reset();
    }

    void malformedFramesGetJsonRpcErrors_data()
    {
        QTest::addColumn<QString>("frame");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("reason");
        QTest::newRow("not json") << "hello?" << errc::ParseError << "parse_error";
        QTest::newRow("truncated") << "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"users.li" << errc::ParseError
                                   << "parse_error";
        QTest::newRow("batch") << "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"users.list\"}]" << errc::InvalidRequest
                               << "invalid_request";
        QTest::newRow("scalar") << "42" << errc::InvalidRequest << "invalid_request";
        QTest::newRow("no version") << "{\"id\":1,\"method\":\"users.list\"}" << errc::InvalidRequest
                                    << "invalid_request";
        QTest::newRow("id object") << "{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"users.list\"}"
                                   << errc::InvalidRequest << "invalid_request";
        QTest::newRow("params array")
            << "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"auth.login\",\"params\":[\"a\",\"b\"]}"
            << errc::InvalidParams << "invalid_params";
        QTest::newRow("unknown method") << "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"rooms.explode\"}"
                                        << errc::MethodNotFound << "method_not_found";
        QTest::newRow("wrong param type")
            << "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"auth.login\",\"params\":{\"username\":5,\"password\":\"x\"}}"
            << errc::InvalidParams << "invalid_params";
    }
    void malformedFramesGetJsonRpcErrors()
    {
        QFETCH(QString, frame);
        QFETCH(int, code);
        QFETCH(QString, reason);
        TestClient client;
        QVERIFY(client.connectTo(m_server->url()));
        client.sendRaw(frame);
        const bool expectsId = frame.startsWith(QLatin1Char('{')) && frame.contains(QLatin1String("\"id\":1"))
            && code != errc::ParseError;
        const Reply reply = expectsId ? client.waitForReply(1) : client.waitForAnyError();
        QVERIFY(reply.answered);
        QCOMPARE(reply.error->code, code);
        QCOMPARE(reply.reason(), reason);
        QVERIFY(!reply.error->message.isEmpty());
        QVERIFY(client.isConnected());
        verifyBystanderUnaffected();
    }

    void binaryFramesAreRefused()
    {
        TestClient client;
        QVERIFY(client.connectTo(m_server->url()));
        client.sendRawBinary(QByteArray("\x00\x01\x02", 3));
        QCOMPARE(client.waitForAnyError().reason(), QStringLiteral("invalid_request"));
        QVERIFY(client.isConnected());
    }

    void oversizeFrameIsRefusedAndConnectionStays()
    {
        TestClient client;
        QVERIFY(client.connectTo(m_server->url()));
        const QString padding(70 * 1024, QLatin1Char('x'));
        client.sendRaw(
            QStringLiteral("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"users.list\",\"params\":{\"pad\":\"%1\"}}")
                .arg(padding));
        QCOMPARE(client.waitForAnyError().reason(), QStringLiteral("too_large"));
        QVERIFY(client.isConnected());
        QVERIFY(client.signup(QStringLiteral("survivor")).ok());
        verifyBystanderUnaffected();
    }

    void hugeFrameClosesOnlyThatConnection()
    {
        TestClient client;
        QVERIFY(client.connectTo(m_server->url()));
        client.sendRaw(QString(300 * 1024, QLatin1Char('x')));
        QVERIFY(client.waitForDisconnected());
        QCOMPARE(client.closeCode(), QWebSocketProtocol::CloseCodeTooMuchData);
        verifyBystanderUnaffected();
    }

    void floodIsRateLimitedThenDisconnected()
    {
        TestClient client;
        QVERIFY(client.connectTo(m_server->url()));
        const QString frame = QStringLiteral("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"users.list\"}");
        for (int i = 0; i < 1000; ++i)
            client.sendRaw(frame);
        QCOMPARE(client.waitForAnyError().reason(), QStringLiteral("rate_limited"));
        QVERIFY(client.waitForDisconnected());
        QCOMPARE(client.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
        verifyBystanderUnaffected();
    }

    void unauthenticatedConnectionTimesOut()
    {
        TestServer server([](server::ServerConfig& config) { config.connection.authTimeoutMs = 300; });
        QVERIFY(server.start());
        TestClient client;
        QVERIFY(client.connectTo(server.url()));
        QVERIFY(client.waitForDisconnected(5000));
        QCOMPARE(client.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
    }

    void connectionThatNeverUpgradesIsDropped()
    {
        TestServer server([](server::ServerConfig& config) { config.connection.handshakeTimeoutMs = 300; });
        QVERIFY(server.start());
        QTcpSocket raw;
        raw.connectToHost(QHostAddress::LocalHost, server.port());
        QVERIFY(raw.waitForConnected(5000));
        raw.write("GET / HTTP/1.1\r\nHost: x\r\n"); // and never finishes the request
        QTRY_COMPARE_WITH_TIMEOUT(raw.state(), QAbstractSocket::UnconnectedState, 10000);
    }

    void silentConnectionIsClosedAfterTheIdleTimeout()
    {
        TestServer server([](server::ServerConfig& config) {
            config.connection.pingIntervalSeconds = 1;
            config.connection.idleTimeoutSeconds = 2;
        });
        QVERIFY(server.start());
        // A hand-made WebSocket client that upgrades and then never answers the server's pings.
        QTcpSocket raw;
        raw.connectToHost(QHostAddress::LocalHost, server.port());
        QVERIFY(raw.waitForConnected(5000));
        raw.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
        QByteArray received;
        QTRY_VERIFY_WITH_TIMEOUT((received += raw.readAll()).contains("101 Switching Protocols"), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(raw.state(), QAbstractSocket::UnconnectedState, 15000);
    }

    void clientThatStopsReadingIsDisconnectedAlone()
    {
        TestServer server([](server::ServerConfig& config) {
            config.connection.maxPendingBytes = 1024 * 1024;
            config.limits.messagesPerSecond = 10000;
            config.limits.messageBurst = 10000;
        });
        QVERIFY(server.start());
        auto watcher = signedUpClient(server, QStringLiteral("watcher"));
        auto slow = signedUpClient(server, QStringLiteral("slow"));
        QVERIFY(watcher && slow);
        const qint64 slowId = slow->userId();
        QCOMPARE(watcher->waitForPresence(slowId), true);
        const qint64 roomId = roomIdOf(watcher->call(method::RoomsDirect, { { key::UserId, slowId } }));
        QVERIFY(roomId > 0);
        // 200 long messages: each history page the slow reader asks for is about 800 KB. Sent 25 at a
        // time, so that the watcher's own answers never pile up to the limit.
        for (int chunk = 0; chunk < 8; ++chunk) {
            QList<QJsonValue> sends;
            for (int i = 0; i < 25; ++i) {
                sends.append(watcher->sendRequest(method::MessagesSend,
                    { { key::RoomId, roomId }, { key::Body, QString(4000, QLatin1Char('x')) },
                        { key::ClientId, QStringLiteral("%1-%2").arg(chunk).arg(i) } }));
            }
            for (const QJsonValue& id : sends)
                QVERIFY(watcher->waitForReply(id).ok());
        }
        const QString token = slow->token();
        slow->close();
        QCOMPARE(watcher->waitForPresence(slowId), false);

        // The same account on a hand-made connection that reads nothing after the upgrade: Qt stops
        // reading at its 4 KiB buffer, so the kernel's buffers fill and the server's queue grows.
        QTcpSocket raw;
        raw.setReadBufferSize(4096);
        raw.connectToHost(QHostAddress::LocalHost, server.port());
        QVERIFY(raw.waitForConnected(5000));
        raw.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
        QTRY_VERIFY_WITH_TIMEOUT(raw.peek(4096).contains("101 Switching Protocols"), 5000);
        raw.write(maskedTextFrame(jsonrpc::encodeRequest(1, method::AuthResume, { { key::Token, token } })));
        QCOMPARE(watcher->waitForPresence(slowId), true);
        for (int i = 0; i < 40; ++i) {
            raw.write(maskedTextFrame(jsonrpc::encodeRequest(
                2 + i, method::MessagesHistory, { { key::RoomId, roomId }, { key::Limit, 200 } })));
        }
        // Past max_pending_bytes the server drops that connection, and only that one.
        QCOMPARE(watcher->waitForPresence(slowId, 30000), false);
        QVERIFY(watcher->isConnected());
        QVERIFY(watcher->call(method::UsersList).ok());
        verifyBystanderUnaffected();
    }

    void serverStopSaysGoingAway()
    {
        TestClient client;
        QVERIFY(client.connectTo(m_server->url()));
        m_server->stop();
        QVERIFY(client.waitForDisconnected());
        QCOMPARE(client.closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
    }
};

QTEST_GUILESS_MAIN(RobustnessTest)
#include "tst_robustness.moc"
