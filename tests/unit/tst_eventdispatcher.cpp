// EventDispatcher on a real SQLite store: messages reach a node's sessions in seq order and once each,
// gaps are filled from the store, and a catch-up finds what the node missed.
#include "core/Directory.h"
#include "core/RequestRouter.h"
#include "core/SessionHub.h"
#include "events/ClusterEvent.h"
#include "events/EventDispatcher.h"
#include "events/PresenceTracker.h"
#include "store/Store.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace chat;
using namespace chat::server;

namespace {
constexpr qint64 Now = 1700000000000;
}

class EventDispatcherTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    ServerConfig m_config;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<Directory> m_directory;
    std::unique_ptr<RequestRouter> m_router;
    std::unique_ptr<SessionHub> m_hub;
    std::unique_ptr<PresenceTracker> m_presence;
    std::unique_ptr<EventDispatcher> m_dispatcher;
    qint64 m_alice = 0;
    qint64 m_roomId = 0;
    QList<Message> m_stored;
    int m_run = 0;

    // Stores `count` messages in the room, edits the first one `edits` times, and loads the directory as if this
    // node had delivered up to seq `delivered` and no change.
    void prepare(int count, qint64 delivered, int edits = 0)
    {
        m_config = defaultServerConfig();
        m_config.database.path = m_dir.filePath(QStringLiteral("dispatch%1.sqlite3").arg(++m_run));
        m_config.database.synchronousFull = false;
        {
            auto db = std::move(StoreDb::open(m_config.database, QStringLiteral("tst-dispatch-setup"))).value();
            QVERIFY(db->migrate().ok());
            m_alice = db->createUser(QStringLiteral("alice"), QStringLiteral("x"), Now)->id;
            m_roomId = db->createGroupRoom(QStringLiteral("general"), m_alice, Now)->id;
            m_stored.clear();
            for (int i = 1; i <= count; ++i) {
                m_stored.append(db->appendMessage(m_roomId, m_alice, QStringLiteral("m%1").arg(i),
                                      QStringLiteral("c%1").arg(i), Now)
                                    ->message);
            }
            for (int i = 1; i <= edits; ++i) {
                m_stored.first() = db->editMessage(m_roomId, m_stored.first().id, m_alice,
                                         QStringLiteral("edit %1").arg(i), {}, Now, 0)
                                       ->message;
            }
            auto rooms = *db->allRooms();
            rooms.first().lastSeq = delivered;
            rooms.first().lastChange = 0;
            m_directory = std::make_unique<Directory>();
            m_directory->load(*db->allUsers(), rooms);
        }
        m_store = std::make_unique<Store>(m_config.database);
        QVERIFY(m_store->start().ok());
        m_router = std::make_unique<RequestRouter>();
        m_hub = std::make_unique<SessionHub>(m_config, *m_router);
        m_presence = std::make_unique<PresenceTracker>();
        m_dispatcher = std::make_unique<EventDispatcher>(
            m_config, *m_directory, *m_hub, *m_presence, *m_store, QStringLiteral("node/test"));
    }

    qint64 deliveredSeq() const { return m_directory->room(m_roomId)->lastSeq; }
    qint64 deliveredChange() const { return m_directory->room(m_roomId)->lastChange; }

    Message changed(int index, qint64 change) const
    {
        Message message = m_stored.at(index);
        message.change = change;
        return message;
    }

private Q_SLOTS:
    void cleanup()
    {
        m_dispatcher.reset();
        m_hub.reset();
        m_store.reset();
    }

    void messagesInOrderAreDeliveredOnceEach()
    {
        prepare(3, 0);
        QSignalSpy delivered(m_dispatcher.get(), &EventDispatcher::messageDelivered);
        for (const Message& message : std::as_const(m_stored))
            m_dispatcher->apply(events::messageCommitted(message));
        m_dispatcher->apply(events::messageCommitted(m_stored.at(1))); // a repeat, e.g. after a catch-up
        QCOMPARE(delivered.size(), 3);
        QCOMPARE(deliveredSeq(), 3);
    }

    void aMessageAheadOfAGapWaitsUntilTheGapIsFilledFromTheStore()
    {
        prepare(4, 1);
        QSignalSpy delivered(m_dispatcher.get(), &EventDispatcher::messageDelivered);
        m_dispatcher->apply(events::messageCommitted(m_stored.at(3))); // seq 4 while 2 and 3 are missing
        QCOMPARE(delivered.size(), 0);
        QTRY_COMPARE(deliveredSeq(), 4);
        QCOMPARE(delivered.size(), 3);
        QCOMPARE(m_dispatcher->messagesFilledFromStore(), 2);
    }

    void aLateMessageFillsTheGapWithoutTheStore()
    {
        prepare(3, 1);
        QSignalSpy delivered(m_dispatcher.get(), &EventDispatcher::messageDelivered);
        m_dispatcher->apply(events::messageCommitted(m_stored.at(2)));
        m_dispatcher->apply(events::messageCommitted(m_stored.at(1))); // arrives just behind
        QCOMPARE(delivered.size(), 2);
        QCOMPARE(deliveredSeq(), 3);
        QCOMPARE(m_dispatcher->messagesFilledFromStore(), 0);
    }

    void catchUpDeliversWhatTheStoreHasBeyondTheDeliveredSeq()
    {
        prepare(250, 10); // more than one history page
        QSignalSpy delivered(m_dispatcher.get(), &EventDispatcher::messageDelivered);
        QSignalSpy caughtUp(m_dispatcher.get(), &EventDispatcher::caughtUp);
        m_dispatcher->catchUp();
        QVERIFY(caughtUp.wait());
        QTRY_COMPARE(deliveredSeq(), 250);
        QCOMPARE(delivered.size(), 240);
    }

    void aChangeOlderThanOneDeliveredIsDropped()
    {
        prepare(3, 3);
        QSignalSpy delivered(m_dispatcher.get(), &EventDispatcher::changeDelivered);
        m_dispatcher->apply(events::messageChanged(changed(0, 1)));
        m_dispatcher->apply(events::messageChanged(changed(2, 3))); // ahead of 2: delivered, clients see the hole
        m_dispatcher->apply(events::messageChanged(changed(1, 2))); // behind 3: clients fetch it themselves
        m_dispatcher->apply(events::messageChanged(changed(2, 3))); // a repeat
        QCOMPARE(delivered.size(), 2);
        QCOMPARE(deliveredChange(), 3);
    }

    void aChangeToAMessageStillWaitingForItsTurnKeepsSeqOrder()
    {
        prepare(3, 1);
        QSignalSpy delivered(m_dispatcher.get(), &EventDispatcher::messageDelivered);
        m_dispatcher->apply(events::messageCommitted(m_stored.at(2))); // waits for seq 2
        Message edited = changed(2, 1);
        edited.body = QStringLiteral("edited while waiting");
        m_dispatcher->apply(events::messageChanged(edited));
        m_dispatcher->apply(events::messageCommitted(m_stored.at(1)));
        QCOMPARE(delivered.size(), 2);
        QCOMPARE(deliveredSeq(), 3);
        QCOMPARE(deliveredChange(), 1);
    }

    void catchUpDeliversEachChangedMessageOnceAsItIsNow()
    {
        prepare(3, 3, 5); // message 1 edited five times while this node was cut off
        QSignalSpy delivered(m_dispatcher.get(), &EventDispatcher::changeDelivered);
        QSignalSpy caughtUp(m_dispatcher.get(), &EventDispatcher::caughtUp);
        m_dispatcher->catchUp();
        QVERIFY(caughtUp.wait());
        QTRY_COMPARE(deliveredChange(), 5);
        QCOMPARE(delivered.size(), 1);
    }

    void catchUpLearnsUsersAddedElsewhere()
    {
        prepare(0, 0);
        {
            auto db = std::move(StoreDb::open(m_config.database, QStringLiteral("tst-dispatch-more"))).value();
            QVERIFY(db->createUser(QStringLiteral("bob"), QStringLiteral("x"), Now).ok());
        }
        QSignalSpy caughtUp(m_dispatcher.get(), &EventDispatcher::caughtUp);
        m_dispatcher->catchUp();
        QVERIFY(caughtUp.wait());
        QVERIFY(m_directory->userIdByName(QStringLiteral("bob")).has_value());
    }

    void joinsOnTwoNodesAtOnceKeepBothMembers()
    {
        prepare(0, 0);
        // Each node published the room as it knew it before the other's join arrived.
        RoomRecord seenByA = *m_directory->room(m_roomId);
        RoomRecord seenByB = seenByA;
        seenByA.members.append(41);
        seenByB.members.append(42);
        m_dispatcher->apply(events::memberJoined(seenByA, 41));
        m_dispatcher->apply(events::memberJoined(seenByB, 42));
        QVERIFY(m_directory->isMember(m_roomId, 41));
        QVERIFY(m_directory->isMember(m_roomId, 42));
        QVERIFY(m_directory->isMember(m_roomId, m_alice));
        m_dispatcher->apply(events::memberLeft(seenByA, 41));
        QVERIFY(!m_directory->isMember(m_roomId, 41));
        QVERIFY(m_directory->isMember(m_roomId, 42));
    }

    void presenceFollowsEveryNodeOfAUser()
    {
        prepare(0, 0);
        QSignalSpy changed(m_presence.get(), &PresenceTracker::onlineChanged);
        m_dispatcher->apply(events::presence(QStringLiteral("a"), 7, true));
        m_dispatcher->apply(events::presence(QStringLiteral("b"), 7, true));
        QCOMPARE(changed.size(), 1); // online once, however many nodes hold the user
        m_dispatcher->apply(events::presence(QStringLiteral("a"), 7, false));
        QVERIFY(m_presence->isOnline(7));
        m_dispatcher->apply(events::nodeDown(QStringLiteral("b")));
        QVERIFY(!m_presence->isOnline(7));
        QCOMPARE(changed.size(), 2);
        m_dispatcher->apply(events::presenceSnapshot(QStringLiteral("c"), { 7, 8 }));
        QVERIFY(m_presence->isOnline(7) && m_presence->isOnline(8));
        m_dispatcher->apply(events::presenceSnapshot(QStringLiteral("c"), { 8 }));
        QVERIFY(!m_presence->isOnline(7));
    }

    void eventsSurviveTheirEncodingBetweenNodes()
    {
        Message message;
        message.id = 5;
        message.roomId = 2;
        message.seq = 9;
        message.senderId = 1;
        message.body = QStringLiteral("héllo 世界 🎉");
        message.ts = Now;
        message.clientId = QStringLiteral("c9");
        ClusterEvent event = events::messageCommitted(message);
        event.origin = QStringLiteral("node-1/abc");
        event.publishedAtMs = Now;
        const std::optional<ClusterEvent> decoded = ClusterEvent::decode(event.encode());
        QVERIFY(decoded);
        QCOMPARE(decoded->kind, ClusterEvent::Kind::MessageCommitted);
        QCOMPARE(decoded->origin, event.origin);
        QCOMPARE(decoded->publishedAtMs, Now);
        QCOMPARE(Message::fromJson(decoded->body.value(QLatin1String("message")).toObject()), message);
        QVERIFY(!ClusterEvent::decode("{\"k\":\"no such kind\"}"));
        QVERIFY(!ClusterEvent::decode("not json"));
    }
};

QTEST_GUILESS_MAIN(EventDispatcherTest)
#include "tst_eventdispatcher.moc"
