#pragma once

#include "config/ServerConfig.h"

#include <QString>
#include <QStringList>
#include <QVariant>

#include <memory>

class QSqlDatabase;

namespace chat::server {

// Everything that differs between SQLite and PostgreSQL: driver setup, column types, statements
// that have no common spelling. Queries outside this class use only SQL both accept.
class SqlDialect {
public:
    static std::unique_ptr<SqlDialect> forDriver(DatabaseConfig::Driver driver);
    virtual ~SqlDialect() = default;

    virtual QString qtDriverName() const = 0;
    // Sets the connection parameters of a database that is not open yet.
    virtual void configure(QSqlDatabase& db, const DatabaseConfig& config) const = 0;
    // Statements run once on every new connection (PRAGMAs, session settings).
    virtual QStringList connectionSetup(const DatabaseConfig& config) const = 0;

    // DDL column types
    virtual QString autoIdColumn() const = 0; // "id <type> PRIMARY KEY", generated on insert
    virtual QString bigIntType() const = 0;
    virtual QString boolType() const = 0;
    virtual QString blobType() const = 0;
    QString textType() const { return QStringLiteral("TEXT"); }

    virtual QVariant boolValue(bool value) const = 0;

    // The writer's transaction start: SQLite takes the write lock up front so that a second
    // connection cannot make it fail with SQLITE_BUSY halfway through a batch.
    virtual QString beginWrite() const = 0;
    // Around the whole migration, version table included: keeps nodes that start together from
    // migrating at the same time. Held by the connection (not a transaction); empty when not needed.
    virtual QString migrationLock() const = 0;
    virtual QString migrationUnlock() const = 0;
    // INSERT that silently does nothing when a unique constraint would be violated.
    virtual QString insertIgnoring(const QString& table, const QStringList& columns) const = 0;
    virtual QStringList integrityCheck() const = 0; // statements whose rows name problems; "ok" means none
    virtual QString tableExists() const = 0; // one bound parameter: the table name; yields a row if it exists
    // Yields the name of every table of the database that is not the engine's own, for refusing to migrate
    // another application's database; empty where that is not checked (a PostgreSQL database may be shared).
    virtual QString applicationTables() const = 0;
    // After rows were inserted with explicit ids: makes the table's generated ids continue after max(id).
    // Empty when the engine does that by itself.
    virtual QString resetIdentity(const QString& table) const = 0;

    // Search (protocol.md, "Search"): the index message_search(rowid, body, dense) and its build state. rowid
    // is the message's room and seq (StoreDbSearch.cpp), so that one room's rows are one range of it.
    virtual QStringList searchSchema() const = 0;
    virtual QStringList searchReset() const = 0; // empties message_search, fast
    // The condition that finds `pattern` as a substring of column `column` of message_search, aliased s; it
    // takes one bound parameter, searchArgument(column, pattern). Nothing in the pattern is syntax.
    virtual QString searchCondition(QLatin1String column) const = 0;
    virtual QString searchArgument(QLatin1String column, const QString& pattern) const = 0;
};

} // namespace chat::server
