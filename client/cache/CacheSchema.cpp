#include "CacheSchema.h"

#include "ClientLogging.h"

#include <QSqlError>
#include <QVariant>

namespace chat::client::cachesql {

namespace {
constexpr int SchemaVersion = 3;
const QString VersionKey = QStringLiteral("schema_version");

int storedVersion(const QSqlDatabase& db)
{
    QSqlQuery version(db);
    version.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    version.addBindValue(VersionKey);
    return exec(version) && version.next() ? version.value(0).toInt() : 0;
}

bool dropAll(const QSqlDatabase& db)
{
    for (const char* table : { "users", "rooms", "messages", "outbox", "room_changes" }) {
        if (!exec(db, QStringLiteral("DROP TABLE IF EXISTS %1").arg(QLatin1String(table))))
            return false;
    }
    return exec(db, QStringLiteral("DELETE FROM meta"));
}

// Version 1 kept messages as columns without edits, reactions or replies: they are loaded again; the unsent
// messages stay, now able to answer one.
bool migrateFrom1(const QSqlDatabase& db)
{
    return exec(db, QStringLiteral("DROP TABLE IF EXISTS messages"))
        && exec(db, QStringLiteral("ALTER TABLE outbox ADD COLUMN reply_to INTEGER NOT NULL DEFAULT 0"));
}

// Version 2 kept messages as clients before attachments read them (without `attachments`): they are loaded again;
// the unsent messages stay, now able to carry files.
bool migrateFrom2(const QSqlDatabase& db)
{
    return exec(db, QStringLiteral("DROP TABLE IF EXISTS messages"))
        && exec(db, QStringLiteral("ALTER TABLE outbox ADD COLUMN attachments TEXT NOT NULL DEFAULT ''"));
}

bool createTables(const QSqlDatabase& db)
{
    return exec(db, QStringLiteral("CREATE TABLE IF NOT EXISTS users (id INTEGER PRIMARY KEY, username TEXT NOT NULL)"))
        && exec(db, QStringLiteral("CREATE TABLE IF NOT EXISTS rooms (id INTEGER PRIMARY KEY, json TEXT NOT NULL)"))
        // A message as the protocol writes it; `change` beside it so that an older copy never replaces a newer.
        && exec(db,
            QStringLiteral("CREATE TABLE IF NOT EXISTS messages (room_id INTEGER NOT NULL, seq INTEGER NOT NULL, "
                           "id INTEGER NOT NULL, change INTEGER NOT NULL, json TEXT NOT NULL, "
                           "PRIMARY KEY (room_id, seq)) WITHOUT ROWID"))
        // held_change per room: how far the cached messages are up to date with the room's changes.
        && exec(db,
            QStringLiteral("CREATE TABLE IF NOT EXISTS room_changes (room_id INTEGER PRIMARY KEY, "
                           "held_change INTEGER NOT NULL)"))
        && exec(db,
            QStringLiteral("CREATE TABLE IF NOT EXISTS outbox (client_id TEXT PRIMARY KEY, room_id INTEGER NOT NULL, "
                           "body TEXT NOT NULL, queued_at INTEGER NOT NULL, reply_to INTEGER NOT NULL DEFAULT 0, "
                           "attachments TEXT NOT NULL DEFAULT '')"));
}
} // namespace

bool exec(QSqlQuery& query)
{
    if (query.exec())
        return true;
    qCWarning(lcCache) << "cache query failed:" << query.lastError().text();
    return false;
}

bool exec(const QSqlDatabase& db, const QString& sql)
{
    QSqlQuery query(db);
    query.prepare(sql);
    return exec(query);
}

bool prepareSchema(const QSqlDatabase& db)
{
    // A cache may lose its last writes in a power cut (the server has them); it must not slow typing down.
    exec(db, QStringLiteral("PRAGMA journal_mode=WAL"));
    exec(db, QStringLiteral("PRAGMA synchronous=NORMAL"));
    if (!exec(db, QStringLiteral("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")))
        return false;
    const int version = storedVersion(db);
    if (version == 1 || version == 2) {
        qCInfo(lcCache) << "migrating the cache from version" << version;
        if ((version == 1 && !migrateFrom1(db)) || !migrateFrom2(db))
            return false;
    } else if (version != 0 && version != SchemaVersion) {
        if (!dropAll(db)) // another version's cache: nothing in it is worth a migration
            return false;
    }
    if (!createTables(db))
        return false;
    QSqlQuery setVersion(db);
    setVersion.prepare(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"));
    setVersion.addBindValue(VersionKey);
    setVersion.addBindValue(QString::number(SchemaVersion));
    return exec(setVersion);
}

} // namespace chat::client::cachesql
