// A database written by the release before message actions (schema version 2, tests/data/release-v2.sqlite,
// see tests/data/README.md) opens with this server, migrates to the current schema and keeps every message,
// seq, body, member and read marker; its users then sign in and use the new actions on the old messages.
#include "Fixtures.h"
#include "store/StoreDb.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace chat;
using namespace chat::test;
namespace key = protocol::key;
namespace method = protocol::method;

namespace {

const QString Fixture = QStringLiteral(CHAT_SOURCE_DIR "/tests/data/release-v2.sqlite");

// The bodies make-fixture.mjs sent, by client_id.
QHash<QString, QString> fixtureBodies()
{
    const QStringList texts { QStringLiteral("hello everyone 👋"), QStringLiteral("Grüße aus Köln"),
        QStringLiteral("你好，世界"), QStringLiteral("こんにちは"), QStringLiteral("안녕하세요"),
        QStringLiteral("שלום עולם"), QStringLiteral("مرحبا"), QStringLiteral("\ufeffleading BOM stays"),
        QStringLiteral("line one\nline two"), QStringLiteral("emoji 👩‍💻🇩🇪1️⃣"),
        QStringLiteral("@bob can you look?"), QString(3990, QLatin1Char('a')),
        QStringLiteral("quotes \"double\" 'single' \\ back"), QStringLiteral("   spaces around   "),
        QStringLiteral("tab\there") };
    QHash<QString, QString> bodies;
    for (int i = 0; i < 40; ++i)
        bodies.insert(QStringLiteral("fixture-%1").arg(i), texts.at(i % texts.size()) + QStringLiteral(" #%1").arg(i));
    return bodies;
}

// Every row of `sql` as text, on a connection of the test's own.
QStringList rowsOf(const QString& path, const QString& sql)
{
    QStringList rows;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("fixture"));
        db.setDatabaseName(path);
        if (!db.open())
            return rows;
        QSqlQuery query(db);
        if (query.exec(sql)) {
            while (query.next()) {
                QStringList fields;
                for (int i = 0; i < query.record().count(); ++i)
                    fields.append(query.value(i).toString());
                rows.append(fields.join(QLatin1Char('|')));
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("fixture"));
    return rows;
}

const QString Messages
    = QStringLiteral("SELECT id, room_id, seq, sender_id, body, ts, client_id FROM messages ORDER BY id");
const QString Members = QStringLiteral("SELECT room_id, user_id, last_read_seq FROM room_members ORDER BY 1, 2");
const QString Rooms = QStringLiteral("SELECT id, kind, name, last_seq FROM rooms ORDER BY id");
const QString Users = QStringLiteral("SELECT id, username, password_hash FROM users ORDER BY id");

} // namespace

// The migration indexed the old messages: a fragment of each body (its first ten characters after folding)
// finds it in its room.
bool foundBySearch(server::StoreDb& db, qint64 memberId, const Message& message)
{
    const QList<uint> folded = search::fold(message.body).trimmed().toUcs4();
    const QList<uint> fragment = folded.mid(0, 10);
    server::SearchRequest request;
    request.userId = memberId;
    request.roomId = message.roomId;
    request.query = search::parseQuery(
        QString::fromUcs4(reinterpret_cast<const char32_t*>(fragment.constData()), fragment.size()));
    request.limit = search::MaxResults;
    if (request.query.kind == search::Query::Kind::TooShort) // "ok" is stored, but too short to look for
        return true;
    auto page = db.searchMessages(request);
    if (!page)
        return false;
    for (const SearchHit& hit : std::as_const(page->hits)) {
        if (hit.message.id == message.id)
            return !hit.highlights.isEmpty();
    }
    return false;
}

class ReleaseMigrationTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_copy;

private Q_SLOTS:
    void init()
    {
        m_copy = m_dir.filePath(QStringLiteral("release-v2-%1.sqlite").arg(QTest::currentTestFunction()));
        QFile::remove(m_copy);
        QVERIFY2(QFile::copy(Fixture, m_copy), qPrintable(Fixture));
        QFile(m_copy).setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    }

    void theReleaseDatabaseMigratesKeepingEveryRow()
    {
        const QStringList messages = rowsOf(m_copy, Messages);
        const QStringList members = rowsOf(m_copy, Members);
        const QStringList roomRows = rowsOf(m_copy, Rooms);
        const QStringList users = rowsOf(m_copy, Users);
        QCOMPARE(messages.size(), 40);
        QCOMPARE(users.size(), 3);

        server::DatabaseConfig config;
        config.path = m_copy;
        {
            auto db = server::StoreDb::open(config, QStringLiteral("tst-release"));
            QVERIFY(db.ok());
            QCOMPARE((*db)->schemaVersion(), 2);
            auto migrated = (*db)->migrate();
            QVERIFY2(migrated.ok(), migrated.ok() ? "" : qPrintable(migrated.error().message));
            QCOMPARE(*migrated, server::StoreDb::latestSchemaVersion());
            QCOMPARE(*(*db)->integrityCheck(), QStringList());

            // Every message reads back through the store with the body it was sent with.
            const QHash<QString, QString> expected = fixtureBodies();
            int seen = 0;
            const auto rooms = (*db)->allRooms();
            QVERIFY(rooms.ok());
            for (const server::RoomRecord& room : *rooms) {
                server::HistoryQuery query;
                query.roomId = room.id;
                query.limit = 200;
                auto page = (*db)->history(query);
                QVERIFY(page.ok());
                qint64 seq = 0;
                for (const Message& message : std::as_const(page->messages)) {
                    QCOMPARE(message.seq, ++seq); // dense, from 1
                    QCOMPARE(message.body, expected.value(message.clientId));
                    QVERIFY(!message.deleted && message.change == 0 && message.reactions.isEmpty());
                    QVERIFY2(foundBySearch(**db, room.members.constFirst(), message), qPrintable(message.body));
                    ++seen;
                }
                QCOMPARE(room.lastSeq, seq);
                QCOMPARE(room.lastChange, 0);
            }
            QCOMPARE(seen, 40);
        }
        QCOMPARE(rowsOf(m_copy, Messages), messages);
        QCOMPARE(rowsOf(m_copy, Members), members);
        QCOMPARE(rowsOf(m_copy, Rooms), roomRows);
        QCOMPARE(rowsOf(m_copy, Users), users);
    }

    void theReleasesUsersSignInAndActOnTheirOldMessages()
    {
        TestServer server([this](server::ServerConfig& config) { config.database.path = m_copy; });
        QVERIFY2(server.start(), qPrintable(server.lastError()));
        TestClient alice;
        QVERIFY(alice.connectTo(server.url()));
        QVERIFY(alice.login(QStringLiteral("alice"), QStringLiteral("correct horse alice")).ok());
        qint64 general = 0;
        for (const QJsonValue& room : alice.call(method::RoomsList).result.value(key::Rooms).toArray()) {
            QCOMPARE(room.toObject().value(key::LastChange).toInteger(), 0);
            QCOMPARE(room.toObject().value(key::Notify).toString(), QStringLiteral("all"));
            if (room.toObject().value(key::Name).toString() == QLatin1String("general"))
                general = room.toObject().value(key::Id).toInteger();
        }
        const QJsonArray history
            = alice.call(method::MessagesHistory, { { key::RoomId, general } }).result.value(key::Messages).toArray();
        QVERIFY(!history.isEmpty());
        const QJsonObject first = history.first().toObject();
        QCOMPARE(first.value(key::Body).toString(), QStringLiteral("hello everyone 👋 #0"));
        QCOMPARE(first.value(key::SenderId).toInteger(), alice.userId());
        const Reply edited = alice.call(method::MessagesEdit,
            { { key::MessageId, first.value(key::Id) }, { key::Body, QStringLiteral("hello again 👋") } });
        QVERIFY2(edited.ok(), qPrintable(edited.reason()));
        QCOMPARE(edited.result.value(key::MessageObj).toObject().value(key::Change).toInteger(), 1);
        const Reply reacted = alice.call(method::ReactionsAdd,
            { { key::MessageId, history.last().toObject().value(key::Id) }, { key::Emoji, "👍" } });
        QVERIFY(reacted.ok());
        const Reply sent = alice.call(method::MessagesSend,
            { { key::RoomId, general }, { key::Body, QStringLiteral("after the upgrade") }, { key::ClientId, "new-1" },
                { key::ReplyTo, first.value(key::Id) } });
        QVERIFY(sent.ok());
        QCOMPARE(sent.result.value(key::MessageObj).toObject().value(key::Seq).toInteger(),
            history.last().toObject().value(key::Seq).toInteger() + 1);
    }
};

QTEST_GUILESS_MAIN(ReleaseMigrationTest)
#include "tst_releasemigration.moc"
