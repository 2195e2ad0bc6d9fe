#include "ChatSession.h"
#include "LocalCache.h"
#include "MessageModel.h"
#include "Protocol.h"
#include "RoomTimeline.h"

#include <QAbstractItemModelTester>

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace chat;
using namespace chat::client;

namespace {
Message messageAt(qint64 roomId, qint64 seq, const QString& body = {})
{
    return Message { seq * 100 + roomId, roomId, seq, seq % 2 ? 1 : 2,
        body.isEmpty() ? QStringLiteral("message %1").arg(seq) : body, 1700000000000 + seq * 1000,
        QStringLiteral("c%1-%2").arg(roomId).arg(seq) };
}

QList<Message> run(qint64 roomId, qint64 from, qint64 to)
{
    QList<Message> messages;
    for (qint64 seq = from; seq <= to; ++seq)
        messages.append(messageAt(roomId, seq));
    return messages;
}

// Runs `statements` on the SQLite file at `path` behind LocalCache's back, as an older client left it; the failing
// statement, or empty.
QString runSql(const QString& path, std::initializer_list<const char*> statements)
{
    QString failed;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        db.setDatabaseName(path);
        if (!db.open())
            return QStringLiteral("open");
        QSqlQuery query(db);
        for (const char* sql : statements) {
            if (failed.isEmpty() && !query.exec(QString::fromLatin1(sql)))
                failed = QString::fromLatin1(sql);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    return failed;
}

QList<qint64> seqsOf(const QList<Message>& messages)
{
    QList<qint64> seqs;
    for (const Message& message : messages)
        seqs.append(message.seq);
    return seqs;
}
} // namespace

// The local cache on a real SQLite file in a temporary folder: what is written is read back after a reopen.
class LocalCacheTest : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    QString fileNamed(const QString& name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void whatIsWrittenIsReadBackAfterAReopen()
    {
        const QString path = fileNamed(QStringLiteral("roundtrip/cache.sqlite3"));
        const User me { 2, QStringLiteral("alice"), true };
        const QList<User> users { { 1, QStringLiteral("bob"), false }, { 2, QStringLiteral("alice"), false } };
        Room general;
        general.id = 7;
        general.name = QStringLiteral("general");
        general.members = { 1, 2 };
        general.lastSeq = 3;
        general.lastReadSeq = 2;
        general.unread = 1;
        Room direct;
        direct.id = 9;
        direct.kind = Room::Kind::Direct;
        direct.members = { 1, 2 };
        const LocalCache::OutboxEntry unsent { QStringLiteral("client-1"), 7, QStringLiteral("typed offline"), 42 };
        {
            LocalCache cache;
            QVERIFY(cache.open(path));
            cache.saveMe(me);
            cache.saveUsers(users);
            cache.saveRooms({ general, direct });
            cache.saveMessages(run(7, 1, 3));
            cache.saveOutboxEntry(unsent);
        }
        LocalCache cache;
        QVERIFY(cache.open(path));
        QVERIFY(cache.me());
        QCOMPARE(cache.me()->username, QStringLiteral("alice"));
        QCOMPARE(cache.me()->id, 2);
        QCOMPARE(cache.users(), users);
        QCOMPARE(cache.rooms(), (QList<Room> { general, direct }));
        QCOMPARE(cache.latestMessages(7), run(7, 1, 3));
        QVERIFY(cache.latestMessages(9).isEmpty());
        QCOMPARE(cache.outbox(), QList<LocalCache::OutboxEntry> { unsent });
    }

    void editsTombstonesReactionsAndQuotesSurviveARestart()
    {
        const QString path = fileNamed(QStringLiteral("actions/cache.sqlite3"));
        Message editedReply = messageAt(3, 2, QStringLiteral("@bob edited"));
        editedReply.editedTs = editedReply.ts + 5000;
        editedReply.mentions = { 2 };
        editedReply.reply = MessageReply { 301, 1, 1, QStringLiteral("message 1"), false };
        editedReply.reactions
            = { Reaction { QStringLiteral("👍"), { 1, 2 } }, Reaction { QStringLiteral("👩‍💻"), { 2 } } };
        editedReply.change = 4;
        Message tombstone = messageAt(3, 3, QStringLiteral(" "));
        tombstone.body.clear();
        tombstone.deleted = true;
        tombstone.change = 5;
        const QList<Message> messages { messageAt(3, 1), editedReply, tombstone };
        {
            LocalCache cache;
            QVERIFY(cache.open(path));
            cache.saveMessages(messages);
            cache.saveHeldChange(3, 5);
        }
        LocalCache cache;
        QVERIFY(cache.open(path));
        QCOMPARE(cache.latestMessages(3), messages);
        QCOMPARE(cache.heldChange(3).value_or(-1), 5);
        QVERIFY(!cache.heldChange(4)); // never loaded
    }

    void anOlderCopyNeverReplacesANewerOne()
    {
        LocalCache cache;
        QVERIFY(cache.open(fileNamed(QStringLiteral("newer.sqlite3"))));
        Message edited = messageAt(1, 2, QStringLiteral("edited"));
        edited.change = 3;
        cache.saveMessages({ edited });
        cache.saveMessages(run(1, 1, 3)); // a page read before the edit, landing after it
        QCOMPARE(cache.latestMessages(1).at(1).body, QStringLiteral("edited"));
        Message again = messageAt(1, 2, QStringLiteral("edited again"));
        again.change = 4;
        cache.saveMessages({ again });
        QCOMPARE(cache.latestMessages(1).at(1).body, QStringLiteral("edited again"));
    }

    void changesUpdateCachedMessagesAndAddNoOthers()
    {
        LocalCache cache;
        QVERIFY(cache.open(fileNamed(QStringLiteral("changes.sqlite3"))));
        cache.saveMessages(run(1, 10, 12));
        Message kept = messageAt(1, 11, QStringLiteral("changed"));
        kept.change = 2;
        Message older = messageAt(1, 5, QStringLiteral("never loaded"));
        older.change = 1;
        cache.saveChanges({ older, kept });
        QCOMPARE(seqsOf(cache.latestMessages(1)), (QList<qint64> { 10, 11, 12 }));
        QCOMPARE(cache.latestMessages(1).at(1).body, QStringLiteral("changed"));
        Message stale = kept;
        stale.body = QStringLiteral("stale");
        stale.change = 1;
        cache.saveChanges({ stale });
        QCOMPARE(cache.latestMessages(1).at(1).body, QStringLiteral("changed"));
    }

    void leavingARoomForgetsItsHeldChange()
    {
        LocalCache cache;
        QVERIFY(cache.open(fileNamed(QStringLiteral("leave-change.sqlite3"))));
        Room kept;
        kept.id = 1;
        Room left;
        left.id = 2;
        cache.saveRooms({ kept, left });
        cache.saveHeldChange(1, 7);
        cache.saveHeldChange(2, 9);
        cache.saveRooms({ kept });
        QCOMPARE(cache.heldChange(1).value_or(-1), 7);
        QVERIFY(!cache.heldChange(2));
    }

    void anUnsentReplyKeepsWhatItAnswers()
    {
        LocalCache cache;
        QVERIFY(cache.open(fileNamed(QStringLiteral("outbox-reply.sqlite3"))));
        const LocalCache::OutboxEntry reply { QStringLiteral("r"), 1, QStringLiteral("yes"), 5, 1234 };
        cache.saveOutboxEntry(reply);
        QCOMPARE(cache.outbox(), QList<LocalCache::OutboxEntry> { reply });
    }

    void aVersion1CacheKeepsItsOutboxAndReloadsItsMessages()
    {
        const QString path = fileNamed(QStringLiteral("version1.sqlite3"));
        const QString failed = runSql(path,
            { "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
                "INSERT INTO meta VALUES ('schema_version', '1')",
                "INSERT INTO meta VALUES ('me', '{\"id\":2,\"username\":\"alice\",\"online\":false}')",
                "CREATE TABLE users (id INTEGER PRIMARY KEY, username TEXT NOT NULL)",
                "INSERT INTO users VALUES (2, 'alice')",
                "CREATE TABLE rooms (id INTEGER PRIMARY KEY, json TEXT NOT NULL)",
                "INSERT INTO rooms VALUES (7, '{\"id\":7,\"kind\":\"group\",\"name\":\"general\",\"members\":[2],"
                "\"last_seq\":1,\"last_read_seq\":1,\"unread\":0}')",
                "CREATE TABLE messages (room_id INTEGER NOT NULL, seq INTEGER NOT NULL, id INTEGER NOT NULL, "
                "sender_id INTEGER NOT NULL, body TEXT NOT NULL, ts INTEGER NOT NULL, client_id TEXT NOT NULL, "
                "PRIMARY KEY (room_id, seq)) WITHOUT ROWID",
                "INSERT INTO messages VALUES (7, 1, 70, 2, 'old', 1700000000000, 'c1')",
                "CREATE TABLE outbox (client_id TEXT PRIMARY KEY, room_id INTEGER NOT NULL, body TEXT NOT NULL, "
                "queued_at INTEGER NOT NULL)",
                "INSERT INTO outbox VALUES ('typed-offline', 7, 'still here', 42)" });
        QVERIFY2(failed.isEmpty(), qPrintable(failed));

        LocalCache cache;
        QVERIFY(cache.open(path));
        QCOMPARE(cache.me().value_or(User {}).username, QStringLiteral("alice"));
        QCOMPARE(cache.rooms().size(), 1);
        const LocalCache::OutboxEntry kept { QStringLiteral("typed-offline"), 7, QStringLiteral("still here"), 42, 0 };
        QCOMPARE(cache.outbox(), QList<LocalCache::OutboxEntry> { kept });
        QVERIFY(cache.latestMessages(7).isEmpty()); // loaded again, with their edits and reactions
        QVERIFY(!cache.heldChange(7));
        cache.saveMessages(run(7, 1, 2));
        QCOMPARE(cache.latestMessages(7), run(7, 1, 2));
    }

    void attachmentsAndTheirThumbnailsAreKeptWithTheirMessages()
    {
        const QString path = fileNamed(QStringLiteral("attachments.sqlite3"));
        Message withFiles = messageAt(7, 1, QStringLiteral("the plan"));
        Attachment image;
        image.id = QStringLiteral("0a1b2c3d4e5f60718293a4b5c6d7e8f9");
        image.name = QStringLiteral("plan.png");
        image.size = 183201;
        image.type = QStringLiteral("image/png");
        image.sha256 = QString(64, QLatin1Char('a'));
        image.width = 1280;
        image.height = 800;
        image.thumbnail = Thumbnail { QStringLiteral("image/jpeg"), 320, 200, QByteArray("\xff\xd8 jpeg bytes") };
        Attachment log;
        log.id = QStringLiteral("9f3c0e1a5b7d4c2e8f6a1b3c5d7e9f01");
        log.name = QStringLiteral("build.log");
        log.size = 48213;
        log.type = QStringLiteral("text/plain");
        log.sha256 = QString(64, QLatin1Char('b'));
        withFiles.attachments = { image, log };
        const LocalCache::OutboxEntry caption { QStringLiteral("files-1"), 7, QStringLiteral("see both"), 43, 0,
            { image.id, log.id } };
        {
            LocalCache cache;
            QVERIFY(cache.open(path));
            cache.saveMessages({ withFiles });
            cache.saveOutboxEntry(caption);
        }
        LocalCache cache;
        QVERIFY(cache.open(path));
        QCOMPARE(cache.latestMessages(7), QList<Message> { withFiles });
        QCOMPARE(cache.outbox(), QList<LocalCache::OutboxEntry> { caption });
    }

    void aVersion2CacheReloadsItsMessagesForTheirAttachments()
    {
        const QString path = fileNamed(QStringLiteral("version2.sqlite3"));
        {
            LocalCache cache;
            QVERIFY(cache.open(path));
            cache.saveMessages(run(7, 1, 2));
            cache.saveOutboxEntry({ QStringLiteral("typed-offline"), 7, QStringLiteral("still here"), 42, 0 });
        }
        // What a client before attachments left: version 2, an outbox without the attachments column.
        const QString failed = runSql(path,
            { "UPDATE meta SET value = '2' WHERE key = 'schema_version'",
                "ALTER TABLE outbox DROP COLUMN attachments" });
        QVERIFY2(failed.isEmpty(), qPrintable(failed));

        LocalCache cache;
        QVERIFY(cache.open(path));
        QVERIFY(cache.latestMessages(7).isEmpty()); // loaded again, with their attachments
        const LocalCache::OutboxEntry kept { QStringLiteral("typed-offline"), 7, QStringLiteral("still here"), 42, 0 };
        QCOMPARE(cache.outbox(), QList<LocalCache::OutboxEntry> { kept });
    }

    void aRestartOfflineShowsTheCachedChangesAndKeepsTheirHeldChange()
    {
        QStandardPaths::setTestModeEnabled(true);
        const QUrl server(QStringLiteral("ws://127.0.0.1:1")); // nothing listens: the session stays offline
        const QString path = LocalCache::fileFor(server, QStringLiteral("alice"));
        Room general;
        general.id = 7;
        general.name = QStringLiteral("general");
        general.members = { 1, 2 };
        general.lastSeq = 3;
        general.lastReadSeq = 3;
        general.lastChange = 6;
        general.notify = QString(protocol::notify::Mentions);
        QList<Message> messages = run(7, 1, 3);
        messages[0].editedTs = messages[0].ts + 1000;
        messages[0].body = QStringLiteral("edited");
        messages[0].change = 4;
        messages[1].body.clear();
        messages[1].deleted = true;
        messages[1].change = 5;
        messages[2].reactions = { Reaction { QStringLiteral("🎉"), { 2 } } };
        messages[2].reply = MessageReply { messages[1].id, 2, messages[1].senderId, QString(), true };
        messages[2].change = 6;
        {
            LocalCache cache;
            QVERIFY(cache.open(path));
            cache.saveMe(User { 2, QStringLiteral("alice"), false });
            cache.saveUsers({ User { 1, QStringLiteral("bob"), false }, User { 2, QStringLiteral("alice"), false } });
            cache.saveRooms({ general });
            cache.saveMessages(messages);
            cache.saveHeldChange(7, 5); // change 6 was saved, but not yet counted as caught up with
        }
        ChatConnection connection;
        ChatSession session(&connection);
        QVERIFY(session.showCached(server, QStringLiteral("alice")));
        QCOMPARE(session.notifyLevel(7), QStringLiteral("mentions"));
        MessageModel* model = session.messages(7);
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model->rowCount(), 3);
        QCOMPARE(model->index(0).data(MessageModel::BodyRole).toString(), QStringLiteral("edited"));
        QVERIFY(model->index(0).data(MessageModel::EditedRole).toBool());
        QVERIFY(model->index(1).data(MessageModel::DeletedRole).toBool());
        QCOMPARE(model->index(2).data(MessageModel::ReactionsRole).toList().size(), 1);
        QVERIFY(model->index(2).data(MessageModel::ReplyRole).toMap().value(QStringLiteral("deleted")).toBool());
        QCOMPARE(session.timeline(7)->heldChange(), 5); // the catch-up, once online, asks since 5
        session.reset();
        QFile::remove(path);
    }

    void anAcknowledgedSendLeavesTheOutbox()
    {
        LocalCache cache;
        QVERIFY(cache.open(fileNamed(QStringLiteral("outbox.sqlite3"))));
        cache.saveOutboxEntry({ QStringLiteral("a"), 1, QStringLiteral("first"), 1 });
        cache.saveOutboxEntry({ QStringLiteral("b"), 1, QStringLiteral("second"), 2 });
        cache.saveOutboxEntry({ QStringLiteral("a"), 1, QStringLiteral("first"), 1 }); // restored and queued again
        QCOMPARE(cache.outbox().size(), 2);
        cache.removeOutboxEntry(QStringLiteral("a"));
        QCOMPARE(cache.outbox().size(), 1);
        QCOMPARE(cache.outbox().first().body, QStringLiteral("second"));
    }

    void eachRoomKeepsItsNewestMessagesOnly()
    {
        LocalCache cache;
        QVERIFY(cache.open(fileNamed(QStringLiteral("trim.sqlite3"))));
        cache.saveMessages(run(1, 1, 250));
        cache.saveMessages(run(2, 1, 10));
        cache.saveMessages({ messageAt(1, 251) });
        const QList<Message> kept = cache.latestMessages(1, 1000);
        QCOMPARE(kept.size(), LocalCache::MessagesPerRoom);
        QCOMPARE(kept.first().seq, 251 - LocalCache::MessagesPerRoom + 1);
        QCOMPARE(kept.last().seq, 251);
        QCOMPARE(cache.latestMessages(2).size(), 10);
        QCOMPARE(seqsOf(cache.latestMessages(1, 3)), (QList<qint64> { 249, 250, 251 }));
    }

    void aLiveMessageAfterAHoleShowsAloneUntilTheGapIsFilled()
    {
        LocalCache cache;
        QVERIFY(cache.open(fileNamed(QStringLiteral("hole.sqlite3"))));
        cache.saveMessages(run(1, 1, 50));
        cache.saveMessages({ messageAt(1, 75) }); // arrived while the room was closed
        QCOMPARE(seqsOf(cache.latestMessages(1)), QList<qint64> { 75 });
        cache.saveMessages(run(1, 51, 74)); // the gap, filled from the server
        QCOMPARE(cache.latestMessages(1).size(), 75);
    }

    void savingTheSameMessageTwiceKeepsOne()
    {
        LocalCache cache;
        QVERIFY(cache.open(fileNamed(QStringLiteral("twice.sqlite3"))));
        cache.saveMessages(run(1, 1, 5));
        cache.saveMessages(run(1, 3, 6)); // the acknowledgement and message.new of the same send, a gap fill
        QCOMPARE(cache.latestMessages(1), run(1, 1, 6));
    }

    void leavingARoomForgetsItsMessages()
    {
        LocalCache cache;
        QVERIFY(cache.open(fileNamed(QStringLiteral("leave.sqlite3"))));
        Room kept;
        kept.id = 1;
        Room left;
        left.id = 2;
        cache.saveRooms({ kept, left });
        cache.saveMessages(run(1, 1, 3) + run(2, 1, 3));
        cache.saveRooms({ kept });
        QCOMPARE(cache.latestMessages(1).size(), 3);
        QVERIFY(cache.latestMessages(2).isEmpty());
    }

    void discardDeletesTheFile()
    {
        const QString path = fileNamed(QStringLiteral("discard.sqlite3"));
        LocalCache cache;
        QVERIFY(cache.open(path));
        cache.saveMessages(run(1, 1, 3));
        QVERIFY(QFile::exists(path));
        cache.discard();
        QVERIFY(!cache.isOpen());
        QVERIFY(!QFile::exists(path));
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
        cache.saveMessages(run(1, 4, 5)); // closed: a no-op, not a crash or a new file
        QVERIFY(!QFile::exists(path));
    }

    void aFileThatIsNotADatabaseIsReplacedByAnEmptyCache()
    {
        const QString path = fileNamed(QStringLiteral("garbage.sqlite3"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'x'));
        file.close();
        LocalCache cache;
        QVERIFY(cache.open(path));
        QVERIFY(!cache.me());
        QVERIFY(cache.users().isEmpty());
        cache.saveMessages(run(1, 1, 2));
        QCOMPARE(cache.latestMessages(1).size(), 2);
    }

    void aFolderThatCannotBeWrittenLeavesTheCacheClosedAndHarmless()
    {
        const QString blocker = fileNamed(QStringLiteral("not-a-folder"));
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        LocalCache cache;
        QVERIFY(!cache.open(blocker + QStringLiteral("/cache.sqlite3")));
        QVERIFY(!cache.isOpen());
        cache.saveMessages(run(1, 1, 2));
        cache.saveOutboxEntry({ QStringLiteral("a"), 1, QStringLiteral("body"), 1 });
        QVERIFY(cache.latestMessages(1).isEmpty());
        QVERIFY(cache.outbox().isEmpty());
    }

    void twoCachesOpenAtOnceStayApart()
    {
        LocalCache first;
        LocalCache second;
        QVERIFY(first.open(fileNamed(QStringLiteral("first.sqlite3"))));
        QVERIFY(second.open(fileNamed(QStringLiteral("second.sqlite3"))));
        first.saveMessages(run(1, 1, 2));
        QCOMPARE(first.latestMessages(1).size(), 2);
        QVERIFY(second.latestMessages(1).isEmpty());
    }

    void oneFilePerServerAndUser()
    {
        QStandardPaths::setTestModeEnabled(true);
        const QString alice
            = LocalCache::fileFor(QUrl(QStringLiteral("ws://chat.example.org:7447")), QStringLiteral("alice"));
        QVERIFY(alice.startsWith(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)));
        QVERIFY(alice.endsWith(QStringLiteral(".sqlite3")));
        QVERIFY(
            alice != LocalCache::fileFor(QUrl(QStringLiteral("ws://chat.example.org:7447")), QStringLiteral("bob")));
        QVERIFY(
            alice != LocalCache::fileFor(QUrl(QStringLiteral("ws://chat.example.org:7448")), QStringLiteral("alice")));
        QVERIFY(
            alice != LocalCache::fileFor(QUrl(QStringLiteral("ws://other.example.org:7447")), QStringLiteral("alice")));
        QVERIFY(!LocalCache::fileFor(QUrl(QStringLiteral("ws://h:1")), QStringLiteral("../../etc"))
                     .contains(QStringLiteral("/../")));
    }
};

QTEST_GUILESS_MAIN(LocalCacheTest)
#include "tst_local_cache.moc"
