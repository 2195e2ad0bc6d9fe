#include "Fixtures.h"

#include <QTest>

using namespace chat;
using namespace chat::test;
namespace key = protocol::key;
namespace method = protocol::method;
namespace notification = protocol::notification;

class MessagesTest : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestClient> m_alice;
    std::unique_ptr<TestClient> m_bob;
    qint64 m_roomId = 0;

    Reply send(TestClient& client, const QString& body, const QString& clientId)
    {
        return client.call(
            method::MessagesSend, { { key::RoomId, m_roomId }, { key::Body, body }, { key::ClientId, clientId } });
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<TestServer>([](server::ServerConfig& config) {
            config.limits.messagesPerSecond = 1000;
            config.limits.messageBurst = 1000;
        });
        QVERIFY2(m_server->start(), qPrintable(m_server->lastError()));
        m_alice = signedUpClient(*m_server, QStringLiteral("alice"));
        m_bob = signedUpClient(*m_server, QStringLiteral("bob"));
        QVERIFY(m_alice && m_bob);
        m_roomId = roomIdOf(m_alice->call(method::RoomsDirect, { { key::UserId, m_bob->userId() } }));
        QVERIFY(m_roomId > 0);
        m_alice->clearNotifications();
        m_bob->clearNotifications();
    }
    void cleanup()
    {
        m_alice.reset();
        m_bob.reset();
        m_server.reset();
    }

    void sentMessageReachesEveryMemberSession()
    {
        auto bobsPhone = std::make_unique<TestClient>();
        QVERIFY(bobsPhone->connectTo(m_server->url()));
        QVERIFY(bobsPhone->login(QStringLiteral("bob")).ok());

        const Reply sent = send(*m_alice, QStringLiteral("hello bob 👋"), QStringLiteral("a-1"));
        QVERIFY(sent.ok());
        const QJsonObject message = sent.result.value(key::MessageObj).toObject();
        QCOMPARE(message.value(key::Seq).toInteger(), 1);
        QCOMPARE(message.value(key::SenderId).toInteger(), m_alice->userId());
        QCOMPARE(message.value(key::ClientId).toString(), QStringLiteral("a-1"));
        QVERIFY(qAbs(message.value(key::Ts).toInteger() - QDateTime::currentMSecsSinceEpoch()) < 60000);

        for (TestClient* client : { m_bob.get(), bobsPhone.get(), m_alice.get() }) {
            auto received = client->waitForNotification(notification::MessageNew);
            QVERIFY(received);
            QCOMPARE(received->value(key::MessageObj).toObject(), message);
        }
    }

    void sendIsIdempotentPerClientId()
    {
        const Reply first = send(*m_alice, QStringLiteral("once"), QStringLiteral("same-id"));
        const Reply second = send(*m_alice, QStringLiteral("once"), QStringLiteral("same-id"));
        QVERIFY(first.ok() && second.ok());
        QCOMPARE(second.result, first.result);
        QVERIFY(m_bob->waitForNotification(notification::MessageNew));
        const Reply history = m_bob->call(method::MessagesHistory, { { key::RoomId, m_roomId } });
        QCOMPARE(history.result.value(key::Messages).toArray().size(), 1);
        QVERIFY(send(*m_alice, QStringLiteral("next"), QStringLiteral("other-id")).ok());
        // The duplicate was never announced: the next notification is the next message.
        auto next = m_bob->waitForNotification(notification::MessageNew);
        QVERIFY(next);
        QCOMPARE(next->value(key::MessageObj).toObject().value(key::Seq).toInteger(), 2);
    }

    void sequenceNumbersAreDensePerRoom()
    {
        QList<QJsonValue> ids;
        for (int i = 0; i < 30; ++i) // pipelined: all in flight at once, so they share group commits
            ids.append((i % 2 ? m_alice : m_bob)
                           ->sendRequest(method::MessagesSend,
                               { { key::RoomId, m_roomId }, { key::Body, QStringLiteral("n%1").arg(i) },
                                   { key::ClientId, QStringLiteral("p%1").arg(i) } }));
        QList<qint64> seqs;
        for (int i = 0; i < 30; ++i) {
            const Reply reply = (i % 2 ? m_alice : m_bob)->waitForReply(ids.at(i));
            QVERIFY(reply.ok());
            seqs.append(reply.result.value(key::MessageObj).toObject().value(key::Seq).toInteger());
        }
        std::sort(seqs.begin(), seqs.end());
        for (int i = 0; i < 30; ++i)
            QCOMPARE(seqs.at(i), qint64(i + 1));
    }

    void historyPagesBackwardsAndForwards()
    {
        QList<QJsonValue> ids;
        for (int i = 1; i <= 120; ++i)
            ids.append(m_alice->sendRequest(method::MessagesSend,
                { { key::RoomId, m_roomId }, { key::Body, QStringLiteral("m%1").arg(i) },
                    { key::ClientId, QStringLiteral("h%1").arg(i) } }));
        for (const QJsonValue& id : std::as_const(ids))
            QVERIFY(m_alice->waitForReply(id).ok());

        const Reply newest = m_bob->call(method::MessagesHistory, { { key::RoomId, m_roomId } });
        QCOMPARE(seqsOf(newest.result.value(key::Messages).toArray()).first(), 71);
        QCOMPARE(seqsOf(newest.result.value(key::Messages).toArray()).last(), 120);
        QCOMPARE(newest.result.value(key::HasMore).toBool(), true);

        const Reply older = m_bob->call(
            method::MessagesHistory, { { key::RoomId, m_roomId }, { key::Before, 71 }, { key::Limit, 50 } });
        QCOMPARE(seqsOf(older.result.value(key::Messages).toArray()).first(), 21);
        QCOMPARE(seqsOf(older.result.value(key::Messages).toArray()).last(), 70);
        QCOMPARE(older.result.value(key::HasMore).toBool(), true);

        const Reply oldest = m_bob->call(
            method::MessagesHistory, { { key::RoomId, m_roomId }, { key::Before, 21 }, { key::Limit, 50 } });
        QCOMPARE(seqsOf(oldest.result.value(key::Messages).toArray()),
            QList<qint64>({ 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20 }));
        QCOMPARE(oldest.result.value(key::HasMore).toBool(), false);

        const Reply gap = m_bob->call(
            method::MessagesHistory, { { key::RoomId, m_roomId }, { key::After, 100 }, { key::Limit, 15 } });
        QCOMPARE(seqsOf(gap.result.value(key::Messages).toArray()).first(), 101);
        QCOMPARE(seqsOf(gap.result.value(key::Messages).toArray()).last(), 115);
        QCOMPARE(gap.result.value(key::HasMore).toBool(), true);
        const Reply tail = m_bob->call(method::MessagesHistory, { { key::RoomId, m_roomId }, { key::After, 115 } });
        QCOMPARE(seqsOf(tail.result.value(key::Messages).toArray()).size(), 5);
        QCOMPARE(tail.result.value(key::HasMore).toBool(), false);
    }

    void historyRefusesBadPaging_data()
    {
        QTest::addColumn<QJsonObject>("extra");
        QTest::newRow("limit 0") << QJsonObject { { key::Limit, 0 } };
        QTest::newRow("limit 201") << QJsonObject { { key::Limit, 201 } };
        QTest::newRow("before and after") << QJsonObject { { key::Before, 5 }, { key::After, 1 } };
        QTest::newRow("before as text") << QJsonObject { { key::Before, "5" } };
        QTest::newRow("fractional") << QJsonObject { { key::After, 1.5 } };
    }
    void historyRefusesBadPaging()
    {
        QFETCH(QJsonObject, extra);
        extra.insert(key::RoomId, m_roomId);
        QCOMPARE(m_bob->call(method::MessagesHistory, extra).reason(), QStringLiteral("invalid_params"));
    }

    void badBodiesAreRefused_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("reason");
        QTest::newRow("empty") << QString() << "invalid_params";
        QTest::newRow("whitespace") << QStringLiteral(" \n\t ") << "invalid_params";
        QTest::newRow("4001 characters") << QString(4001, QLatin1Char('x')) << "too_large";
    }
    void badBodiesAreRefused()
    {
        QFETCH(QString, body);
        QFETCH(QString, reason);
        QCOMPARE(send(*m_alice, body, QStringLiteral("bad")).reason(), reason);
        QCOMPARE(m_bob->call(method::MessagesHistory, { { key::RoomId, m_roomId } })
                     .result.value(key::Messages)
                     .toArray()
                     .size(),
            0);
    }

    void bodyAtTheLimitIsAccepted()
    {
        QVERIFY(send(*m_alice, QString(4000, QChar(0x00e9)), QStringLiteral("max")).ok());
    }

    void typingIsRelayedToTheOtherMembersOnly()
    {
        m_alice->notify(notification::Typing, { { key::RoomId, m_roomId } });
        auto typing = m_bob->waitForNotification(notification::Typing);
        QVERIFY(typing);
        QCOMPARE(typing->value(key::RoomId).toInteger(), m_roomId);
        QCOMPARE(typing->value(key::UserId).toInteger(), m_alice->userId());
        QVERIFY(m_alice->call(method::UsersList).ok()); // a round trip: anything sent to alice has arrived
        QCOMPARE(m_alice->pendingNotifications(notification::Typing), 0);
    }
};

class SendRateTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void floodOfSendsIsRateLimitedWithRetryAfter()
    {
        TestServer server([](server::ServerConfig& config) {
            config.limits.messagesPerSecond = 2;
            config.limits.messageBurst = 3;
        });
        QVERIFY(server.start());
        auto alice = signedUpClient(server, QStringLiteral("alice"));
        QVERIFY(alice);
        const qint64 general = alice->call(method::RoomsList)
                                   .result.value(key::Rooms)
                                   .toArray()
                                   .first()
                                   .toObject()
                                   .value(key::Id)
                                   .toInteger();
        QStringList reasons;
        Reply limited;
        for (int i = 0; i < 5; ++i) {
            const Reply reply = alice->call(method::MessagesSend,
                { { key::RoomId, general }, { key::Body, "spam" }, { key::ClientId, QStringLiteral("s%1").arg(i) } });
            reasons.append(reply.ok() ? QStringLiteral("ok") : reply.reason());
            if (!reply.ok())
                limited = reply;
        }
        QCOMPARE(reasons.count(QStringLiteral("ok")), 3);
        QCOMPARE(reasons.count(QStringLiteral("rate_limited")), 2);
        QVERIFY(limited.error->extra.value(key::RetryAfterMs).toInteger() > 0);
    }
};

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    MessagesTest messages;
    SendRateTest rate;
    return QTest::qExec(&messages, argc, argv) | QTest::qExec(&rate, argc, argv);
}
#include "tst_messages.moc"
