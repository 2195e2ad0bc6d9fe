#include "Migrations.h"

#include "SqlDialect.h"
#include "SqlStatements.h"
#include "StoreLogging.h"

namespace chat::server {

namespace {

QStringList initialSchema(const SqlDialect& d)
{
    const QString big = d.bigIntType();
    const QString text = d.textType();
    return {
        QStringLiteral("CREATE TABLE users (%1, username %2 NOT NULL, username_key %2 NOT NULL UNIQUE, "
                       "password_hash %2 NOT NULL, created_at %3 NOT NULL, disabled %4 NOT NULL DEFAULT %5)")
            .arg(d.autoIdColumn(), text, big, d.boolType(), d.boolValue(false).toString()),
        QStringLiteral("CREATE TABLE sessions (token_hash %1 PRIMARY KEY, "
                       "user_id %2 NOT NULL REFERENCES users(id) ON DELETE CASCADE, "
                       "created_at %2 NOT NULL, expires_at %2 NOT NULL)")
            .arg(text, big),
        QStringLiteral("CREATE INDEX sessions_by_user ON sessions(user_id)"),
        QStringLiteral("CREATE INDEX sessions_by_expiry ON sessions(expires_at)"),
        QStringLiteral("CREATE TABLE rooms (%1, kind %2 NOT NULL CHECK (kind IN ('direct', 'group')), "
                       "name %2 NOT NULL DEFAULT '', name_key %2 UNIQUE, direct_key %2 UNIQUE, "
                       "created_by %3 REFERENCES users(id), created_at %3 NOT NULL, last_seq %3 NOT NULL DEFAULT 0)")
            .arg(d.autoIdColumn(), text, big),
        QStringLiteral("CREATE TABLE room_members (room_id %1 NOT NULL REFERENCES rooms(id) ON DELETE CASCADE, "
                       "user_id %1 NOT NULL REFERENCES users(id) ON DELETE CASCADE, "
                       "last_read_seq %1 NOT NULL DEFAULT 0, joined_at %1 NOT NULL, PRIMARY KEY (room_id, user_id))")
            .arg(big),
        QStringLiteral("CREATE INDEX room_members_by_user ON room_members(user_id)"),
        QStringLiteral("CREATE TABLE messages (%1, room_id %2 NOT NULL REFERENCES rooms(id) ON DELETE CASCADE, "
                       "seq %2 NOT NULL, sender_id %2 NOT NULL REFERENCES users(id), body %3 NOT NULL, "
                       "ts %2 NOT NULL, client_id %3)")
            .arg(d.autoIdColumn(), big, text),
        // History pages are range scans of this index, whatever the room's size.
        QStringLiteral("CREATE UNIQUE INDEX messages_by_room_seq ON messages(room_id, seq)"),
        // Imported messages have no client_id and stay out of the idempotency index.
        QStringLiteral("CREATE UNIQUE INDEX messages_by_sender_client ON messages(sender_id, client_id) "
                       "WHERE client_id IS NOT NULL"),
    };
}

// Changes made beside the running servers (the admin commands) that every node must apply.
QStringList adminEvents(const SqlDialect& d)
{
    return {
        QStringLiteral("CREATE TABLE events (%1, kind %2 NOT NULL, user_id %3 NOT NULL, created_at %3 NOT NULL)")
            .arg(d.autoIdColumn(), d.textType(), d.bigIntType()),
    };
}

// Message actions: edits, tombstones, replies, mentions, reactions and their per-room change numbers, and
// per-member notification levels. Existing rows keep their values: every new column has a default.
QStringList messageActions(const SqlDialect& d)
{
    const QString big = d.bigIntType();
    const QString text = d.textType();
    return {
        QStringLiteral("ALTER TABLE messages ADD COLUMN edited_ts %1").arg(big),
        QStringLiteral("ALTER TABLE messages ADD COLUMN deleted %1 NOT NULL DEFAULT %2")
            .arg(d.boolType(), d.boolValue(false).toString()),
        QStringLiteral("ALTER TABLE messages ADD COLUMN reply_to %1").arg(big),
        // JSON arrays, kept beside the rows they summarise so that history stays one range scan.
        QStringLiteral("ALTER TABLE messages ADD COLUMN mentions %1").arg(text),
        QStringLiteral("ALTER TABLE messages ADD COLUMN reactions %1").arg(text),
        QStringLiteral("ALTER TABLE messages ADD COLUMN change_seq %1 NOT NULL DEFAULT 0").arg(big),
        // messages.changes reads only changed messages; most never change, so they stay out of the index.
        QStringLiteral("CREATE INDEX messages_by_room_change ON messages(room_id, change_seq) WHERE change_seq > 0"),
        QStringLiteral("ALTER TABLE rooms ADD COLUMN last_change %1 NOT NULL DEFAULT 0").arg(big),
        QStringLiteral("ALTER TABLE room_members ADD COLUMN notify_level %1 NOT NULL DEFAULT 'all' "
                       "CHECK (notify_level IN ('all', 'mentions', 'none'))")
            .arg(text),
        // The rules (one of each emoji per user) live here; messages.reactions is rebuilt from it.
        QStringLiteral("CREATE TABLE reactions (message_id %1 NOT NULL REFERENCES messages(id) ON DELETE CASCADE, "
                       "emoji %2 NOT NULL, user_id %1 NOT NULL REFERENCES users(id) ON DELETE CASCADE, "
                       "change_seq %1 NOT NULL, PRIMARY KEY (message_id, emoji, user_id))")
            .arg(big, text),
    };
}

// Search: the index (SqlDialect::searchSchema) and how far it is built. Existing messages are indexed after the
// migration, in batches (StoreDb::buildSearchIndex), up to the newest message the migration saw.
QStringList searchIndex(const SqlDialect& d)
{
    return d.searchSchema()
        + QStringList {
              QStringLiteral("CREATE TABLE search_index (id %1 PRIMARY KEY CHECK (id = 1), built_through %1 NOT NULL, "
                             "target %1 NOT NULL)")
                  .arg(d.bigIntType()),
              QStringLiteral("INSERT INTO search_index (id, built_through, target) "
                             "SELECT 1, 0, COALESCE(MAX(id), 0) FROM messages"),
          };
}

// Files: what was uploaded (the bytes are in the file store, by SHA-256), unfinished uploads, and how many files a
// message has, so that messages without any never look for them.
QStringList files(const SqlDialect& d)
{
    const QString big = d.bigIntType();
    const QString text = d.textType();
    return {
        QStringLiteral("ALTER TABLE messages ADD COLUMN attachment_count %1 NOT NULL DEFAULT 0").arg(big),
        QStringLiteral("CREATE TABLE files (id %2 PRIMARY KEY, sha256 %2 NOT NULL, size %1 NOT NULL, name %2 NOT NULL, "
                       "type %2 NOT NULL, uploader_id %1 NOT NULL REFERENCES users(id) ON DELETE CASCADE, "
                       "room_id %1 NOT NULL REFERENCES rooms(id) ON DELETE CASCADE, width %1 NOT NULL DEFAULT 0, "
                       "height %1 NOT NULL DEFAULT 0, thumbnail_type %2, thumbnail_width %1 NOT NULL DEFAULT 0, "
                       "thumbnail_height %1 NOT NULL DEFAULT 0, thumbnail %3, upload_id %2 NOT NULL UNIQUE, "
                       "created_at %1 NOT NULL, message_id %1 REFERENCES messages(id) ON DELETE CASCADE, "
                       "position %1 NOT NULL DEFAULT 0)")
            .arg(big, text, d.blobType()),
        QStringLiteral("CREATE INDEX files_by_message ON files(message_id)"),
        QStringLiteral("CREATE INDEX files_by_uploader ON files(uploader_id)"),
        QStringLiteral("CREATE INDEX files_by_content ON files(sha256)"),
        QStringLiteral("CREATE TABLE uploads (id %2 PRIMARY KEY, user_id %1 NOT NULL REFERENCES users(id) ON DELETE "
                       "CASCADE, room_id %1 NOT NULL REFERENCES rooms(id) ON DELETE CASCADE, name %2 NOT NULL, "
                       "size %1 NOT NULL, sha256 %2 NOT NULL, created_at %1 NOT NULL)")
            .arg(big, text),
        QStringLiteral("CREATE UNIQUE INDEX uploads_by_content ON uploads(user_id, room_id, sha256, size)"),
    };
}

} // namespace

const QList<Migrations::Step>& Migrations::steps()
{
    static const QList<Step> all {
        { 1, QStringLiteral("users, sessions, rooms, members, messages"), initialSchema },
        { 2, QStringLiteral("events from admin commands"), adminEvents },
        { 3, QStringLiteral("message actions: edits, deletions, replies, mentions, reactions, notification levels"),
            messageActions },
        { 4, QStringLiteral("search index"), searchIndex },
        { 5, QStringLiteral("files and attachments"), files },
    };
    return all;
}

int Migrations::latestVersion()
{
    return steps().constLast().version;
}

Expected<bool, StoreError> Migrations::refuseForeignTables()
{
    const QString listTables = m_dialect.applicationTables();
    if (listTables.isEmpty())
        return true;
    auto version = currentVersion();
    if (!version)
        return version.error();
    if (*version > 0)
        return true;
    auto tables = m_statements.run(listTables);
    if (!tables)
        return tables.error();
    ScopedFinish finish(*tables);
    QStringList names;
    while ((*tables)->next())
        names.append((*tables)->value(0).toString());
    if (names.isEmpty())
        return true;
    constexpr int Named = 5;
    QString listed = names.mid(0, Named).join(QStringLiteral(", "));
    if (names.size() > Named)
        listed += QStringLiteral(" and %1 more").arg(names.size() - Named);
    StoreError foreign;
    foreign.kind = StoreError::Kind::ForeignDatabase;
    foreign.message = QStringLiteral("it holds tables (%1) and none of chat-server's").arg(listed);
    return foreign;
}

Expected<bool, StoreError> Migrations::ensureVersionTable()
{
    // Checked and created under the write lock: on SQLite, a server starting beside this one may be creating
    // the version table and its first tables between a check and a listing, and must not look foreign.
    if (auto begun = m_statements.execDirect(m_dialect.beginWrite()); !begun)
        return begun;
    auto created = createVersionTableUnlessOurs();
    if (!created) {
        m_statements.execDirect(QStringLiteral("ROLLBACK"));
        return created;
    }
    if (auto committed = m_statements.execDirect(QStringLiteral("COMMIT")); !committed) {
        m_statements.execDirect(QStringLiteral("ROLLBACK"));
        return committed;
    }
    return true;
}

Expected<bool, StoreError> Migrations::createVersionTableUnlessOurs()
{
    auto exists = m_statements.run(m_dialect.tableExists(), { QStringLiteral("schema_version") });
    if (!exists)
        return exists.error();
    const bool found = (*exists)->next();
    (*exists)->finish();
    if (found)
        return true;
    if (auto own = refuseForeignTables(); !own)
        return own;
    return m_statements.execDirect(
        QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version %1 PRIMARY KEY, description %2 NOT NULL, "
                       "applied_at %3 NOT NULL)")
            .arg(m_dialect.bigIntType(), m_dialect.textType(), m_dialect.bigIntType()));
}

Expected<int, StoreError> Migrations::currentVersion()
{
    auto exists = m_statements.run(m_dialect.tableExists(), { QStringLiteral("schema_version") });
    if (!exists)
        return exists.error();
    const bool found = (*exists)->next();
    (*exists)->finish();
    if (!found)
        return 0;
    auto query = m_statements.run(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_version"));
    if (!query)
        return query.error();
    ScopedFinish finish(*query);
    return (*query)->next() ? (*query)->value(0).toInt() : 0;
}

Expected<bool, StoreError> Migrations::apply(const Step& step, qint64 nowMs)
{
    if (auto begun = m_statements.execDirect(m_dialect.beginWrite()); !begun)
        return begun;
    auto fail = [this](StoreError error) -> Expected<bool, StoreError> {
        m_statements.execDirect(QStringLiteral("ROLLBACK"));
        return error;
    };
    // Another process may have applied the step meanwhile (on SQLite, before BEGIN IMMEDIATE got the lock).
    auto current = currentVersion();
    if (!current)
        return fail(current.error());
    if (*current >= step.version) {
        m_statements.execDirect(QStringLiteral("ROLLBACK"));
        return true;
    }
    const QStringList statements = step.statements(m_dialect);
    for (const QString& sql : statements) {
        if (auto done = m_statements.execDirect(sql); !done)
            return fail(done.error());
    }
    auto recorded = m_statements.exec(
        QStringLiteral("INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)"),
        { step.version, step.description, nowMs });
    if (!recorded)
        return fail(recorded.error());
    if (auto committed = m_statements.execDirect(QStringLiteral("COMMIT")); !committed)
        return fail(committed.error());
    qCInfo(lcStore) << "schema migrated to version" << step.version << "-" << step.description;
    return true;
}

Expected<int, StoreError> Migrations::migrate(qint64 nowMs, int upTo)
{
    if (const QString lock = m_dialect.migrationLock(); !lock.isEmpty()) {
        if (auto locked = m_statements.execDirect(lock); !locked)
            return locked.error();
    }
    auto reached = migrateLocked(nowMs, upTo);
    if (const QString unlock = m_dialect.migrationUnlock(); !unlock.isEmpty()) {
        // On a lost connection the server has released the lock already.
        if (auto unlocked = m_statements.execDirect(unlock); !unlocked)
            qCWarning(lcStore) << "cannot release the migration lock:" << unlocked.error().message;
    }
    return reached;
}

Expected<int, StoreError> Migrations::migrateLocked(qint64 nowMs, int upTo)
{
    if (auto table = ensureVersionTable(); !table)
        return table.error();
    auto current = currentVersion();
    if (!current)
        return current;
    if (*current > latestVersion()) {
        return StoreError::failure(QStringLiteral("the database has schema version %1, newer than this server's %2")
                                       .arg(*current)
                                       .arg(latestVersion()));
    }
    for (const Step& step : steps()) {
        if (step.version <= *current || step.version > upTo)
            continue;
        if (auto applied = apply(step, nowMs); !applied)
            return applied.error();
    }
    return currentVersion();
}

} // namespace chat::server
