#include "StoreTestDatabase.h"
#include "store/StoreDb.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QSemaphore>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>
#include <vector>

using namespace chat;
using namespace chat::server;

namespace {
constexpr qint64 Now = 1700000000000;

} // namespace

class StoreDbTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<StoreDb> m_db;

    DatabaseConfig config() const { return StoreTestDatabase::config(m_dir.filePath(QStringLiteral("chat.sqlite3"))); }

    std::unique_ptr<StoreDb> openDb()
    {
        auto db = StoreDb::open(config(), QStringLiteral("tst-storedb"));
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

    qint64 groupWithMessages(int count, qint64 sender)
    {
        auto room = m_db->createGroupRoom(QStringLiteral("room-%1").arg(count), sender, Now);
        if (!room)
            qFatal("cannot create a room: %s", qPrintable(room.error().message));
        for (int i = 1; i <= count; ++i)
            m_db->appendMessage(
                room->id, sender, QStringLiteral("message %1").arg(i), QStringLiteral("c%1").arg(i), Now + i);
        return room->id;
    }

    void resetDatabase() { StoreTestDatabase::reset(config()); }

private Q_SLOTS:
    void init()
    {
        resetDatabase();
        m_db = openDb();
        auto migrated = m_db->migrate();
        QVERIFY2(migrated.ok(), migrated.ok() ? "" : qPrintable(migrated.error().message));
    }

    void cleanup() { m_db.reset(); }

    void aNewDatabaseStartsAtVersionZero()
    {
        m_db.reset();
        resetDatabase();
        auto fresh = openDb();
        QCOMPARE(fresh->schemaVersion(), 0);
        auto migrated = fresh->migrate();
        QVERIFY(migrated.ok());
        QCOMPARE(*migrated, StoreDb::latestSchemaVersion());
        QCOMPARE(fresh->schemaVersion(), StoreDb::latestSchemaVersion());
    }

    void nodesMigratingAtOnceAllSucceedAndApplyTheSchemaOnce()
    {
        m_db.reset();
        resetDatabase();
        constexpr int Nodes = 6;
        QSemaphore opened;
        QSemaphore go;
        std::vector<StoreDb::Result<int>> results(Nodes, StoreError::failure(QStringLiteral("did not run")));
        std::vector<std::unique_ptr<QThread>> nodes;
        for (int i = 0; i < Nodes; ++i) {
            nodes.emplace_back(QThread::create([this, i, &opened, &go, &results] {
                auto db = StoreDb::open(config(), QStringLiteral("tst-migrate-%1").arg(i));
                opened.release();
                go.acquire(); // every connection is open: they all start migrating together
                results[i] = db ? (*db)->migrate() : StoreDb::Result<int>(db.error());
            }));
            nodes.back()->start();
        }
        opened.acquire(Nodes);
        go.release(Nodes);
        for (auto& node : nodes)
            QVERIFY(node->wait(QDeadlineTimer(60000)));
        for (const auto& result : std::as_const(results)) {
            QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().message));
            QCOMPARE(*result, StoreDb::latestSchemaVersion());
        }
        m_db = openDb();
        QSqlQuery applied(m_db->connection());
        QVERIFY(applied.exec(QStringLiteral("SELECT COUNT(*), COUNT(DISTINCT version) FROM schema_version")));
        QVERIFY(applied.next());
        QCOMPARE(applied.value(0).toInt(), StoreDb::latestSchemaVersion()); // one row per step: each ran once
        QCOMPARE(applied.value(1).toInt(), StoreDb::latestSchemaVersion());
        QCOMPARE(*m_db->integrityCheck(), QStringList());
    }

    void migratingTwiceChangesNothing()
    {
        const qint64 alice = user(QStringLiteral("alice"));
        auto again = m_db->migrate();
        QVERIFY(again.ok());
        QCOMPARE(*again, StoreDb::latestSchemaVersion());
        auto found = m_db->userById(alice);
        QVERIFY(found.ok() && found->has_value());
        QCOMPARE((*found)->username, QStringLiteral("alice"));
    }

    void aHealthyDatabasePassesTheIntegrityCheck()
    {
        groupWithMessages(3, user(QStringLiteral("alice")));
        auto problems = m_db->integrityCheck();
        QVERIFY(problems.ok());
        QCOMPARE(*problems, QStringList());
    }

    void usernamesAreUniqueCaseInsensitively_data()
    {
        QTest::addColumn<QString>("first");
        QTest::addColumn<QString>("second");
        QTest::addColumn<bool>("conflict");
        QTest::newRow("same") << "alice"
                              << "alice" << true;
        QTest::newRow("upper case") << "alice"
                                    << "ALICE" << true;
        QTest::newRow("mixed case") << "Alice"
                                    << "aLiCe" << true;
        // Usernames are ASCII (checkUsername), so only ASCII letters fold: nothing else can reach an account.
        QTest::newRow("accented, not folded") << QStringLiteral("Émile") << QStringLiteral("émile") << false;
        QTest::newRow("KELVIN SIGN, not folded") << QStringLiteral("kelvin") << QStringLiteral("\u212Aelvin") << false;
        QTest::newRow("different") << "alice"
                                   << "alicia" << false;
    }

    void usernamesAreUniqueCaseInsensitively()
    {
        QFETCH(QString, first);
        QFETCH(QString, second);
        QFETCH(bool, conflict);
        QVERIFY(m_db->createUser(first, QStringLiteral("h1"), Now).ok());
        auto again = m_db->createUser(second, QStringLiteral("h2"), Now);
        QCOMPARE(!again.ok(), conflict);
        if (conflict)
            QCOMPARE(again.error().kind, StoreError::Kind::Conflict);
    }

    void usersAreFoundByNameWhateverTheCase()
    {
        const qint64 id = user(QStringLiteral("Alice"));
        auto found = m_db->userByName(QStringLiteral("ALICE"));
        QVERIFY(found.ok() && found->has_value());
        QCOMPARE((*found)->id, id);
        QCOMPARE((*found)->username, QStringLiteral("Alice")); // the spelling the user chose
        QCOMPARE((*found)->createdAt, Now);
        QVERIFY(!(*found)->disabled);
        auto missing = m_db->userByName(QStringLiteral("bob"));
        QVERIFY(missing.ok() && !missing->has_value());
    }

    void passwordAndDisabledFlagCanChange()
    {
        const qint64 id = user(QStringLiteral("alice"));
        QVERIFY(m_db->setPasswordHash(id, QStringLiteral("new-hash")).ok());
        QVERIFY(m_db->setDisabled(id, true).ok());
        auto found = m_db->userById(id);
        QCOMPARE((*found)->passwordHash, QStringLiteral("new-hash"));
        QVERIFY((*found)->disabled);
        QCOMPARE(m_db->setDisabled(9999, true).error().kind, StoreError::Kind::NotFound);
        QCOMPARE(m_db->setPasswordHash(9999, QStringLiteral("x")).error().kind, StoreError::Kind::NotFound);
    }

    void allUsersAreListedById()
    {
        const qint64 b = user(QStringLiteral("bob"));
        const qint64 a = user(QStringLiteral("alice"));
        auto users = m_db->allUsers();
        QVERIFY(users.ok());
        QCOMPARE(users->size(), 2);
        QCOMPARE(users->at(0).id, b);
        QCOMPARE(users->at(1).id, a);
    }

    void sessionsAreFoundByTokenHashUntilDeleted()
    {
        const qint64 id = user(QStringLiteral("alice"));
        const QByteArray hash = QByteArray::fromHex("00ff10aa");
        QVERIFY(m_db->createSession({ hash, id, Now, Now + 1000 }).ok());
        auto found = m_db->sessionByTokenHash(hash);
        QVERIFY(found.ok() && found->has_value());
        QCOMPARE((*found)->userId, id);
        QCOMPARE((*found)->tokenHash, hash);
        QCOMPARE((*found)->expiresAt, Now + 1000);

        QVERIFY(*m_db->extendSession(hash, Now + 5000));
        QCOMPARE((*m_db->sessionByTokenHash(hash))->expiresAt, Now + 5000);
        QVERIFY(*m_db->deleteSession(hash));
        QVERIFY(!m_db->sessionByTokenHash(hash)->has_value());
        QVERIFY(!*m_db->deleteSession(hash));
    }

    void expiredSessionsAndAUsersSessionsCanBeDeleted()
    {
        const qint64 alice = user(QStringLiteral("alice"));
        const qint64 bob = user(QStringLiteral("bob"));
        m_db->createSession({ "a1", alice, Now, Now + 10 });
        m_db->createSession({ "a2", alice, Now, Now + 100 });
        m_db->createSession({ "b1", bob, Now, Now + 10 });
        QCOMPARE(*m_db->deleteExpiredSessions(Now + 10), 2);
        QVERIFY(m_db->sessionByTokenHash("a2")->has_value());
        QVERIFY(*m_db->deleteSessionsOfUser(alice));
        QVERIFY(!m_db->sessionByTokenHash("a2")->has_value());
    }

    void theDirectRoomIsTheSameFromEitherSide()
    {
        const qint64 alice = user(QStringLiteral("alice"));
        const qint64 bob = user(QStringLiteral("bob"));
        auto first = m_db->directRoom(alice, bob, Now);
        QVERIFY2(first.ok(), first.ok() ? "" : qPrintable(first.error().message));
        auto second = m_db->directRoom(bob, alice, Now + 1);
        QVERIFY(second.ok());
        QCOMPARE(second->id, first->id);
        QCOMPARE(first->kind, Room::Kind::Direct);
        QCOMPARE(second->members, (QList<qint64> { alice, bob }));
        auto rooms = m_db->allRooms();
        QCOMPARE(rooms->size(), 1);
    }

    void aDirectRoomWithOneselfHasOneMember()
    {
        const qint64 alice = user(QStringLiteral("alice"));
        auto notes = m_db->directRoom(alice, alice, Now);
        QVERIFY(notes.ok());
        QCOMPARE(notes->members, QList<qint64> { alice });
        QCOMPARE(m_db->directRoom(alice, alice, Now)->id, notes->id);
    }

    void aDirectRoomWithAnUnknownUserIsNotFound()
    {
        const qint64 alice = user(QStringLiteral("alice"));
        QCOMPARE(m_db->directRoom(alice, 4242, Now).error().kind, StoreError::Kind::NotFound);
        QCOMPARE(m_db->allRooms()->size(), 0);
    }

    void groupRoomNamesAreUniqueCaseInsensitively()
    {
        const qint64 alice = user(QStringLiteral("alice"));
        auto room = m_db->createGroupRoom(QStringLiteral("General"), alice, Now);
        QVERIFY(room.ok());
        QCOMPARE(room->kind, Room::Kind::Group);
        QCOMPARE(room->members, QList<qint64> { alice });
        QCOMPARE(m_db->createGroupRoom(QStringLiteral("GENERAL"), alice, Now).error().kind, StoreError::Kind::Conflict);
        auto found = m_db->groupRoomByName(QStringLiteral("general"));
        QVERIFY(found.ok() && found->has_value());
        QCOMPARE((*found)->id, room->id);
        QCOMPARE((*found)->name, QStringLiteral("General"));
        QVERIFY(!m_db->groupRoomByName(QStringLiteral("random"))->has_value());
    }

    void membersJoinOnceAndLeave()
    {
        const qint64 alice = user(QStringLiteral("alice"));
        const qint64 bob = user(QStringLiteral("bob"));
        const qint64 roomId = m_db->createGroupRoom(QStringLiteral("general"), alice, Now)->id;
        QVERIFY(m_db->addMember(roomId, bob, Now).ok());
        QVERIFY(m_db->addMember(roomId, bob, Now).ok());
        QCOMPARE((*m_db->groupRoomByName(QStringLiteral("general")))->members, (QList<qint64> { alice, bob }));
        QCOMPARE(m_db->membershipsOf(bob)->size(), 1);
        QCOMPARE(m_db->membershipsOf(bob)->first().roomId, roomId);

        QVERIFY(*m_db->removeMember(roomId, bob));
        QCOMPARE(m_db->membershipsOf(bob)->size(), 0);
        QCOMPARE(m_db->allRooms()->first().members, QList<qint64> { alice });
    }

    void joiningAnUnknownRoomIsNotFound()
    {
        const qint64 alice = user(QStringLiteral("alice"));
        QCOMPARE(m_db->addMember(777, alice, Now).error().kind, StoreError::Kind::NotFound);
    }

    void aNewcomerStartsWithTheRoomRead()
    {
        const qint64 alice = user(QStringLiteral("alice"));
        const qint64 bob = user(QStringLiteral("bob"));
        const qint64 roomId = groupWithMessages(3, alice);
        m_db->addMember(roomId, bob, Now);
        QCOMPARE(m_db->membershipsOf(bob)->first().lastReadSeq, 3);
    }

    void seqIsDenseAndIncreasingPerRoom()
    {
        const qint64 alice = user(QStringLiteral("alice"));
        const qint64 bob = user(QStringLiteral("bob"));
        const qint64 one = m_db->createGroupRoom(QStringLiteral("one"), alice, Now)->id;
        const qint64 two = m_db->directRoom(alice, bob, Now)->id;
        QList<qint64> seqsOne, seqsTwo;
        for (int i = 0; i < 5; ++i) {
            seqsOne.append(
                m_db->appendMessage(one, alice, QStringLiteral("x"), QStringLiteral("o%1").arg(i), Now)->message.seq);
            seqsTwo.append(
                m_db->appendMessage(two, bob, QStringLiteral("y"), QStringLiteral("t%1").arg(i), Now)->message.seq);
        }
        QCOMPARE(seqsOne, (QList<qint64> { 1, 2, 3, 4, 5 }));
        QCOMPARE(seqsTwo, (QList<qint64> { 1, 2, 3, 4, 5 }));
        const auto rooms = m_db->allRooms();
        for (const RoomRecord& room : *rooms)
            QCOMPARE(room.lastSeq, 5);
    }

    void anAppendedMessageIsStoredAsSent()
    {
        const qint64 alice = user(QStringLiteral("alice"));
        const qint64 roomId = m_db->createGroupRoom(QStringLiteral("general"), alice, Now)->id;
        auto sent = m_db->appendMessage(roomId, alice, QStringLiteral("héllo\nworld"), QStringLiteral("c-1"), Now + 5);
        QVERIFY(sent.ok());
        QVERIFY(!sent->duplicate);
        QVERIFY(sent->message.id > 0);
        auto page = m_db->history({ roomId, 0, -1, 50 });
        QCOMPARE(page->messages.size(), 1);
        QCOMPARE(page->messages.first(), sent->message);
        QCOMPARE(page->messages.first().body, QStringLiteral("héllo\nworld"));
        QCOMPARE(page->messages.first().ts, Now + 5);
        QCOMPARE(page->messages.first().clientId, QStringLiteral("c-1"));
    }

    void sendingTheSameClientIdTwiceStoresOneMessage()
    {
        const qint64 alice = user(QStringLiteral("alice"));
        const qint64 roomId = m_db->createGroupRoom(QStringLiteral("general"), alice, Now)->id;
        auto first = m_db->appendMessage(roomId, alice, QStringLiteral("hi"), QStringLiteral("same"), Now);
        auto second = m_db->appendMessage(roomId, alice, QStringLiteral("hi"), QStringLiteral("same"), Now + 1000);
        QVERIFY(first.ok() && second.ok());
        QVERIFY(!first->duplicate);
        QVERIFY(second->duplicate);
        QCOMPARE(second->message, first->message);
        QCOMPARE(m_db->allRooms()->first().lastSeq, 1);
        QCOMPARE(
            m_db->appendMessage(roomId, alice, QStringLiteral("next"), QStringLiteral("other"), Now)->message.seq, 2);
    }

    void theSameClientIdFromAnotherSenderIsANewMessage()
    {
        const qint64 alice = user(QStringLiteral("alice"));
        const qint64 bob = user(QStringLiteral("bob"));
        const qint64 roomId = m_db->directRoom(alice, bob, Now)->id;
        QVERIFY(!m_db->appendMessage(roomId, alice, QStringLiteral("a"), QStringLiteral("c"), Now)->duplicate);
        QVERIFY(!m_db->appendMessage(roomId, bob, QStringLiteral("b"), QStringLiteral("c"), Now)->duplicate);
    }

    void appendingToAnUnknownRoomIsNotFound()
    {
        const qint64 alice = user(QStringLiteral("alice"));
        QCOMPARE(m_db->appendMessage(31337, alice, QStringLiteral("x"), QStringLiteral("c"), Now).error().kind,
            StoreError::Kind::NotFound);
    }

    void sendingMarksTheSendersOwnMessageRead()
    {
        const qint64 alice = user(QStringLiteral("alice"));
        const qint64 bob = user(QStringLiteral("bob"));
        const qint64 roomId = m_db->directRoom(alice, bob, Now)->id;
        m_db->appendMessage(roomId, alice, QStringLiteral("a"), QStringLiteral("1"), Now);
        m_db->appendMessage(roomId, alice, QStringLiteral("b"), QStringLiteral("2"), Now);
        QCOMPARE(m_db->membershipsOf(alice)->first().lastReadSeq, 2);
        QCOMPARE(m_db->membershipsOf(bob)->first().lastReadSeq, 0);
    }

    void historyPages_data()
    {
        QTest::addColumn<qint64>("before");
        QTest::addColumn<qint64>("after");
        QTest::addColumn<int>("limit");
        QTest::addColumn<qint64>("firstSeq");
        QTest::addColumn<qint64>("lastSeq");
        QTest::addColumn<bool>("hasMore");
        // The room holds seq 1..10.
        QTest::newRow("newest page") << qint64(0) << qint64(-1) << 3 << qint64(8) << qint64(10) << true;
        QTest::newRow("newest, everything") << qint64(0) << qint64(-1) << 10 << qint64(1) << qint64(10) << false;
        QTest::newRow("newest, more than exists") << qint64(0) << qint64(-1) << 50 << qint64(1) << qint64(10) << false;
        QTest::newRow("before, older page") << qint64(8) << qint64(-1) << 3 << qint64(5) << qint64(7) << true;
        QTest::newRow("before, reaching the start") << qint64(4) << qint64(-1) << 3 << qint64(1) << qint64(3) << false;
        QTest::newRow("before, short last page") << qint64(3) << qint64(-1) << 5 << qint64(1) << qint64(2) << false;
        QTest::newRow("after, gap fill") << qint64(0) << qint64(4) << 3 << qint64(5) << qint64(7) << true;
        QTest::newRow("after, up to the end") << qint64(0) << qint64(7) << 3 << qint64(8) << qint64(10) << false;
        QTest::newRow("after zero, from the start") << qint64(0) << qint64(0) << 2 << qint64(1) << qint64(2) << true;
        QTest::newRow("after the end") << qint64(0) << qint64(10) << 5 << qint64(0) << qint64(0) << false;
        QTest::newRow("before the start") << qint64(1) << qint64(-1) << 5 << qint64(0) << qint64(0) << false;
    }

    void historyPages()
    {
        QFETCH(qint64, before);
        QFETCH(qint64, after);
        QFETCH(int, limit);
        QFETCH(qint64, firstSeq);
        QFETCH(qint64, lastSeq);
        QFETCH(bool, hasMore);
        const qint64 alice = user(QStringLiteral("alice"));
        const qint64 roomId = groupWithMessages(10, alice);
        groupWithMessages(4, alice); // another room's messages never leak in
        auto page = m_db->history({ roomId, before, after, limit });
        QVERIFY(page.ok());
        QCOMPARE(page->hasMore, hasMore);
        QList<qint64> seqs;
        for (const Message& message : page->messages) {
            QCOMPARE(message.roomId, roomId);
            seqs.append(message.seq);
        }
        QList<qint64> expected;
        for (qint64 seq = firstSeq; firstSeq > 0 && seq <= lastSeq; ++seq)
            expected.append(seq);
        QCOMPARE(seqs, expected);
    }

    void markReadNeverMovesBackwardsAndStopsAtTheLastMessage()
    {
        const qint64 alice = user(QStringLiteral("alice"));
        const qint64 bob = user(QStringLiteral("bob"));
        const qint64 roomId = m_db->directRoom(alice, bob, Now)->id;
        for (int i = 0; i < 5; ++i)
            m_db->appendMessage(roomId, alice, QStringLiteral("m"), QString::number(i), Now);
        QCOMPARE(*m_db->markRead(roomId, bob, 3), 3);
        QCOMPARE(*m_db->markRead(roomId, bob, 2), 3);
        QCOMPARE(*m_db->markRead(roomId, bob, 99), 5);
        QCOMPARE(m_db->membershipsOf(bob)->first().lastReadSeq, 5);
        QCOMPARE(m_db->markRead(roomId, 4242, 1).error().kind, StoreError::Kind::NotFound);
    }

    void importedMessagesGetConsecutiveSeqs()
    {
        const qint64 alice = user(QStringLiteral("alice"));
        const qint64 roomId = groupWithMessages(2, alice);
        QVERIFY(m_db->begin().ok());
        auto last = m_db->importMessages(
            roomId, alice, { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c") }, Now);
        QVERIFY(m_db->commit().ok());
        QVERIFY(last.ok());
        QCOMPARE(*last, 5);
        auto page = m_db->history({ roomId, 0, 2, 10 });
        QCOMPARE(page->messages.size(), 3);
        QCOMPARE(page->messages.at(0).body, QStringLiteral("a"));
        QCOMPARE(page->messages.at(2).seq, 5);
        QVERIFY(page->messages.at(0).clientId.isEmpty());
        QCOMPARE(m_db->appendMessage(roomId, alice, QStringLiteral("d"), QStringLiteral("d"), Now)->message.seq, 6);
    }

    void aRolledBackSavepointUndoesOnlyItsOwnChanges()
    {
        QVERIFY(m_db->begin().ok());
        user(QStringLiteral("kept"));
        QVERIFY(m_db->savepoint(QStringLiteral("job")).ok());
        user(QStringLiteral("undone"));
        m_db->rollbackToSavepoint(QStringLiteral("job"));
        QVERIFY(m_db->releaseSavepoint(QStringLiteral("job")).ok());
        QVERIFY(m_db->commit().ok());
        QVERIFY(m_db->userByName(QStringLiteral("kept"))->has_value());
        QVERIFY(!m_db->userByName(QStringLiteral("undone"))->has_value());
    }

    void aRolledBackTransactionLeavesNoTrace()
    {
        QVERIFY(m_db->begin().ok());
        user(QStringLiteral("ghost"));
        m_db->rollback();
        QVERIFY(!m_db->userByName(QStringLiteral("ghost"))->has_value());
    }

    void reopeningTheFileFindsTheData()
    {
        const qint64 alice = user(QStringLiteral("alice"));
        const qint64 roomId = groupWithMessages(3, alice);
        m_db->markRead(roomId, alice, 2);
        m_db.reset();
        QVERIFY(StoreTestDatabase::onPostgres() || QFile::exists(config().path));

        m_db = openDb();
        QCOMPARE(m_db->schemaVersion(), StoreDb::latestSchemaVersion());
        QCOMPARE(*m_db->migrate(), StoreDb::latestSchemaVersion());
        QCOMPARE((*m_db->userByName(QStringLiteral("alice")))->id, alice);
        auto rooms = m_db->allRooms();
        QCOMPARE(rooms->size(), 1);
        QCOMPARE(rooms->first().lastSeq, 3);
        QCOMPARE(m_db->history({ roomId, 0, -1, 50 })->messages.size(), 3);
        QCOMPARE(m_db->membershipsOf(alice)->first().lastReadSeq, 3); // sending marked all three read
    }

    void twoConnectionsToOneFileSeeEachOthersCommits()
    {
        auto other = openDb();
        const qint64 alice = user(QStringLiteral("alice"));
        auto found = other->userById(alice);
        QVERIFY(found.ok() && found->has_value());
    }
};

QTEST_GUILESS_MAIN(StoreDbTest)
#include "tst_storedb.moc"
