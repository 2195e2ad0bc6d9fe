#pragma once

#include "Expected.h"
#include "StoreTypes.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <limits>

namespace chat::server {

class SqlDialect;
class SqlStatements;

// The schema as a list of numbered steps; schema_version records which ones ran. Each step runs in
// its own transaction together with its schema_version row, so a failed step leaves the previous version.
// On PostgreSQL the whole run holds a session-level advisory lock, so nodes starting together take turns.
class Migrations {
public:
    struct Step {
        int version;
        QString description;
        std::function<QStringList(const SqlDialect&)> statements;
    };

    Migrations(SqlStatements& statements, const SqlDialect& dialect)
        : m_statements(statements)
        , m_dialect(dialect)
    {
    }

    static const QList<Step>& steps();
    static int latestVersion();

    Expected<int, StoreError> currentVersion(); // 0: empty database
    // Idempotent; returns the version reached. `upTo` stops at an older version (tests of later steps).
    Expected<int, StoreError> migrate(qint64 nowMs, int upTo = std::numeric_limits<int>::max());
    // A database without chat-server's version table must be empty: never add tables to another application's.
    // Fails with Kind::ForeignDatabase, naming its tables.
    Expected<bool, StoreError> refuseForeignTables();

private:
    Expected<int, StoreError> migrateLocked(qint64 nowMs, int upTo);
    Expected<bool, StoreError> ensureVersionTable();
    Expected<bool, StoreError> createVersionTableUnlessOurs();
    Expected<bool, StoreError> apply(const Step& step, qint64 nowMs);

    SqlStatements& m_statements;
    const SqlDialect& m_dialect;
};

} // namespace chat::server
