#pragma once

#include "Expected.h"
#include "StoreTypes.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace chat::server {

class StoreDb;

// Copies every row of one chat database into another, empty one (`db copy`: SQLite to PostgreSQL),
// keeping ids, seqs and timestamps. Both must be migrated to the same schema version first. Tables
// go in dependency order, in transactions of batchRows rows; afterwards the target's generated ids
// continue after the copied ones. A table the schema has but tables() lacks stops the copy, so a
// migration that adds a table cannot be forgotten here.
class DatabaseCopy {
public:
    struct Table {
        QString name;
        QString orderBy; // a unique order, so that a copy and its check read rows alike
    };
    // Every table of the schema except schema_version, parents before children.
    static const QList<Table>& tables();

    // After each batch: the table and how many of its rows are copied so far; finished on its last call.
    using Progress = std::function<void(const QString& table, qint64 rows, bool finished)>;

    DatabaseCopy(StoreDb& source, StoreDb& target);

    void setBatchRows(int rows) { m_batchRows = rows; }
    // Conflict when the target holds any row; Failure for everything else. On a Failure midway the
    // target holds part of the data: empty it before trying again.
    Expected<qint64, StoreError> run(const Progress& progress); // returns the rows copied

private:
    Expected<bool, StoreError> checkTablesCovered(StoreDb& db) const;
    Expected<bool, StoreError> checkTargetEmpty() const;
    Expected<qint64, StoreError> copyTable(const Table& table, const Progress& progress);
    Expected<bool, StoreError> resetIdentity(const Table& table);

    StoreDb& m_source;
    StoreDb& m_target;
    int m_batchRows = 1000;
};

} // namespace chat::server
