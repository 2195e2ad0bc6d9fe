#pragma once

#include "Expected.h"
#include "StoreTypes.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <memory>

namespace chat::server {

// Prepared statements of one connection, prepared once and kept by their SQL text, so that hot
// paths (append, history, mark read) skip parsing and planning after the first call.
class SqlStatements {
public:
    using Result = Expected<QSqlQuery*, StoreError>;

    explicit SqlStatements(const QSqlDatabase& db)
        : m_db(db)
        , m_shieldsLeadingByteOrderMark(db.driverName() == QLatin1String("QSQLITE"))
    {
    }

    // Binds `values` in order and executes; the query stays positioned before its first row.
    // The caller reads what it needs and calls finish() (ScopedFinish) so that SQLite releases the statement.
    Result run(const QString& sql, const QVariantList& values = {});
    // For statements without rows.
    Expected<int, StoreError> exec(const QString& sql, const QVariantList& values = {}); // rows affected
    // Runs SQL text once, unprepared (DDL, PRAGMA, BEGIN/COMMIT).
    Expected<bool, StoreError> execDirect(const QString& sql);
    void clear() { m_cache.clear(); }

    static StoreError failureOf(const QSqlQuery& query, const QString& what);
    // `what` and the driver's text, with its native code kept and a full disk recognised (Kind::StorageFull).
    static StoreError failureOf(const QSqlError& error, const QSqlDriver* driver, const QString& what);

private:
    Result prepared(const QString& sql);
    QVariant bindable(const QVariant& value) const;

    QSqlDatabase m_db;
    bool m_shieldsLeadingByteOrderMark;
    QHash<QString, std::shared_ptr<QSqlQuery>> m_cache;
};

// Resets a cached statement when the reading code leaves its scope.
class ScopedFinish {
public:
    explicit ScopedFinish(QSqlQuery* query)
        : m_query(query)
    {
    }
    ~ScopedFinish() { m_query->finish(); }
    ScopedFinish(const ScopedFinish&) = delete;
    ScopedFinish& operator=(const ScopedFinish&) = delete;

private:
    QSqlQuery* m_query;
};

} // namespace chat::server
