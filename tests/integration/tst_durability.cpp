#include "Fixtures.h"
#include "ServerProcess.h"

#include <QSet>
#include <QTest>

using namespace chat;
using namespace chat::test;
namespace key = protocol::key;
namespace method = protocol::method;

// An acknowledged message survives the death of the server process, however it dies.
class DurabilityTest : public QObject {
    Q_OBJECT

private:
    static constexpr int Sends = 400;

    // Sends `Sends` messages pipelined and returns the client_ids acknowledged once at least `waitFor` are.
    QSet<QString> sendUntilAcked(TestClient& client, qint64 roomId, int waitFor, QList<QJsonValue>& ids)
    {
        for (int i = 0; i < Sends; ++i)
            ids.append(client.sendRequest(method::MessagesSend,
                { { key::RoomId, roomId }, { key::Body, QStringLiteral("durable %1").arg(i) },
                    { key::ClientId, QStringLiteral("d%1").arg(i) } }));
        QSet<QString> acked;
        int next = 0;
        while (next < ids.size() && acked.size() < waitFor) {
            const Reply reply = client.waitForReply(ids.at(next), 20000);
            if (!reply.ok())
                break;
            acked.insert(reply.result.value(key::MessageObj).toObject().value(key::ClientId).toString());
            ++next;
        }
        return acked;
    }

    QSet<QString> storedClientIds(TestClient& client, qint64 roomId)
    {
        QSet<QString> stored;
        qint64 after = 0;
        for (;;) {
            const Reply page = client.call(
                method::MessagesHistory, { { key::RoomId, roomId }, { key::After, after }, { key::Limit, 200 } });
            if (!page.ok())
                return {};
            const QJsonArray messages = page.result.value(key::Messages).toArray();
            for (const QJsonValue& message : messages) {
                stored.insert(message.toObject().value(key::ClientId).toString());
                after = message.toObject().value(key::Seq).toInteger();
            }
            if (!page.result.value(key::HasMore).toBool())
                return stored;
        }
    }

    qint64 generalRoom(TestClient& client)
    {
        return client.call(method::RoomsList)
            .result.value(key::Rooms)
            .toArray()
            .first()
            .toObject()
            .value(key::Id)
            .toInteger();
    }

private Q_SLOTS:
    void acknowledgedMessagesSurviveSigkill()
    {
        ServerProcess server;
        server.writeConfig(QStringLiteral("[limits]\nmessages_per_second=100000\nmessage_burst=100000\n"));
        QVERIFY2(server.start(), qPrintable(server.output()));
        QSet<QString> acked;
        QString token;
        {
            TestClient client;
            QVERIFY(client.connectTo(server.url()));
            QVERIFY(client.signup(QStringLiteral("alice")).ok());
            token = client.token();
            QList<QJsonValue> ids;
            acked = sendUntilAcked(client, generalRoom(client), 150, ids);
            QVERIFY(acked.size() >= 150);
            server.kill(); // while the rest of the pipeline is still in flight
        }
        QVERIFY2(server.start(), qPrintable(server.output()));
        TestClient client;
        QVERIFY(client.connectTo(server.url()));
        QVERIFY(client.call(method::AuthResume, { { key::Token, token } }).ok());
        const QSet<QString> stored = storedClientIds(client, generalRoom(client));
        for (const QString& clientId : std::as_const(acked))
            QVERIFY2(stored.contains(clientId), qPrintable(clientId));
    }

    void sigtermFlushesAndExitsCleanly()
    {
        ServerProcess server;
        server.writeConfig(QStringLiteral("[limits]\nmessages_per_second=100000\nmessage_burst=100000\n"));
        QVERIFY2(server.start(), qPrintable(server.output()));
        QString token;
        qint64 roomId = 0;
        {
            TestClient client;
            QVERIFY(client.connectTo(server.url()));
            QVERIFY(client.signup(QStringLiteral("bob")).ok());
            token = client.token();
            roomId = generalRoom(client);
            QList<QJsonValue> ids;
            QCOMPARE(sendUntilAcked(client, roomId, Sends, ids).size(), Sends);
            QCOMPARE(server.terminate(), 0);
            QVERIFY(client.waitForDisconnected());
            QCOMPARE(client.closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
        }
        QVERIFY2(server.start(), qPrintable(server.output()));
        TestClient client;
        QVERIFY(client.connectTo(server.url()));
        QVERIFY(client.call(method::AuthResume, { { key::Token, token } }).ok());
        QCOMPARE(storedClientIds(client, roomId).size(), Sends);
    }
};

QTEST_GUILESS_MAIN(DurabilityTest)
#include "tst_durability.moc"
