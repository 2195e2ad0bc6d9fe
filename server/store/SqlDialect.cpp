#include "SqlDialect.h"

#include <QSqlDatabase>

namespace chat::server {

namespace {

QString placeholders(int count)
{
    QStringList marks;
    for (int i = 0; i < count; ++i)
        marks.append(QStringLiteral("?"));
    return marks.join(QLatin1Char(','));
}

class SqliteDialect final : public SqlDialect {
public:
    QString qtDriverName() const override { return QStringLiteral("QSQLITE"); }
    void configure(QSqlDatabase& db, const DatabaseConfig& config) const override
    {
        db.setDatabaseName(config.path);
        // The driver's own busy handler; the PRAGMA below covers the same for clarity.
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    }
    QStringList connectionSetup(const DatabaseConfig& config) const override
    {
        return {
            QStringLiteral("PRAGMA journal_mode=WAL"),
            QStringLiteral("PRAGMA foreign_keys=ON"),
            QStringLiteral("PRAGMA busy_timeout=5000"),
            config.synchronousFull ? QStringLiteral("PRAGMA synchronous=FULL")
                                   : QStringLiteral("PRAGMA synchronous=NORMAL"),
        };
    }
    QString autoIdColumn() const override { return QStringLiteral("id INTEGER PRIMARY KEY"); }
    QString bigIntType() const override { return QStringLiteral("INTEGER"); }
    QString boolType() const override { return QStringLiteral("INTEGER"); }
    QString blobType() const override { return QStringLiteral("BLOB"); }
    QVariant boolValue(bool value) const override { return value ? 1 : 0; }
    QString beginWrite() const override { return QStringLiteral("BEGIN IMMEDIATE"); }
    // Each step's BEGIN IMMEDIATE holds the write lock, and the version table is created IF NOT EXISTS.
    QString migrationLock() const override { return {}; }
    QString migrationUnlock() const override { return {}; }
    QString insertIgnoring(const QString& table, const QStringList& columns) const override
    {
        // Not "INSERT OR IGNORE": that would also swallow NOT NULL and CHECK violations.
        return QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) ON CONFLICT DO NOTHING")
            .arg(table, columns.join(QLatin1Char(',')), placeholders(columns.size()));
    }
    QStringList integrityCheck() const override
    {
        return { QStringLiteral("PRAGMA integrity_check"), QStringLiteral("PRAGMA foreign_key_check") };
    }
    QString tableExists() const override
    {
        return QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
    }
    QString applicationTables() const override
    {
        return QStringLiteral(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
            "ORDER BY name");
    }
    QString resetIdentity(const QString&) const override { return {}; } // INTEGER PRIMARY KEY takes max(id) + 1
    QStringList searchSchema() const override
    {
        // Trigrams find substrings in any script. The text is folded before it is indexed (shared/SearchText),
        // so the tokenizer must not fold again. detail=none keeps which rows hold a trigram, not where: half the
        // size and half the time to write; GLOB asks the index for the rows with every trigram of the pattern and
        // checks each against the text. No column sizes: results are ordered by id, not ranked.
        // automerge 16: fewer, larger merges while messages are written (a quarter less CPU per message); the
        // indexer's merge steps (any two segments of a level: usermerge 2) and the optimize after a build keep the
        // number of segments down, which is what makes a search over many rooms fast.
        return { QStringLiteral("CREATE VIRTUAL TABLE message_search USING fts5(body, dense, "
                                "tokenize = 'trigram case_sensitive 1', columnsize = 0, detail = none)"),
            QStringLiteral("INSERT INTO message_search (message_search, rank) VALUES ('automerge', 16)"),
            QStringLiteral("INSERT INTO message_search (message_search, rank) VALUES ('usermerge', 2)") };
    }
    QStringList searchReset() const override // FTS5 deletes row by row; a new table is instant
    {
        return QStringList { QStringLiteral("DROP TABLE message_search") } + searchSchema();
    }
    QString searchOptimize() const override
    {
        return QStringLiteral("INSERT INTO message_search (message_search) VALUES ('optimize')");
    }
    // At most 500 pages (2 MiB, ~40 ms) of merging, among segments that automerge left at the same level.
    QString searchMergeStep() const override
    {
        return QStringLiteral("INSERT INTO message_search (message_search, rank) VALUES ('merge', 500)");
    }
    QString searchCondition(QLatin1String column) const override { return QStringLiteral("s.%1 GLOB ?").arg(column); }
    bool indexesInline() const override { return false; }
    QString searchArgument(QLatin1String, const QString& pattern) const override
    {
        // GLOB's wildcards and classes as classes of one character: [*] [?] [[].
        QString escaped;
        escaped.reserve(pattern.size() + 2);
        escaped += QLatin1Char('*');
        for (QChar c : pattern) {
            if (c == QLatin1Char('*') || c == QLatin1Char('?') || c == QLatin1Char('['))
                escaped += QLatin1Char('[') + c + QLatin1Char(']');
            else
                escaped += c;
        }
        return escaped + QLatin1Char('*');
    }
};

constexpr qint64 MigrationLockKey = 7447001; // an arbitrary advisory lock key owned by chat-server

// A libpq conninfo value in single quotes, so that a path may hold spaces.
QString conninfoValue(const QString& value)
{
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('\''), QStringLiteral("\\'"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

class PostgresDialect final : public SqlDialect {
public:
    // libpq conninfo keys, ';'-separated as QPSQL expects (it turns ';' into spaces, so no value may hold one).
    static QString connectOptions(const DatabaseConfig& config)
    {
        QStringList options {
            QStringLiteral("connect_timeout=5"),
            QStringLiteral("application_name=chat-server"),
            QStringLiteral("sslmode=") + config.sslMode,
        };
        if (!config.sslRootCert.isEmpty())
            options.append(QStringLiteral("sslrootcert=") + conninfoValue(config.sslRootCert));
        return options.join(QLatin1Char(';'));
    }

    QString qtDriverName() const override { return QStringLiteral("QPSQL"); }
    void configure(QSqlDatabase& db, const DatabaseConfig& config) const override
    {
        db.setHostName(config.host);
        db.setPort(config.port);
        db.setDatabaseName(config.name);
        db.setUserName(config.user);
        db.setPassword(config.password);
        db.setConnectOptions(connectOptions(config));
    }
    QStringList connectionSetup(const DatabaseConfig&) const override
    {
        return { QStringLiteral("SET client_encoding = 'UTF8'"), QStringLiteral("SET TIME ZONE 'UTC'") };
    }
    QString autoIdColumn() const override
    {
        return QStringLiteral("id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY");
    }
    QString bigIntType() const override { return QStringLiteral("BIGINT"); }
    QString boolType() const override { return QStringLiteral("BOOLEAN"); }
    QString blobType() const override { return QStringLiteral("BYTEA"); }
    QVariant boolValue(bool value) const override { return value; }
    QString beginWrite() const override { return QStringLiteral("BEGIN"); }
    QString migrationLock() const override
    {
        return QStringLiteral("SELECT pg_advisory_lock(%1)").arg(MigrationLockKey);
    }
    QString migrationUnlock() const override
    {
        return QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(MigrationLockKey);
    }
    QString insertIgnoring(const QString& table, const QStringList& columns) const override
    {
        return QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) ON CONFLICT DO NOTHING")
            .arg(table, columns.join(QLatin1Char(',')), placeholders(columns.size()));
    }
    QStringList integrityCheck() const override
    {
        return {}; // PostgreSQL checks its pages and constraints itself
    }
    QString tableExists() const override
    {
        return QStringLiteral("SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() "
                              "AND table_name = ?");
    }
    QString applicationTables() const override { return {}; }
    QString resetIdentity(const QString& table) const override
    {
        // is_called = false: the next id is exactly max(id) + 1, and 1 for an empty table.
        return QStringLiteral("SELECT setval(pg_get_serial_sequence('%1', 'id'), COALESCE(MAX(id), 0) + 1, false) "
                              "FROM %1")
            .arg(table);
    }
    QStringList searchSchema() const override
    {
        // pg_trgm is a trusted extension: the database's owner may create it. Its trigrams are taken from
        // letters and digits as the database's LC_CTYPE defines them: a UTF-8 ctype indexes CJK (deploy.md).
        return {
            QStringLiteral("CREATE EXTENSION IF NOT EXISTS pg_trgm"),
            QStringLiteral("CREATE TABLE message_search (rowid BIGINT PRIMARY KEY, body TEXT NOT NULL, dense TEXT)"),
            QStringLiteral("CREATE INDEX message_search_body ON message_search USING gin (body gin_trgm_ops)"),
            QStringLiteral("CREATE INDEX message_search_dense ON message_search USING gin (dense gin_trgm_ops)"),
        };
    }
    QStringList searchReset() const override { return { QStringLiteral("TRUNCATE message_search") }; }
    QString searchOptimize() const override { return {}; } // autovacuum folds GIN's pending entries in
    QString searchMergeStep() const override { return {}; }
    QString searchCondition(QLatin1String column) const override { return QStringLiteral("s.%1 LIKE ?").arg(column); }
    bool indexesInline() const override { return true; }
    QString searchArgument(QLatin1String, const QString& pattern) const override
    {
        QString escaped = pattern;
        escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
            .replace(QLatin1Char('%'), QStringLiteral("\\%"))
            .replace(QLatin1Char('_'), QStringLiteral("\\_"));
        return QLatin1Char('%') + escaped + QLatin1Char('%');
    }
};

} // namespace

std::unique_ptr<SqlDialect> SqlDialect::forDriver(DatabaseConfig::Driver driver)
{
    if (driver == DatabaseConfig::Driver::Postgres)
        return std::make_unique<PostgresDialect>();
    return std::make_unique<SqliteDialect>();
}

} // namespace chat::server
