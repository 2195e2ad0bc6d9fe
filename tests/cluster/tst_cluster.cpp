// A real cluster: PostgreSQL, redis-server, HAProxy and two chat-server nodes, started by the test on free
// loopback ports. Live traffic across nodes, and the faults an operator meets: a node killed, Redis
// restarted, PostgreSQL stopped, an admin command beside the cluster.
#include "ClusterFixture.h"
#include "FileUploads.h"
#include "Protocol.h"
#include "ResilientSender.h"
#include "TestClient.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSet>
#include <QTest>

using namespace chat;
using namespace chat::test;
namespace key = protocol::key;
namespace method = protocol::method;
namespace notification = protocol::notification;

namespace {

const QString Password = QStringLiteral("correct horse");

std::unique_ptr<TestClient> signedUpOn(const QUrl& url, const QString& name)
{
    auto client = std::make_unique<TestClient>();
    if (!client->connectTo(url) || !client->signup(name).ok())
        return nullptr;
    return client;
}

std::unique_ptr<TestClient> loggedInOn(const QUrl& url, const QString& name)
{
    auto client = std::make_unique<TestClient>();
    if (!client->connectTo(url) || !client->login(name).ok())
        return nullptr;
    return client;
}

// Every message of a room from the store, paged through messages.history.
QList<QJsonObject> wholeHistory(TestClient& reader, qint64 roomId)
{
    QList<QJsonObject> all;
    qint64 after = 0;
    for (;;) {
        const Reply page = reader.call(
            method::MessagesHistory, { { key::RoomId, roomId }, { key::After, after }, { key::Limit, 200 } });
        if (!page.ok())
            return all;
        const QJsonArray messages = page.result.value(key::Messages).toArray();
        for (const QJsonValue& message : messages)
            all.append(message.toObject());
        if (messages.isEmpty() || !page.result.value(key::HasMore).toBool())
            return all;
        after = messages.last().toObject().value(key::Seq).toInteger();
    }
}

} // namespace

class ClusterTest : public QObject {
    Q_OBJECT

    ClusterFixture m_cluster;
    int m_serial = 0;

    QString uniqueName(const QString& stem) { return QStringLiteral("%1%2").arg(stem).arg(++m_serial); }

    // As a client does, only with someone its node has listed: a user who has just signed up on the other node
    // reaches this node's directory through Redis a moment later (until then rooms.direct says not_found).
    qint64 directRoom(TestClient& from, qint64 otherUserId)
    {
        const bool listed = QTest::qWaitFor(
            [&] {
                const QJsonArray users = from.call(method::UsersList, {}).result.value(key::Users).toArray();
                return std::any_of(users.begin(), users.end(),
                    [&](const QJsonValue& user) { return user.toObject().value(key::Id).toInteger() == otherUserId; });
            },
            10000);
        if (!listed)
            return 0;
        return from.call(method::RoomsDirect, { { key::UserId, otherUserId } })
            .result.value(key::Room)
            .toObject()
            .value(key::Id)
            .toInteger();
    }

    // Checks what the store holds for the room: every acknowledged client_id exactly once, seq 1..N dense.
    void verifyRoom(TestClient& reader, qint64 roomId, const QHash<QString, qint64>& acked)
    {
        const QList<QJsonObject> history = wholeHistory(reader, roomId);
        QHash<QString, int> seen;
        for (qsizetype i = 0; i < history.size(); ++i) {
            QCOMPARE(history.at(i).value(key::Seq).toInteger(), qint64(i + 1));
            seen[history.at(i).value(key::ClientId).toString()] += 1;
        }
        for (auto it = acked.constBegin(); it != acked.constEnd(); ++it)
            QVERIFY2(seen.value(it.key()) == 1,
                qPrintable(QStringLiteral("%1 stored %2 times").arg(it.key()).arg(seen.value(it.key()))));
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_cluster.start(2), qPrintable(m_cluster.errorString())); }

    void init()
    {
        // A test that killed or stopped something brings it back before the next starts.
        for (int i = 0; i < m_cluster.nodeCount(); ++i) {
            if (!m_cluster.node(i).isRunning())
                QVERIFY2(m_cluster.node(i).start(), qPrintable(m_cluster.node(i).output()));
        }
        if (!m_cluster.postgres().isRunning())
            QVERIFY(m_cluster.postgres().start());
        if (!m_cluster.redis().isRunning())
            QVERIFY(m_cluster.redis().restart());
    }

    void nodesAreHealthyBehindTheBalancer()
    {
        QTRY_COMPARE_WITH_TIMEOUT(m_cluster.healthStatus(0), 200, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_cluster.healthStatus(1), 200, 10000);
        auto client = signedUpOn(m_cluster.balancerUrl(), uniqueName(QStringLiteral("balanced")));
        QVERIFY(client);
    }

    void aSignupOnOneNodeIsSeenOnTheOther()
    {
        auto bob = signedUpOn(m_cluster.node(1).url(), uniqueName(QStringLiteral("bob")));
        QVERIFY(bob);
        const QString aliceName = uniqueName(QStringLiteral("alice"));
        auto alice = signedUpOn(m_cluster.node(0).url(), aliceName);
        QVERIFY(alice);
        auto announced = bob->waitForNotificationWhere(notification::UserNew, [&](const QJsonObject& params) {
            return params.value(key::User).toObject().value(key::Username).toString() == aliceName;
        });
        QVERIFY(announced);
        bool listed = false;
        for (const QJsonValue& user : bob->call(method::UsersList).result.value(key::Users).toArray())
            listed = listed || user.toObject().value(key::Username).toString() == aliceName;
        QVERIFY(listed);
    }

    void directAndGroupRoomsAreLiveAcrossNodesWithTypingAndPresence()
    {
        const QString bobName = uniqueName(QStringLiteral("bob"));
        auto bob = signedUpOn(m_cluster.node(1).url(), bobName);
        QVERIFY(bob);
        auto alice = signedUpOn(m_cluster.node(0).url(), uniqueName(QStringLiteral("alice")));
        QVERIFY(alice);

        // Bob, on the other node, sees Alice come online.
        QTRY_VERIFY_WITH_TIMEOUT(bob->pendingPresence(alice->userId()) > 0, 10000);
        QCOMPARE(bob->waitForPresence(alice->userId()), std::optional<bool>(true));

        const qint64 dm = directRoom(*alice, bob->userId());
        QVERIFY(bob->waitForRoomUpdated(dm));
        QVERIFY(alice
                    ->call(method::MessagesSend,
                        { { key::RoomId, dm }, { key::Body, QStringLiteral("across nodes") },
                            { key::ClientId, QStringLiteral("x1") } })
                    .ok());
        auto received = bob->waitForNotification(notification::MessageNew);
        QVERIFY(received);
        QCOMPARE(
            received->value(key::MessageObj).toObject().value(key::Body).toString(), QStringLiteral("across nodes"));

        alice->notify(notification::Typing, { { key::RoomId, dm } });
        auto typing = bob->waitForNotification(notification::Typing);
        QVERIFY(typing);
        QCOMPARE(typing->value(key::UserId).toInteger(), alice->userId());

        const Reply created = bob->call(method::RoomsCreate, { { key::Name, uniqueName(QStringLiteral("project")) } });
        QVERIFY(created.ok());
        const qint64 group = created.result.value(key::Room).toObject().value(key::Id).toInteger();
        QVERIFY(alice->call(method::RoomsJoin, { { key::RoomId, group } }).ok());
        std::optional<QJsonObject> joined;
        do
            joined = bob->waitForRoomUpdated(group);
        while (joined && joined->value(key::Room).toObject().value(key::Members).toArray().size() < 2);
        QVERIFY(joined);
        QVERIFY(bob->call(method::MessagesSend,
                       { { key::RoomId, group }, { key::Body, QStringLiteral("to the group") },
                           { key::ClientId, QStringLiteral("g1") } })
                    .ok());
        auto groupMessage = alice->waitForNotificationWhere(notification::MessageNew, [&](const QJsonObject& params) {
            return params.value(key::MessageObj).toObject().value(key::RoomId).toInteger() == group;
        });
        QVERIFY(groupMessage);
        // Each node reports its group commits to Prometheus.
        QVERIFY(m_cluster.metric(1, "chat_store_commit_seconds_count") > 0);
        // A read marker reaches the user's other device, on the other node.
        auto bobsPhone = loggedInOn(m_cluster.node(0).url(), bobName);
        QVERIFY(bobsPhone);
        QVERIFY(bob->call(method::RoomsRead, { { key::RoomId, dm }, { key::Seq, 1 } }).ok());
        auto synced = bobsPhone->waitForRoomUpdated(dm);
        QVERIFY(synced);
        QCOMPARE(synced->value(key::Room).toObject().value(key::LastReadSeq).toInteger(), 1);
    }

    void messageChangesReceiptsAndNotifyLevelsCrossNodes()
    {
        const QString bobName = uniqueName(QStringLiteral("bob"));
        auto bob = signedUpOn(m_cluster.node(1).url(), bobName);
        QVERIFY(bob);
        auto alice = signedUpOn(m_cluster.node(0).url(), uniqueName(QStringLiteral("alice")));
        QVERIFY(alice);
        const qint64 dm = directRoom(*alice, bob->userId());
        QVERIFY(bob->waitForRoomUpdated(dm));
        const Reply sent = alice->call(method::MessagesSend,
            { { key::RoomId, dm }, { key::Body, QStringLiteral("typo") }, { key::ClientId, QStringLiteral("e1") } });
        QVERIFY(sent.ok());
        const QJsonObject message = sent.result.value(key::MessageObj).toObject();
        QVERIFY(bob->waitForNotification(notification::MessageNew));

        const Reply edited = alice->call(method::MessagesEdit,
            { { key::MessageId, message.value(key::Id) }, { key::Body, QStringLiteral("fixed") } });
        QVERIFY(edited.ok());
        auto changed = bob->waitForNotification(notification::MessageChanged);
        QVERIFY(changed);
        QCOMPARE(changed->value(key::MessageObj).toObject(), edited.result.value(key::MessageObj).toObject());
        QVERIFY(
            bob->call(method::ReactionsAdd, { { key::MessageId, message.value(key::Id) }, { key::Emoji, "👍" } }).ok());
        auto reacted = alice->waitForNotification(notification::MessageChanged); // alice's own edit first
        QVERIFY(reacted);
        reacted = alice->waitForNotification(notification::MessageChanged);
        QVERIFY(reacted);
        QCOMPARE(reacted->value(key::MessageObj).toObject().value(key::Change).toInteger(), 2);

        QVERIFY(bob->call(method::RoomsRead, { { key::RoomId, dm }, { key::Seq, message.value(key::Seq) } }).ok());
        auto receipt = alice->waitForNotification(notification::Receipt);
        QVERIFY(receipt);
        QCOMPARE(receipt->value(key::UserId).toInteger(), bob->userId());

        auto bobsPhone = loggedInOn(m_cluster.node(0).url(), bobName);
        QVERIFY(bobsPhone);
        QVERIFY(bob->call(method::RoomsNotify, { { key::RoomId, dm }, { key::Level, QStringLiteral("none") } }).ok());
        auto muted = bobsPhone->waitForNotificationWhere(notification::RoomUpdated, [&](const QJsonObject& params) {
            return params.value(key::Room).toObject().contains(key::Notify); // not the read marker's update
        });
        QVERIFY(muted);
        QCOMPARE(muted->value(key::Room).toObject().value(key::Notify).toString(), QStringLiteral("none"));
    }

    // The files folder is shared and the metadata is in PostgreSQL: an upload cut off on one node goes on on the
    // other, and a member on the first node downloads it.
    void anUploadResumesOnAnotherNodeAndDownloadsEverywhere()
    {
        const QString aliceName = uniqueName(QStringLiteral("alice"));
        auto alice = signedUpOn(m_cluster.node(0).url(), aliceName);
        auto bob = signedUpOn(m_cluster.node(0).url(), uniqueName(QStringLiteral("bob")));
        QVERIFY(alice && bob);
        const qint64 dm = directRoom(*alice, bob->userId());
        QVERIFY(dm > 0);
        QByteArray content(3 * 1024 * 1024 + 17, Qt::Uninitialized);
        for (qsizetype i = 0; i < content.size(); ++i)
            content[i] = char((i * 131) ^ (i >> 9));
        const Reply started = uploadFile(*alice, dm, QStringLiteral("dump.bin"), content, 1024 * 1024);
        QVERIFY2(started.ok(), qPrintable(started.reason()));
        alice->abort();

        auto again = loggedInOn(m_cluster.node(1).url(), aliceName);
        QVERIFY(again);
        const Reply resumed = again->call(method::FilesUpload,
            { { key::RoomId, dm }, { key::Name, QStringLiteral("dump.bin") }, { key::Size, content.size() },
                { key::Sha256, sha256Hex(content) } });
        QVERIFY2(resumed.ok(), qPrintable(resumed.reason()));
        QCOMPARE(resumed.result.value(key::UploadId), started.result.value(key::UploadId));
        const qint64 offset = resumed.result.value(key::Offset).toInteger();
        QVERIFY2(offset > 0, "the bytes written on node 0 count on node 1");
        QVERIFY(sendChunks(*again, resumed.result.value(key::UploadId).toString(), content, offset, content.size(),
            resumed.result.value(key::ChunkBytes).toInt(), resumed.result.value(key::WindowBytes).toInt()));
        const Reply finished
            = again->call(method::FilesFinish, { { key::UploadId, resumed.result.value(key::UploadId) } });
        QVERIFY2(finished.ok(), qPrintable(finished.reason()));
        const QString fileId = finished.result.value(key::File).toObject().value(key::Id).toString();
        QVERIFY(again
                    ->call(method::MessagesSend,
                        { { key::RoomId, dm }, { key::Body, QStringLiteral("the dump") },
                            { key::ClientId, QStringLiteral("f1") }, { key::Attachments, QJsonArray { fileId } } })
                    .ok());
        const auto arrived = bob->waitForNotification(notification::MessageNew);
        QVERIFY(arrived);
        QCOMPARE(arrived->value(key::MessageObj).toObject().value(key::Attachments).toArray().size(), 1);
        QCOMPARE(sha256Hex(downloadFile(*bob, fileId)), sha256Hex(content));
    }

    void failedSignInsCountOnEveryNode()
    {
        const QString victim = uniqueName(QStringLiteral("victim"));
        auto owner = signedUpOn(m_cluster.node(0).url(), victim);
        auto observer = signedUpOn(m_cluster.node(1).url(), uniqueName(QStringLiteral("observer")));
        QVERIFY(owner && observer);
        const qint64 dm = directRoom(*owner, observer->userId());
        QVERIFY(observer->waitForRoomUpdated(dm));

        // The account allows 3 failed attempts per window (the fixture's config): all 3 spent on node 0.
        TestClient guesser;
        QVERIFY(guesser.connectTo(m_cluster.node(0).url()));
        for (int i = 0; i < 3; ++i)
            QCOMPARE(guesser.login(victim, QStringLiteral("wrong guess %1").arg(i)).reason(),
                QStringLiteral("bad_credentials"));
        // Node 0 publishes in order: once this message has crossed to node 1, so have the failures before it.
        QVERIFY(owner
                    ->call(method::MessagesSend,
                        { { key::RoomId, dm }, { key::Body, QStringLiteral("marker") },
                            { key::ClientId, QStringLiteral("marker") } })
                    .ok());
        QVERIFY(observer->waitForNotification(notification::MessageNew));

        TestClient elsewhere;
        QVERIFY(elsewhere.connectTo(m_cluster.node(1).url()));
        const Reply fourth = elsewhere.login(victim, QStringLiteral("wrong guess 3"));
        QCOMPARE(fourth.reason(), QStringLiteral("rate_limited"));
    }

    void bothNodesWritingToTheSameRoomsInOppositeOrdersNeverDeadlock()
    {
        auto left = signedUpOn(m_cluster.node(0).url(), uniqueName(QStringLiteral("left")));
        auto right = signedUpOn(m_cluster.node(1).url(), uniqueName(QStringLiteral("right")));
        QVERIFY(left && right);
        QList<qint64> rooms;
        for (int i = 0; i < 6; ++i) {
            const Reply created
                = left->call(method::RoomsCreate, { { key::Name, uniqueName(QStringLiteral("contended")) } });
            QVERIFY(created.ok());
            rooms.append(created.result.value(key::Room).toObject().value(key::Id).toInteger());
            QVERIFY(right->call(method::RoomsJoin, { { key::RoomId, rooms.last() } }).ok());
        }
        // Each side pipelines sends over the rooms, one forwards and one backwards, so that the two nodes'
        // group commits would take the rooms' row locks in opposite orders.
        const int rounds = 40;
        QList<QJsonValue> leftIds;
        QList<QJsonValue> rightIds;
        for (int n = 0; n < rounds; ++n) {
            for (int i = 0; i < rooms.size(); ++i) {
                const QString tag = QStringLiteral("%1-%2").arg(n).arg(i);
                leftIds.append(left->sendRequest(method::MessagesSend,
                    { { key::RoomId, rooms.at(i) }, { key::Body, tag },
                        { key::ClientId, QString(QStringLiteral("l") + tag) } }));
                rightIds.append(right->sendRequest(method::MessagesSend,
                    { { key::RoomId, rooms.at(rooms.size() - 1 - i) }, { key::Body, tag },
                        { key::ClientId, QString(QStringLiteral("r") + tag) } }));
            }
        }
        int refused = 0;
        for (const QJsonValue& id : std::as_const(leftIds))
            refused += left->waitForReply(id, 30000).ok() ? 0 : 1;
        for (const QJsonValue& id : std::as_const(rightIds))
            refused += right->waitForReply(id, 30000).ok() ? 0 : 1;
        QCOMPARE(refused, 0);
        qInfo("%lld sends from two nodes into %lld shared rooms, all acknowledged",
            qint64(leftIds.size() + rightIds.size()), qint64(rooms.size()));
    }

    void aKilledNodesUsersGoOfflineEverywhere()
    {
        auto watcher = signedUpOn(m_cluster.node(0).url(), uniqueName(QStringLiteral("watcher")));
        auto leaver = signedUpOn(m_cluster.node(1).url(), uniqueName(QStringLiteral("leaver")));
        QVERIFY(watcher && leaver);
        QTRY_VERIFY_WITH_TIMEOUT(watcher->pendingPresence(leaver->userId()) > 0, 10000);
        QCOMPARE(watcher->waitForPresence(leaver->userId()), std::optional<bool>(true));

        QElapsedTimer clock;
        clock.start();
        m_cluster.node(1).kill();
        // The promise is 15 s; the node is declared down after 8 s of silence.
        const std::optional<bool> offline = watcher->waitForPresence(leaver->userId(), 15000);
        QCOMPARE(offline, std::optional<bool>(false));
        qInfo("a SIGKILLed node's user went offline on the other node after %lld ms", clock.elapsed());
    }

    void aNodeKilledUnderLoadLosesNothingAndDuplicatesNothing()
    {
        // Senders through the balancer (leastconn), until both nodes hold some: HAProxy sends new
        // connections to node 1 again once its health check has seen it back from the previous test.
        std::vector<std::unique_ptr<ResilientSender>> senders;
        auto onNode = [&senders](const QString& node) {
            return std::count_if(senders.begin(), senders.end(),
                [&node](const auto& sender) { return sender->client().hello().value(key::Name).toString() == node; });
        };
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                if (onNode(m_cluster.node(1).name()) >= 2 && onNode(m_cluster.node(0).name()) >= 2)
                    return true;
                auto sender
                    = std::make_unique<ResilientSender>(m_cluster.balancerUrl(), uniqueName(QStringLiteral("sender")));
                if (sender->signUp())
                    senders.push_back(std::move(sender));
                return false;
            }(),
            20000);
        auto reader = signedUpOn(m_cluster.node(0).url(), uniqueName(QStringLiteral("reader")));
        QVERIFY(reader);
        QList<qint64> rooms;
        for (auto& sender : senders)
            rooms.append(directRoom(sender->client(), reader->userId()));

        // Each round pipelines one send per sender; the node dies while a round is in flight.
        const int rounds = 60;
        for (int n = 0; n < rounds; ++n) {
            for (size_t s = 0; s < senders.size(); ++s) {
                const QString clientId = QStringLiteral("k%1-%2").arg(s).arg(n);
                senders[s]->startSend(rooms[int(s)], clientId, clientId);
            }
            if (n == rounds / 3)
                m_cluster.node(1).kill();
            for (size_t s = 0; s < senders.size(); ++s) {
                const QString clientId = QStringLiteral("k%1-%2").arg(s).arg(n);
                QVERIFY2(senders[s]->sendUntilAcked(rooms[int(s)], clientId, clientId) > 0, qPrintable(clientId));
            }
        }
        QVERIFY(!m_cluster.node(1).isRunning());
        int acked = 0;
        int reconnects = 0;
        for (size_t s = 0; s < senders.size(); ++s) {
            verifyRoom(*reader, rooms[int(s)], senders[s]->acknowledged());
            if (QTest::currentTestFailed())
                return;
            acked += int(senders[s]->acknowledged().size());
            reconnects += senders[s]->reconnects();
        }
        QVERIFY(reconnects >= 2); // the senders that were on the killed node came back through HAProxy
        qInfo("node killed under load: %d acknowledged messages verified, each stored once with dense seq; "
              "%d reconnects through HAProxy",
            acked, reconnects);
    }

    void restartingRedisUnderLoadNeitherLosesNorRepeatsALiveMessage()
    {
        auto sender = signedUpOn(m_cluster.node(0).url(), uniqueName(QStringLiteral("talker")));
        auto listener = signedUpOn(m_cluster.node(1).url(), uniqueName(QStringLiteral("listener")));
        QVERIFY(sender && listener);
        const qint64 room = directRoom(*sender, listener->userId());
        QVERIFY(listener->waitForRoomUpdated(room));
        const double filledBefore = m_cluster.metric(1, "chat_messages_filled_from_store_total");

        // Redis dies a third of the way in and comes back two thirds in; the sends go on throughout.
        const int total = 300;
        for (int n = 1; n <= total; ++n) {
            if (n == total / 3)
                m_cluster.redis().kill();
            if (n == 2 * total / 3)
                QVERIFY(m_cluster.redis().restart());
            const Reply sent = sender->call(method::MessagesSend,
                { { key::RoomId, room }, { key::Body, QStringLiteral("r%1").arg(n) },
                    { key::ClientId, QStringLiteral("r%1").arg(n) } });
            QVERIFY2(sent.ok(), qPrintable(sent.reason()));
        }
        // Every message reaches the listener live, once each, in seq order: through Redis, or from the store
        // when the node caught up after Redis came back.
        QList<qint64> seqs;
        while (seqs.size() < total) {
            auto message = listener->waitForNotificationWhere(
                notification::MessageNew,
                [room](const QJsonObject& params) {
                    return params.value(key::MessageObj).toObject().value(key::RoomId).toInteger() == room;
                },
                20000);
            QVERIFY2(message, qPrintable(QStringLiteral("only %1 of %2 messages arrived").arg(seqs.size()).arg(total)));
            seqs.append(message->value(key::MessageObj).toObject().value(key::Seq).toInteger());
        }
        for (int i = 0; i < total; ++i)
            QCOMPARE(seqs.at(i), qint64(i + 1));
        QVERIFY(!listener->waitForNotificationWhere(
            notification::MessageNew,
            [room](const QJsonObject& params) {
                return params.value(key::MessageObj).toObject().value(key::RoomId).toInteger() == room;
            },
            1000));
        // The messages published while Redis was down never crossed it: the listener's node read them from the store.
        const double filled = m_cluster.metric(1, "chat_messages_filled_from_store_total") - filledBefore;
        QVERIFY(filled > 0);
        qInfo("Redis restarted under load: %d live messages verified, none missing, none twice; %.0f of them "
              "delivered from the store after the node caught up",
            total, filled);
    }

    void stoppingPostgresFailsSendsClearlyAndServiceResumesByItself()
    {
        auto sender = signedUpOn(m_cluster.node(0).url(), uniqueName(QStringLiteral("writer")));
        auto peer = signedUpOn(m_cluster.node(1).url(), uniqueName(QStringLiteral("peer")));
        QVERIFY(sender && peer);
        const qint64 room = directRoom(*sender, peer->userId());
        QHash<QString, qint64> acked;
        auto send = [&](const QString& clientId) {
            const Reply reply = sender->call(
                method::MessagesSend, { { key::RoomId, room }, { key::Body, clientId }, { key::ClientId, clientId } });
            if (reply.ok())
                acked.insert(clientId, reply.result.value(key::MessageObj).toObject().value(key::Seq).toInteger());
            return reply;
        };
        for (int n = 0; n < 20; ++n)
            QVERIFY(send(QStringLiteral("before%1").arg(n)).ok());

        QVERIFY(m_cluster.postgres().stop());
        const Reply refused = send(QStringLiteral("during"));
        QVERIFY(refused.answered);
        QCOMPARE(refused.reason(), QStringLiteral("unavailable"));
        QTRY_COMPARE_WITH_TIMEOUT(m_cluster.healthStatus(0), 503, 10000);

        QVERIFY(m_cluster.postgres().start());
        // Service resumes without a restart of any node.
        QTRY_VERIFY_WITH_TIMEOUT(send(QStringLiteral("after")).ok(), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(m_cluster.healthStatus(0), 200, 10000);
        verifyRoom(*sender, room, acked);
        qInfo("PostgreSQL stopped and started: %lld acknowledged messages verified", qint64(acked.size()));
    }

    void disablingAUserThroughTheDatabaseSignsThemOutOnEveryNode()
    {
        const QString name = uniqueName(QStringLiteral("mallory"));
        auto onNode0 = signedUpOn(m_cluster.node(0).url(), name);
        QVERIFY(onNode0);
        auto onNode1 = loggedInOn(m_cluster.node(1).url(), name);
        QVERIFY(onNode1);
        QElapsedTimer clock;
        clock.start();
        QCOMPARE(m_cluster.node(0).runAdmin({ QStringLiteral("user"), QStringLiteral("disable"), name }), 0);
        for (TestClient* session : { onNode0.get(), onNode1.get() }) {
            auto revoked = session->waitForNotification(notification::SessionRevoked, 10000);
            QVERIFY(revoked);
            QCOMPARE(revoked->value(key::Reason).toString(), QStringLiteral("account_disabled"));
            QVERIFY(session->waitForDisconnected());
        }
        qInfo("user disable ended the sessions on both nodes within %lld ms", clock.elapsed());
    }
};

QTEST_GUILESS_MAIN(ClusterTest)
#include "tst_cluster.moc"
