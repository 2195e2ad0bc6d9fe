#include "Fixtures.h"

#include <QTest>

using namespace chat;
using namespace chat::test;
namespace key = protocol::key;
namespace method = protocol::method;
namespace notification = protocol::notification;

class RoomsTest : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestClient> m_alice;
    std::unique_ptr<TestClient> m_bob;
    std::unique_ptr<TestClient> m_eve;

    QJsonObject roomNamed(TestClient& client, const QString& name)
    {
        const Reply reply = client.call(method::RoomsList);
        for (const QJsonValue& room : reply.result.value(key::Rooms).toArray()) {
            if (room.toObject().value(key::Name).toString() == name)
                return room.toObject();
        }
        return {};
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY2(m_server->start(), qPrintable(m_server->lastError()));
        m_alice = signedUpClient(*m_server, QStringLiteral("alice"));
        m_bob = signedUpClient(*m_server, QStringLiteral("bob"));
        m_eve = signedUpClient(*m_server, QStringLiteral("eve"));
        QVERIFY(m_alice && m_bob && m_eve);
    }
    void cleanup()
    {
        m_alice.reset();
        m_bob.reset();
        m_eve.reset();
        m_server.reset();
    }

    void newUsersJoinTheGeneralRoom()
    {
        const QJsonObject general = roomNamed(*m_eve, QStringLiteral("general"));
        QCOMPARE(general.value(key::Kind).toString(), QStringLiteral("group"));
        QCOMPARE(general.value(key::Members).toArray().size(), 3);
    }

    void membersOfTheGeneralRoomSeeANewcomerJoin()
    {
        const qint64 generalId = roomNamed(*m_alice, QStringLiteral("general")).value(key::Id).toInteger();
        m_alice->clearNotifications();
        auto newcomer = signedUpClient(*m_server, QStringLiteral("dave"));
        QVERIFY(newcomer);
        // Member counts stay current without a reconnect: the newcomer's join reaches everyone.
        std::optional<QJsonObject> updated;
        do
            updated = m_alice->waitForRoomUpdated(generalId);
        while (updated && updated->value(key::Room).toObject().value(key::Members).toArray().size() != 4);
        QVERIFY(updated);
        QVERIFY(updated->value(key::Room).toObject().value(key::Members).toArray().contains(newcomer->userId()));
    }

    void directRoomIsTheSameFromEitherSide()
    {
        const Reply fromAlice = m_alice->call(method::RoomsDirect, { { key::UserId, m_bob->userId() } });
        QVERIFY(fromAlice.ok());
        const Reply again = m_alice->call(method::RoomsDirect, { { key::UserId, m_bob->userId() } });
        const Reply fromBob = m_bob->call(method::RoomsDirect, { { key::UserId, m_alice->userId() } });
        QCOMPARE(roomIdOf(again), roomIdOf(fromAlice));
        QCOMPARE(roomIdOf(fromBob), roomIdOf(fromAlice));
        const QJsonObject room = fromAlice.result.value(key::Room).toObject();
        QCOMPARE(room.value(key::Kind).toString(), QStringLiteral("direct"));
        QCOMPARE(room.value(key::Members).toArray().size(), 2);
        QVERIFY(!room.contains(key::Name));
    }

    void openingADirectRoomTellsTheOtherMember()
    {
        const Reply opened = m_alice->call(method::RoomsDirect, { { key::UserId, m_bob->userId() } });
        // Earlier updates (each signup changes #general's members) stay queued.
        auto updated = m_bob->waitForRoomUpdated(roomIdOf(opened));
        QVERIFY(updated);
        QCOMPARE(updated->value(key::Room).toObject().value(key::Kind).toString(), QStringLiteral("direct"));
    }

    void directRoomWithUnknownUserIsNotFound()
    {
        QCOMPARE(m_alice->call(method::RoomsDirect, { { key::UserId, 999999 } }).reason(), QStringLiteral("not_found"));
    }

    void outsidersLearnNothingOfADirectRoom()
    {
        const qint64 roomId = roomIdOf(m_alice->call(method::RoomsDirect, { { key::UserId, m_bob->userId() } }));
        QVERIFY(m_alice
                    ->call(method::MessagesSend,
                        { { key::RoomId, roomId }, { key::Body, "secret" }, { key::ClientId, "c1" } })
                    .ok());
        QCOMPARE(
            m_eve->call(method::MessagesHistory, { { key::RoomId, roomId } }).reason(), QStringLiteral("forbidden"));
        QCOMPARE(
            m_eve->call(method::MessagesSend, { { key::RoomId, roomId }, { key::Body, "hi" }, { key::ClientId, "e1" } })
                .reason(),
            QStringLiteral("forbidden"));
        QCOMPARE(m_eve->call(method::RoomsRead, { { key::RoomId, roomId }, { key::Seq, 1 } }).reason(),
            QStringLiteral("forbidden"));
        QCOMPARE(m_eve->call(method::RoomsLeave, { { key::RoomId, roomId } }).reason(), QStringLiteral("forbidden"));
        // Joining someone's direct room looks exactly like joining a room that does not exist.
        const Reply joinDirect = m_eve->call(method::RoomsJoin, { { key::RoomId, roomId } });
        const Reply joinNothing = m_eve->call(method::RoomsJoin, { { key::RoomId, 424242 } });
        QCOMPARE(joinDirect.reason(), QStringLiteral("not_found"));
        QCOMPARE(joinDirect.error->message, joinNothing.error->message);
        // A room that does not exist answers like one the user is not in.
        QCOMPARE(
            m_eve->call(method::MessagesHistory, { { key::RoomId, 424242 } }).reason(), QStringLiteral("forbidden"));
        QCOMPARE(m_eve->pendingNotifications(notification::MessageNew), 0);
    }

    void groupRoomsCanBeCreatedJoinedAndLeft()
    {
        const Reply created = m_alice->call(method::RoomsCreate, { { key::Name, "  Release planning " } });
        QVERIFY(created.ok());
        const qint64 roomId = roomIdOf(created);
        QCOMPARE(
            created.result.value(key::Room).toObject().value(key::Name).toString(), QStringLiteral("Release planning"));

        const Reply listed = m_bob->call(method::RoomsPublic);
        bool found = false;
        for (const QJsonValue& room : listed.result.value(key::Rooms).toArray())
            found = found || room.toObject().value(key::Id).toInteger() == roomId;
        QVERIFY(found);

        const Reply joined = m_bob->call(method::RoomsJoin, { { key::RoomId, roomId } });
        QVERIFY(joined.ok());
        QCOMPARE(joined.result.value(key::Room).toObject().value(key::Members).toArray().size(), 2);
        std::optional<QJsonObject> toldAlice;
        do // the first update is the room's creation, with Alice alone
            toldAlice = m_alice->waitForRoomUpdated(roomId);
        while (toldAlice && toldAlice->value(key::Room).toObject().value(key::Members).toArray().size() < 2);
        QVERIFY(toldAlice);
        QCOMPARE(toldAlice->value(key::Room).toObject().value(key::Members).toArray().size(), 2);

        QVERIFY(m_bob->call(method::RoomsLeave, { { key::RoomId, roomId } }).ok());
        QCOMPARE(
            m_bob->call(method::MessagesHistory, { { key::RoomId, roomId } }).reason(), QStringLiteral("forbidden"));
        QVERIFY(roomNamed(*m_bob, QStringLiteral("Release planning")).isEmpty());
    }

    void roomNamesAreUniqueCaseInsensitively()
    {
        QVERIFY(m_alice->call(method::RoomsCreate, { { key::Name, "Design" } }).ok());
        QCOMPARE(m_bob->call(method::RoomsCreate, { { key::Name, "design" } }).reason(), QStringLiteral("name_taken"));
        QCOMPARE(m_bob->call(method::RoomsCreate, { { key::Name, "   " } }).reason(), QStringLiteral("invalid_params"));
    }

    void directRoomsCannotBeLeft()
    {
        const qint64 roomId = roomIdOf(m_alice->call(method::RoomsDirect, { { key::UserId, m_bob->userId() } }));
        QCOMPARE(m_alice->call(method::RoomsLeave, { { key::RoomId, roomId } }).reason(), QStringLiteral("forbidden"));
    }

    void unreadCountsFollowMessagesAndReadMarkers()
    {
        const qint64 roomId = roomIdOf(m_alice->call(method::RoomsDirect, { { key::UserId, m_bob->userId() } }));
        for (int i = 1; i <= 3; ++i)
            QVERIFY(m_alice
                        ->call(method::MessagesSend,
                            { { key::RoomId, roomId }, { key::Body, QStringLiteral("m%1").arg(i) },
                                { key::ClientId, QStringLiteral("c%1").arg(i) } })
                        .ok());

        auto roomOf = [roomId](TestClient& client) {
            for (const QJsonValue& room : client.call(method::RoomsList).result.value(key::Rooms).toArray()) {
                if (room.toObject().value(key::Id).toInteger() == roomId)
                    return room.toObject();
            }
            return QJsonObject();
        };
        QCOMPARE(roomOf(*m_bob).value(key::Unread).toInteger(), 3);
        QCOMPARE(roomOf(*m_bob).value(key::LastSeq).toInteger(), 3);
        QCOMPARE(roomOf(*m_alice).value(key::Unread).toInteger(), 0); // one's own messages are read

        auto bobsPhone = std::make_unique<TestClient>();
        QVERIFY(bobsPhone->connectTo(m_server->url()));
        QVERIFY(bobsPhone->login(QStringLiteral("bob")).ok());
        QVERIFY(m_bob->call(method::RoomsRead, { { key::RoomId, roomId }, { key::Seq, 2 } }).ok());
        QCOMPARE(roomOf(*m_bob).value(key::Unread).toInteger(), 1);
        auto synced = bobsPhone->waitForRoomUpdated(roomId);
        QVERIFY(synced);
        QCOMPARE(synced->value(key::Room).toObject().value(key::Unread).toInteger(), 1);

        // Read markers never move backwards, and never past the end.
        QVERIFY(m_bob->call(method::RoomsRead, { { key::RoomId, roomId }, { key::Seq, 1 } }).ok());
        QCOMPARE(roomOf(*m_bob).value(key::LastReadSeq).toInteger(), 2);
        QVERIFY(m_bob->call(method::RoomsRead, { { key::RoomId, roomId }, { key::Seq, 99 } }).ok());
        QCOMPARE(roomOf(*m_bob).value(key::LastReadSeq).toInteger(), 3);
        QCOMPARE(roomOf(*m_bob).value(key::Unread).toInteger(), 0);
    }
};

QTEST_GUILESS_MAIN(RoomsTest)
#include "tst_rooms.moc"
