// StoreDb's message actions (edits, tombstones, replies, mentions, reactions, change numbers, receipts,
// notification levels) and the schema step that brought them, on SQLite and (unit_storeactions_pg) PostgreSQL.
#include "StoreTestDatabase.h"
#include "store/SqlDialect.h"
#include "store/StoreDb.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace chat;
using namespace chat::server;

namespace {
constexpr qint64 Now = 1700000000000;
constexpr int MaxEmoji = 3;
} // namespace

class StoreActionsTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<StoreDb> m_db;
    qint64 m_alice = 0;
    qint64 m_bob = 0;
    qint64 m_carol = 0; // not in m_room
    qint64 m_room = 0;
    qint64 m_elsewhere = 0; // carol's room

    DatabaseConfig config() const { return StoreTestDatabase::config(m_dir.filePath(QStringLiteral("chat.sqlite3"))); }

    std::unique_ptr<StoreDb> openDb()
    {
        auto db = StoreDb::open(config(), QStringLiteral("tst-storeactions"));
        if (!db)
            qFatal("cannot open: %s", qPrintable(db.error().message));
        return std::move(db).value();
    }

    qint64 user(const QString& name)
    {
        auto created = m_db->createUser(name, QStringLiteral("$argon2id$hash"), Now);
        if (!created)
            qFatal("cannot create a user: %s", qPrintable(created.error().message));
        return created->id;
    }

    Message send(
        qint64 room, qint64 sender, const QString& body, qint64 replyTo = 0, const QList<qint64>& mentions = {})
    {
        static int serial = 0;
        auto sent
            = m_db->appendMessage(room, sender, body, QStringLiteral("c%1").arg(++serial), Now, mentions, replyTo);
        if (!sent || sent->refusal != ActionRefusal::None)
            qFatal("cannot send");
        return sent->message;
    }

    Message stored(qint64 room, qint64 seq)
    {
        HistoryQuery query;
        query.roomId = room;
        query.after = seq - 1;
        query.limit = 1;
        auto page = m_db->history(query);
        if (!page || page->messages.isEmpty())
            qFatal("no message %lld", seq);
        return page->messages.constFirst();
    }

    ActionOutcome edit(const Message& message, qint64 by, const QString& body, qint64 editableSince = 0)
    {
        auto edited = m_db->editMessage(message.roomId, message.id, by, body, {}, Now + 5, editableSince);
        if (!edited)
            qFatal("edit failed: %s", qPrintable(edited.error().message));
        return *edited;
    }

    ActionOutcome react(const Message& message, qint64 by, const QString& emoji)
    {
        auto added = m_db->addReaction(message.roomId, message.id, by, emoji, MaxEmoji);
        if (!added)
            qFatal("reaction failed: %s", qPrintable(added.error().message));
        return *added;
    }

    qint64 lastChangeOf(qint64 roomId)
    {
        auto rooms = m_db->allRooms();
        for (const RoomRecord& room : std::as_const(*rooms)) {
            if (room.id == roomId)
                return room.lastChange;
        }
        return -1;
    }

private Q_SLOTS:
    void init()
    {
        StoreTestDatabase::reset(config());
        m_db = openDb();
        QVERIFY(m_db->migrate().ok());
        m_alice = user(QStringLiteral("alice"));
        m_bob = user(QStringLiteral("bob"));
        m_carol = user(QStringLiteral("carol"));
        m_room = m_db->createGroupRoom(QStringLiteral("team"), m_alice, Now)->id;
        QVERIFY(m_db->addMember(m_room, m_bob, Now).ok());
        m_elsewhere = m_db->createGroupRoom(QStringLiteral("carols"), m_carol, Now)->id;
    }

    void cleanup() { m_db.reset(); }

    void anEditReplacesTheBodyAndTakesTheRoomsNextChange()
    {
        const Message sent = send(m_room, m_alice, QStringLiteral("helo"));
        const ActionOutcome edited = edit(sent, m_alice, QStringLiteral("hello 👋"));
        QCOMPARE(edited.refusal, ActionRefusal::None);
        QVERIFY(edited.changed);
        QCOMPARE(edited.message.body, QStringLiteral("hello 👋"));
        QCOMPARE(edited.message.editedTs, Now + 5);
        QCOMPARE(edited.message.change, 1);
        QCOMPARE(edited.message.seq, sent.seq);
        QCOMPARE(stored(m_room, sent.seq), edited.message);
        QCOMPARE(lastChangeOf(m_room), 1);
        QCOMPARE(edit(sent, m_alice, QStringLiteral("hello again")).message.change, 2);
    }

    void editingToTheSameBodyStoresNothing()
    {
        const Message sent = send(m_room, m_alice, QStringLiteral("same"));
        const ActionOutcome again = edit(sent, m_alice, QStringLiteral("same"));
        QCOMPARE(again.refusal, ActionRefusal::None);
        QVERIFY(!again.changed);
        QCOMPARE(again.message, sent);
        QCOMPARE(lastChangeOf(m_room), 0);
    }

    void onlyTheAuthorInTheRoomEditsOrDeletes()
    {
        const Message sent = send(m_room, m_alice, QStringLiteral("mine"));
        QCOMPARE(edit(sent, m_bob, QStringLiteral("theirs")).refusal, ActionRefusal::Forbidden);
        QCOMPARE(m_db->deleteMessage(m_room, sent.id, m_bob)->refusal, ActionRefusal::Forbidden);
        QVERIFY(m_db->removeMember(m_room, m_alice).ok());
        QCOMPARE(edit(sent, m_alice, QStringLiteral("after leaving")).refusal, ActionRefusal::Forbidden);
        QCOMPARE(stored(m_room, sent.seq), sent);
        QCOMPARE(lastChangeOf(m_room), 0);
    }

    void aMessageIsFoundOnlyInTheCallersRooms()
    {
        const Message sent = send(m_room, m_alice, QStringLiteral("here"));
        QCOMPARE(*m_db->roomOfMessage(sent.id, m_bob), std::optional<qint64>(m_room));
        QCOMPARE(*m_db->roomOfMessage(sent.id, m_carol), std::nullopt);
        QCOMPARE(*m_db->roomOfMessage(sent.id + 1000, m_bob), std::nullopt);
        // The room passed must be the message's own.
        QCOMPARE(m_db->addReaction(m_elsewhere, sent.id, m_carol, QStringLiteral("👍"), MaxEmoji)->refusal,
            ActionRefusal::Forbidden);
    }

    void theEditWindowClosesEditsButNotDeletions()
    {
        const Message sent = send(m_room, m_alice, QStringLiteral("old"));
        QCOMPARE(edit(sent, m_alice, QStringLiteral("too late"), Now + 1).refusal, ActionRefusal::EditWindowClosed);
        QCOMPARE(edit(sent, m_alice, QStringLiteral("in time"), Now).refusal, ActionRefusal::None);
        QCOMPARE(m_db->deleteMessage(m_room, sent.id, m_alice)->refusal, ActionRefusal::None);
    }

    void aDeletionLeavesATombstoneWithItsSeq()
    {
        const Message original = send(m_room, m_alice, QStringLiteral("regret @bob"), 0, { m_bob });
        const Message reply = send(m_room, m_bob, QStringLiteral("what?"), original.id);
        QCOMPARE(react(original, m_bob, QStringLiteral("👍")).refusal, ActionRefusal::None);
        auto deleted = m_db->deleteMessage(m_room, original.id, m_alice);
        QVERIFY(deleted.ok());
        QVERIFY(deleted->changed);
        const Message tombstone = deleted->message;
        QVERIFY(tombstone.deleted);
        QCOMPARE(tombstone.seq, original.seq);
        QCOMPARE(tombstone.body, QString());
        QVERIFY(tombstone.mentions.isEmpty());
        QVERIFY(tombstone.reactions.isEmpty());
        QCOMPARE(tombstone.change, 2);
        QCOMPARE(stored(m_room, original.seq), tombstone);
        QSqlQuery left(m_db->connection());
        QVERIFY(left.exec(QStringLiteral("SELECT COUNT(*) FROM reactions")) && left.next());
        QCOMPARE(left.value(0).toInt(), 0);
        // The reply keeps its link; its quote says the original is gone.
        const Message quoted = stored(m_room, reply.seq);
        QVERIFY(quoted.reply);
        QCOMPARE(quoted.reply->id, original.id);
        QVERIFY(quoted.reply->deleted);
        QCOMPARE(quoted.reply->excerpt, QString());
        // Again: nothing changes; a tombstone is neither edited nor reacted to.
        auto again = m_db->deleteMessage(m_room, original.id, m_alice);
        QVERIFY(!again->changed);
        QCOMPARE(again->message, tombstone);
        QCOMPARE(edit(original, m_alice, QStringLiteral("back")).refusal, ActionRefusal::Deleted);
        QCOMPARE(react(original, m_bob, QStringLiteral("😮")).refusal, ActionRefusal::Deleted);
        QVERIFY(!m_db->removeReaction(m_room, original.id, m_bob, QStringLiteral("👍"))->changed);
        QCOMPARE(lastChangeOf(m_room), 2);
    }

    void aReplyQuotesItsOriginalAsItIsNow()
    {
        const QString longBody = QStringLiteral("🙂").repeated(250);
        const Message original = send(m_room, m_alice, longBody);
        const Message reply = send(m_room, m_bob, QStringLiteral("indeed"), original.id);
        QVERIFY(reply.reply);
        QCOMPARE(reply.reply->seq, original.seq);
        QCOMPARE(reply.reply->senderId, m_alice);
        QCOMPARE(reply.reply->excerpt, QStringLiteral("🙂").repeated(200)); // characters, not UTF-16 units
        QCOMPARE(stored(m_room, reply.seq), reply);
        edit(original, m_alice, QStringLiteral("shorter"));
        QCOMPARE(stored(m_room, reply.seq).reply->excerpt, QStringLiteral("shorter"));
    }

    void aReplyMustAnswerALiveMessageOfItsRoom()
    {
        const Message elsewhere = send(m_elsewhere, m_carol, QStringLiteral("private"));
        auto outside
            = m_db->appendMessage(m_room, m_alice, QStringLiteral("re"), QStringLiteral("r1"), Now, {}, elsewhere.id);
        QCOMPARE(outside->refusal, ActionRefusal::ReplyOutsideRoom);
        auto missing
            = m_db->appendMessage(m_room, m_alice, QStringLiteral("re"), QStringLiteral("r2"), Now, {}, 999999);
        QCOMPARE(missing->refusal, ActionRefusal::ReplyOutsideRoom);
        const Message original = send(m_room, m_bob, QStringLiteral("soon gone"));
        auto first
            = m_db->appendMessage(m_room, m_alice, QStringLiteral("re"), QStringLiteral("r3"), Now, {}, original.id);
        QCOMPARE(first->refusal, ActionRefusal::None);
        QVERIFY(m_db->deleteMessage(m_room, original.id, m_bob)->changed);
        auto toDeleted
            = m_db->appendMessage(m_room, m_alice, QStringLiteral("re"), QStringLiteral("r4"), Now, {}, original.id);
        QCOMPARE(toDeleted->refusal, ActionRefusal::Deleted);
        // A resend of the reply stored before the deletion is that reply, not a refusal.
        auto resent
            = m_db->appendMessage(m_room, m_alice, QStringLiteral("re"), QStringLiteral("r3"), Now, {}, original.id);
        QCOMPARE(resent->refusal, ActionRefusal::None);
        QVERIFY(resent->duplicate);
        QCOMPARE(resent->message.id, first->message.id);
        QCOMPARE(stored(m_room, original.seq + 1).id, first->message.id); // refused replies took no seq
        QCOMPARE(m_db->allRooms()->at(0).lastSeq, original.seq + 1);
    }

    void mentionsAreKeptAndRecomputedByEdits()
    {
        const Message sent = send(m_room, m_alice, QStringLiteral("@bob hi"), 0, { m_bob });
        QCOMPARE(sent.mentions, QList<qint64>({ m_bob }));
        QCOMPARE(stored(m_room, sent.seq).mentions, QList<qint64>({ m_bob }));
        auto edited = m_db->editMessage(m_room, sent.id, m_alice, QStringLiteral("hi all"), {}, Now, 0);
        QVERIFY(edited->message.mentions.isEmpty());
    }

    void reactionsKeepTheOrderOfReactingAndOneOfEachPerUser()
    {
        const Message sent = send(m_room, m_alice, QStringLiteral("vote"));
        react(sent, m_bob, QStringLiteral("👍"));
        react(sent, m_alice, QStringLiteral("🎉"));
        const ActionOutcome last = react(sent, m_alice, QStringLiteral("👍"));
        QCOMPARE(last.message.reactions.size(), 2);
        QCOMPARE(last.message.reactions.at(0).emoji, QStringLiteral("👍"));
        QCOMPARE(last.message.reactions.at(0).users, QList<qint64>({ m_bob, m_alice }));
        QCOMPARE(last.message.reactions.at(1).emoji, QStringLiteral("🎉"));
        QCOMPARE(last.message.reactions.at(1).users, QList<qint64>({ m_alice }));
        QCOMPARE(last.message.change, 3);
        QCOMPARE(stored(m_room, sent.seq), last.message);

        const ActionOutcome twice = react(sent, m_bob, QStringLiteral("👍"));
        QVERIFY(!twice.changed);
        QCOMPARE(twice.message, last.message);

        auto removed = m_db->removeReaction(m_room, sent.id, m_bob, QStringLiteral("👍"));
        QVERIFY(removed->changed);
        QCOMPARE(removed->message.reactions.at(0).users, QList<qint64>({ m_alice }));
        QCOMPARE(removed->message.change, 4);
        auto notThere = m_db->removeReaction(m_room, sent.id, m_bob, QStringLiteral("👍"));
        QVERIFY(!notThere->changed);
        QCOMPARE(lastChangeOf(m_room), 4);
    }

    void aMessageHoldsAtMostTheLimitOfDifferentEmoji()
    {
        const Message sent = send(m_room, m_alice, QStringLiteral("react"));
        for (const QString& emoji : { QStringLiteral("1️⃣"), QStringLiteral("2️⃣"), QStringLiteral("3️⃣") })
            QCOMPARE(react(sent, m_alice, emoji).refusal, ActionRefusal::None);
        QCOMPARE(react(sent, m_bob, QStringLiteral("4️⃣")).refusal, ActionRefusal::LimitReached);
        QCOMPARE(react(sent, m_bob, QStringLiteral("2️⃣")).refusal, ActionRefusal::None); // not a new emoji
        QCOMPARE(lastChangeOf(m_room), 4);
    }

    void changesArePagedInChangeOrderEachMessageOnceAsItIsNow()
    {
        QList<Message> sent;
        for (int i = 0; i < 5; ++i)
            sent.append(send(m_room, m_alice, QStringLiteral("m%1").arg(i)));
        edit(sent.at(0), m_alice, QStringLiteral("m0 edited")); // 1
        react(sent.at(3), m_bob, QStringLiteral("👍")); // 2
        edit(sent.at(0), m_alice, QStringLiteral("m0 again")); // 3
        QVERIFY(m_db->deleteMessage(m_room, sent.at(1).id, m_alice)->changed); // 4
        react(sent.at(4), m_bob, QStringLiteral("👀")); // 5

        auto first = m_db->changesSince(m_room, 0, 2);
        QVERIFY(first.ok());
        QCOMPARE(first->lastChange, 5);
        QVERIFY(first->hasMore);
        QCOMPARE(first->messages.size(), 2);
        QCOMPARE(first->messages.at(0).id, sent.at(3).id);
        QCOMPARE(first->messages.at(1).id, sent.at(0).id);
        QCOMPARE(first->messages.at(1).body, QStringLiteral("m0 again"));
        auto rest = m_db->changesSince(m_room, first->messages.last().change, 2);
        QVERIFY(!rest->hasMore);
        QCOMPARE(rest->messages.size(), 2);
        QVERIFY(rest->messages.at(0).deleted);
        QCOMPARE(rest->messages.at(1).change, 5);
        QVERIFY(m_db->changesSince(m_room, 5, 50)->messages.isEmpty());
        QVERIFY(m_db->changesSince(m_elsewhere, 0, 50)->messages.isEmpty()); // per room
    }

    void historyAroundASeqSplitsThePageAroundIt_data()
    {
        QTest::addColumn<qint64>("around");
        QTest::addColumn<int>("limit");
        QTest::addColumn<qint64>("first");
        QTest::addColumn<qint64>("last");
        QTest::addColumn<bool>("hasMore");
        QTest::addColumn<bool>("hasNewer");
        QTest::newRow("middle") << qint64(10) << 6 << qint64(7) << qint64(12) << true << true;
        QTest::newRow("odd limit") << qint64(10) << 5 << qint64(8) << qint64(12) << true << true;
        QTest::newRow("near the start") << qint64(2) << 6 << qint64(1) << qint64(4) << false << true;
        QTest::newRow("near the end") << qint64(19) << 6 << qint64(16) << qint64(20) << true << false;
        QTest::newRow("one") << qint64(10) << 1 << qint64(10) << qint64(10) << true << true;
        QTest::newRow("everything") << qint64(10) << 40 << qint64(1) << qint64(20) << false << false;
    }

    void historyAroundASeqSplitsThePageAroundIt()
    {
        QFETCH(qint64, around);
        QFETCH(int, limit);
        for (int i = 1; i <= 20; ++i)
            send(m_room, m_alice, QStringLiteral("n%1").arg(i));
        HistoryQuery query;
        query.roomId = m_room;
        query.around = around;
        query.limit = limit;
        auto page = m_db->history(query);
        QVERIFY(page.ok());
        QTEST(page->messages.constFirst().seq, "first");
        QTEST(page->messages.constLast().seq, "last");
        QTEST(page->hasMore, "hasMore");
        QTEST(page->hasNewer, "hasNewer");
        for (qsizetype i = 1; i < page->messages.size(); ++i)
            QCOMPARE(page->messages.at(i).seq, page->messages.at(i - 1).seq + 1);
    }

    void receiptsListMembersWhoReadAnything()
    {
        const Message sent = send(m_room, m_alice, QStringLiteral("read me")); // the sender has read it
        QCOMPARE(m_db->receipts(m_room)->size(), 1);
        bool moved = false;
        QCOMPARE(*m_db->markRead(m_room, m_bob, sent.seq, &moved), sent.seq);
        QVERIFY(moved);
        QCOMPARE(*m_db->markRead(m_room, m_bob, sent.seq, &moved), sent.seq);
        QVERIFY(!moved);
        const QList<ReceiptRecord> receipts = *m_db->receipts(m_room);
        QCOMPARE(receipts.size(), 2);
        for (const ReceiptRecord& receipt : receipts)
            QCOMPARE(receipt.seq, sent.seq);
    }

    void theNotificationLevelIsPersonalAndForgottenOnLeaving()
    {
        QCOMPARE(m_db->membershipsOf(m_bob)->at(0).notifyLevel, QStringLiteral("all"));
        QCOMPARE(*m_db->setNotifyLevel(m_room, m_bob, QStringLiteral("mentions")), true);
        QCOMPARE(m_db->membershipsOf(m_bob)->at(0).notifyLevel, QStringLiteral("mentions"));
        QCOMPARE(m_db->membershipsOf(m_alice)->at(0).notifyLevel, QStringLiteral("all"));
        QCOMPARE(*m_db->setNotifyLevel(m_room, m_carol, QStringLiteral("none")), false);
        QVERIFY(!m_db->setNotifyLevel(m_room, m_bob, QStringLiteral("loud")).ok()); // the schema refuses it
        QVERIFY(m_db->removeMember(m_room, m_bob).ok());
        QVERIFY(m_db->addMember(m_room, m_bob, Now).ok());
        QCOMPARE(m_db->membershipsOf(m_bob)->at(0).notifyLevel, QStringLiteral("all"));
    }

    void aVersion2DatabaseMigratesKeepingEveryRow()
    {
        m_db.reset();
        StoreTestDatabase::reset(config());
        m_db = openDb();
        QCOMPARE(*m_db->migrateTo(2), 2);
        // What the release before message actions wrote: only the version 2 columns.
        QSqlQuery sql(m_db->connection());
        QVERIFY(sql.exec(QStringLiteral("INSERT INTO users (id, username, username_key, password_hash, created_at) "
                                        "VALUES (1, 'alice', 'alice', 'h', 1), (2, 'bob', 'bob', 'h', 1)")));
        QVERIFY(
            sql.exec(QStringLiteral("INSERT INTO rooms (id, kind, name, name_key, created_by, created_at, last_seq) "
                                    "VALUES (1, 'group', 'Team', 'team', 1, 1, 3)")));
        QVERIFY(sql.exec(QStringLiteral("INSERT INTO room_members (room_id, user_id, last_read_seq, joined_at) "
                                        "VALUES (1, 1, 3, 1), (1, 2, 1, 1)")));
        QVERIFY(
            sql.exec(QStringLiteral("INSERT INTO messages (id, room_id, seq, sender_id, body, ts, client_id) VALUES "
                                    "(1, 1, 1, 1, 'héllo 👋', 10, 'a'), (2, 1, 2, 2, '你好 مرحبا', 20, NULL), "
                                    "(3, 1, 3, 1, '@bob x', 30, 'b')")));
        for (const QString table : { QStringLiteral("users"), QStringLiteral("rooms"), QStringLiteral("messages") }) {
            if (const QString reset = m_db->dialect().resetIdentity(table); !reset.isEmpty())
                QVERIFY(sql.exec(reset)); // ids were given above, as a copy would
        }
        QCOMPARE(m_db->schemaVersion(), 2);
        auto migrated = m_db->migrate();
        QVERIFY2(migrated.ok(), migrated.ok() ? "" : qPrintable(migrated.error().message));
        QCOMPARE(*migrated, StoreDb::latestSchemaVersion());
        QCOMPARE(m_db->schemaVersion(), StoreDb::latestSchemaVersion());
        HistoryQuery query;
        query.roomId = 1;
        auto page = m_db->history(query);
        QCOMPARE(page->messages.size(), 3);
        QCOMPARE(page->messages.at(0).body, QStringLiteral("héllo 👋"));
        QCOMPARE(page->messages.at(1).body, QStringLiteral("你好 مرحبا"));
        QCOMPARE(page->messages.at(2).clientId, QStringLiteral("b"));
        for (const Message& message : std::as_const(page->messages)) {
            QVERIFY(!message.deleted && message.change == 0 && message.editedTs == 0 && !message.reply);
            QVERIFY(message.reactions.isEmpty() && message.mentions.isEmpty()); // mentions are not made up afterwards
        }
        const QList<MembershipRecord> bobs = *m_db->membershipsOf(2);
        QCOMPARE(bobs.size(), 1);
        QCOMPARE(bobs.at(0).lastReadSeq, 1);
        QCOMPARE(bobs.at(0).notifyLevel, QStringLiteral("all"));
        QCOMPARE(m_db->allRooms()->at(0).lastChange, 0);
        // The migrated rooms take messages and changes where they left off.
        const Message next = send(1, 2, QStringLiteral("after the upgrade"));
        QCOMPARE(next.seq, 4);
        QCOMPARE(m_db->addReaction(1, 1, 2, QStringLiteral("👍"), MaxEmoji)->message.change, 1);
        QCOMPARE(*m_db->integrityCheck(), QStringList());
    }
};

QTEST_GUILESS_MAIN(StoreActionsTest)
#include "tst_storeactions.moc"
