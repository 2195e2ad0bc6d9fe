#include "Backoff.h"
#include "ChatConnection.h"
#include "ChatSession.h"
#include "Fixtures.h"
#include "MessageModel.h"
#include "Protocol.h"
#include "RoomTimeline.h"
#include "TestServer.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace chat;
using namespace chat::client;
using namespace chat::test;

namespace {
namespace key = protocol::key;
namespace method = protocol::method;

qint64 messageIdOf(const Reply& reply)
{
    return reply.result.value(key::MessageObj).toObject().value(key::Id).toInteger();
}

QString bodyAt(const MessageModel* model, qint64 seq)
{
    const int row = model->rowOfSeq(seq);
    return row < 0 ? QStringLiteral("(seq %1 not shown)").arg(seq)
                   : model->index(row).data(MessageModel::BodyRole).toString();
}

QVariant roleAt(const MessageModel* model, qint64 seq, int role)
{
    const int row = model->rowOfSeq(seq);
    return row < 0 ? QVariant() : model->index(row).data(role);
}
} // namespace

// The client core (ChatSession, its timelines and models, no widgets) against a real chat-server in this
// process: message actions live, and the catch-up after a reconnect.
class MessageActionsLiveTest : public QObject {
    Q_OBJECT
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestClient> m_bob;
    std::unique_ptr<ChatConnection> m_connection;
    std::unique_ptr<ChatSession> m_alice;
    qint64 m_roomId = 0;
    QList<qint64> m_ids; // bob's messages, by seq - 1

    Reply bob(const QString& name, const QJsonObject& params) { return m_bob->call(name, params); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_server = std::make_unique<TestServer>([](server::ServerConfig& config) {
            config.limits.messagesPerSecond = 1000; // bob sends a few hundred messages at once
            config.limits.messageBurst = 1000;
        });
        QVERIFY2(m_server->start(), qPrintable(m_server->lastError()));
        QVERIFY(signedUpClient(*m_server, QStringLiteral("alice")));
        m_bob = signedUpClient(*m_server, QStringLiteral("bob"));
        QVERIFY(m_bob);

        m_connection = std::make_unique<ChatConnection>();
        m_connection->setBackoff(Backoff(60000, 60000)); // reconnects only when the test says so
        m_alice = std::make_unique<ChatSession>(m_connection.get());
        m_alice->signIn(m_server->url(), ChatConnection::AuthMode::Login,
            params::Credentials { QStringLiteral("alice"), QStringLiteral("correct horse") });
        QTRY_VERIFY(m_alice->isSynced());
        for (const char* feature : { "edit", "delete", "reply", "reactions", "receipts", "notify", "changes" })
            QVERIFY2(m_alice->hasFeature(QLatin1String(feature)), feature);

        const Reply direct = bob(method::RoomsDirect, { { key::UserId, m_alice->me() } });
        QVERIFY(direct.ok());
        m_roomId = roomIdOf(direct);
        for (int i = 1; i <= 3; ++i) {
            const Reply sent = bob(method::MessagesSend,
                params::Send { m_roomId, QStringLiteral("hello %1").arg(i), QStringLiteral("b%1").arg(i) }.toJson());
            QVERIFY(sent.ok());
            m_ids.append(messageIdOf(sent));
        }
        QTRY_VERIFY(m_alice->rooms()->room(m_roomId));
        m_alice->openRoom(m_roomId);
        QTRY_COMPARE(m_alice->messages(m_roomId)->rowCount(), 3);
    }

    void cleanupTestCase()
    {
        m_alice.reset();
        m_connection.reset();
        m_bob.reset();
        m_server.reset();
    }

    void anEditAndADeletionShowAsTheyHappen()
    {
        MessageModel* model = m_alice->messages(m_roomId);
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(
            bob(method::MessagesEdit, { { key::MessageId, m_ids[1] }, { key::Body, QStringLiteral("hello, @alice") } })
                .ok());
        QTRY_COMPARE(bodyAt(model, 2), QStringLiteral("hello, @alice"));
        QVERIFY(roleAt(model, 2, MessageModel::EditedRole).toBool());
        QVERIFY(roleAt(model, 2, MessageModel::MentionsMeRole).toBool());
        QVERIFY(bob(method::MessagesDelete, { { key::MessageId, m_ids[2] } }).ok());
        QTRY_VERIFY(roleAt(model, 3, MessageModel::DeletedRole).toBool());
        QVERIFY(!m_alice->canEdit(m_roomId, m_ids[1])); // bob's
    }

    void myReactionTogglesAndMyRepliesQuote()
    {
        MessageModel* model = m_alice->messages(m_roomId);
        m_alice->toggleReaction(m_roomId, m_ids[0], QStringLiteral("👍"));
        QTRY_COMPARE(roleAt(model, 1, MessageModel::ReactionsRole).toList().size(), 1);
        QVERIFY(roleAt(model, 1, MessageModel::ReactionsRole).toList().first().toMap().value("mine").toBool());
        m_alice->toggleReaction(m_roomId, m_ids[0], QStringLiteral("👍"));
        QTRY_VERIFY(roleAt(model, 1, MessageModel::ReactionsRole).toList().isEmpty());

        m_alice->sendMessage(m_roomId, QStringLiteral("same to you"), m_ids[0]);
        QTRY_COMPARE(bodyAt(model, 4), QStringLiteral("same to you"));
        QCOMPARE(
            roleAt(model, 4, MessageModel::ReplyRole).toMap().value("excerpt").toString(), QStringLiteral("hello 1"));
        const qint64 mine = roleAt(model, 4, MessageModel::MessageIdRole).toLongLong();
        QVERIFY(m_alice->canEdit(m_roomId, mine));
        QCOMPARE(m_alice->lastOwnMessage(m_roomId).value_or(Message {}).id, mine);

        QSignalSpy refused(m_alice.get(), &ChatSession::actionFailed);
        m_alice->toggleReaction(m_roomId, m_ids[2], QStringLiteral("👍")); // deleted
        QTRY_COMPARE(refused.count(), 1);
        QCOMPARE(refused.first().at(0).toLongLong(), m_roomId);
    }

    void changesMissedWhileDisconnectedAreCaughtUp()
    {
        MessageModel* model = m_alice->messages(m_roomId);
        QSignalSpy caughtUp(m_alice->timeline(m_roomId), &RoomTimeline::changesFetched);
        m_connection->dropConnection();
        QTRY_VERIFY(m_alice->canReconnectNow());
        QVERIFY(
            bob(method::MessagesEdit, { { key::MessageId, m_ids[0] }, { key::Body, QStringLiteral("edited offline") } })
                .ok());
        QVERIFY(bob(method::ReactionsAdd, { { key::MessageId, m_ids[1] }, { key::Emoji, QStringLiteral("🎉") } }).ok());
        const Reply sent = bob(method::MessagesSend,
            params::Send { m_roomId, QStringLiteral("new offline"), QStringLiteral("b5") }.toJson());
        QVERIFY(sent.ok());
        QCOMPARE(bodyAt(model, 1), QStringLiteral("hello 1"));
        m_alice->reconnectNow();
        QTRY_COMPARE(bodyAt(model, 1), QStringLiteral("edited offline"));
        QTRY_COMPARE(roleAt(model, 2, MessageModel::ReactionsRole).toList().size(), 1);
        QCOMPARE(bodyAt(model, 5), QStringLiteral("new offline")); // the gap fill, before the catch-up
        QVERIFY(caughtUp.count() >= 1);
        QTRY_VERIFY(!m_alice->timeline(m_roomId)->isCatchingUp());
        QCOMPARE(m_alice->timeline(m_roomId)->heldChange(), m_alice->rooms()->room(m_roomId)->lastChange);
    }

    void seenByFollowsTheOtherMembersReceipt()
    {
        MessageModel* model = m_alice->messages(m_roomId);
        m_alice->sendMessage(m_roomId, QStringLiteral("read this?"));
        QTRY_COMPARE(bodyAt(model, 6), QStringLiteral("read this?"));
        QVERIFY(roleAt(model, 6, MessageModel::SeenByRole).toStringList().isEmpty());
        QVERIFY(bob(method::RoomsRead, params::Read { m_roomId, 6 }.toJson()).ok());
        QTRY_COMPARE(roleAt(model, 6, MessageModel::SeenByRole).toStringList(), QStringList { QStringLiteral("bob") });
        QVERIFY(roleAt(model, 5, MessageModel::SeenByRole).toStringList().isEmpty()); // the newest message only
    }

    void aJumpFarBackLoadsAroundTheMessage()
    {
        for (int i = 0; i < 260; ++i) { // more than the local cache keeps: seq 2 is neither shown nor cached
            QVERIFY(bob(method::MessagesSend,
                params::Send { m_roomId, QStringLiteral("filler %1").arg(i), QStringLiteral("f%1").arg(i) }.toJson())
                        .ok());
        }
        m_alice->forgetMessages(m_roomId); // opened again: the newest page only
        MessageModel* model = m_alice->messages(m_roomId);
        QTRY_VERIFY(m_alice->timeline(m_roomId)->isLoaded() && m_alice->timeline(m_roomId)->firstSeq() > 2);
        QSignalSpy ready(model, &MessageModel::jumpReady);
        m_alice->jumpTo(m_roomId, 2);
        QTRY_COMPARE(ready.count(), 1);
        QCOMPARE(ready.first().at(1).toLongLong(), 2);
        QCOMPARE(model->index(ready.first().at(0).toInt()).data(MessageModel::SeqRole).toLongLong(), 2);
        QTRY_COMPARE(m_alice->timeline(m_roomId)->lastSeq(), m_alice->rooms()->room(m_roomId)->lastSeq);
    }

    void theNotificationLevelIsKeptByTheServer()
    {
        m_alice->setNotifyLevel(m_roomId, QString(protocol::notify::Mentions));
        QCOMPARE(m_alice->notifyLevel(m_roomId), QStringLiteral("mentions"));
        TestClient other;
        QTRY_VERIFY([&] {
            if (!other.isConnected()
                && (!other.connectTo(m_server->url()) || !other.login(QStringLiteral("alice")).ok()))
                return false;
            const QJsonArray rooms = other.call(method::RoomsList).result.value(key::Rooms).toArray();
            for (const QJsonValue& room : rooms) {
                if (room.toObject().value(key::Id).toInteger() == m_roomId)
                    return room.toObject().value(key::Notify).toString() == QStringLiteral("mentions");
            }
            return false;
        }());
        Message plain;
        plain.roomId = m_roomId;
        plain.senderId = m_bob->userId();
        QVERIFY(!m_alice->shouldNotify(plain));
        plain.mentions = { m_alice->me() };
        QVERIFY(m_alice->shouldNotify(plain));
    }
};

QTEST_GUILESS_MAIN(MessageActionsLiveTest)
#include "tst_message_actions_live.moc"
