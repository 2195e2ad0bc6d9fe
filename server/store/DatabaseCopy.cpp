#include "DatabaseCopy.h"

#include "SqlDialect.h"
#include "SqlStatements.h"
#include "StoreDb.h"
#include "StoreLogging.h"

#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlField>
#include <QSqlQuery>
#include <QSqlRecord>

namespace chat::server {

namespace {

const QString VersionTable = QStringLiteral("schema_version");

// The search index is built from the copied messages, not copied: its tables differ between the engines
// (FTS5 and its shadow tables on SQLite, pg_trgm on PostgreSQL).
bool isSearchIndexTable(const QString& name)
{
    return name == QLatin1String("search_index") || name.startsWith(QLatin1String("message_search"));
}

// The target's column types win: SQLite keeps booleans as integers, PostgreSQL wants booleans.
QVariant convertedFor(const QVariant& value, const QSqlField& column)
{
    if (value.isNull())
        return QVariant(column.metaType());
    QVariant converted = value;
    if (column.metaType().isValid() && converted.metaType() != column.metaType())
        converted.convert(column.metaType());
    return converted;
}

// Several rows per INSERT: one round trip per RowsPerInsert rows rather than one per row.
constexpr int RowsPerInsert = 100;

QString insertSql(const QString& table, const QStringList& columns, int rows)
{
    const QString row = QLatin1Char('(') + QStringList(columns.size(), QStringLiteral("?")).join(QStringLiteral(", "))
        + QLatin1Char(')');
    return QStringLiteral("INSERT INTO %1 (%2) VALUES %3")
        .arg(table, columns.join(QStringLiteral(", ")), QStringList(rows, row).join(QStringLiteral(", ")));
}

} // namespace

const QList<DatabaseCopy::Table>& DatabaseCopy::tables()
{
    static const QList<Table> all {
        { QStringLiteral("users"), QStringLiteral("id") },
        { QStringLiteral("sessions"), QStringLiteral("token_hash") },
        { QStringLiteral("rooms"), QStringLiteral("id") },
        { QStringLiteral("room_members"), QStringLiteral("room_id, user_id") },
        { QStringLiteral("messages"), QStringLiteral("id") },
        { QStringLiteral("reactions"), QStringLiteral("message_id, emoji, user_id") },
        // Rows only: the bytes stay in the files folder (files/path), which the new configuration names.
        { QStringLiteral("files"), QStringLiteral("id") },
        { QStringLiteral("uploads"), QStringLiteral("id") },
        // Servers start reading admin events after the newest one, so copied events are never applied again.
        { QStringLiteral("events"), QStringLiteral("id") },
    };
    return all;
}

DatabaseCopy::DatabaseCopy(StoreDb& source, StoreDb& target)
    : m_source(source)
    , m_target(target)
{
}

Expected<qint64, StoreError> DatabaseCopy::run(const Progress& progress)
{
    if (m_source.schemaVersion() != m_target.schemaVersion())
        return StoreError::failure(QStringLiteral("the source has schema version %1, the target %2: migrate both first")
                                       .arg(m_source.schemaVersion())
                                       .arg(m_target.schemaVersion()));
    for (StoreDb* db : { &m_source, &m_target }) {
        if (auto covered = checkTablesCovered(*db); !covered)
            return covered.error();
    }
    if (auto empty = checkTargetEmpty(); !empty)
        return empty.error();
    qint64 total = 0;
    for (const Table& table : tables()) {
        auto copied = copyTable(table, progress);
        if (!copied)
            return copied.error();
        total += *copied;
        if (auto reset = resetIdentity(table); !reset)
            return reset.error();
    }
    if (auto emptied = m_target.resetSearchIndex(); !emptied)
        return emptied.error();
    auto indexed = m_target.buildSearchIndex(5000, [&progress](const SearchIndexProgress& built) {
        if (progress)
            progress(QStringLiteral("search index"), built.indexed, built.done());
    });
    if (!indexed)
        return indexed.error();
    return total;
}

Expected<bool, StoreError> DatabaseCopy::checkTablesCovered(StoreDb& db) const
{
    QSet<QString> known { VersionTable };
    for (const Table& table : tables())
        known.insert(table.name);
    const QStringList present = db.connection().tables(QSql::Tables);
    for (const QString& name : present) {
        if (!known.contains(name) && !name.startsWith(QLatin1String("sqlite_")) && !isSearchIndexTable(name))
            return StoreError::failure(
                QStringLiteral("the table %1 is not in db copy's list (DatabaseCopy::tables()): nothing was copied")
                    .arg(name));
    }
    return true;
}

Expected<bool, StoreError> DatabaseCopy::checkTargetEmpty() const
{
    for (const Table& table : tables()) {
        QSqlQuery query(m_target.connection());
        if (!query.exec(QStringLiteral("SELECT 1 FROM %1 LIMIT 1").arg(table.name)))
            return SqlStatements::failureOf(query, QStringLiteral("cannot read the target's %1").arg(table.name));
        if (query.next())
            return StoreError::conflict(
                QStringLiteral("the target database %1 is not empty (its table %2 has rows); db copy only fills "
                               "an empty database")
                    .arg(m_target.config().displayName(), table.name));
    }
    return true;
}

Expected<qint64, StoreError> DatabaseCopy::copyTable(const Table& table, const Progress& progress)
{
    const QSqlRecord columns = m_target.connection().record(table.name);
    QStringList names;
    for (int i = 0; i < columns.count(); ++i)
        names.append(columns.fieldName(i));
    QSqlQuery rows(m_source.connection());
    rows.setForwardOnly(true);
    if (!rows.exec(QStringLiteral("SELECT %1 FROM %2 ORDER BY %3")
                       .arg(names.join(QStringLiteral(", ")), table.name, table.orderBy)))
        return SqlStatements::failureOf(rows, QStringLiteral("cannot read the source's %1").arg(table.name));
    QSqlQuery fullInsert(m_target.connection());
    if (!fullInsert.prepare(insertSql(table.name, names, RowsPerInsert)))
        return SqlStatements::failureOf(fullInsert, QStringLiteral("cannot prepare the copy of %1").arg(table.name));

    qint64 copied = 0;
    QVariantList pending;
    int pendingRows = 0;
    bool more = rows.next();
    while (more) {
        if (auto begun = m_target.begin(); !begun)
            return begun.error();
        for (int inBatch = 1; more; ++inBatch) {
            for (int i = 0; i < columns.count(); ++i)
                pending.append(convertedFor(rows.value(i), columns.field(i)));
            ++pendingRows;
            more = rows.next();
            const bool batchEnds = !more || inBatch == m_batchRows;
            if (pendingRows == RowsPerInsert || batchEnds) {
                QSqlQuery partialInsert(m_target.connection());
                QSqlQuery& insert = pendingRows == RowsPerInsert ? fullInsert : partialInsert;
                if (&insert == &partialInsert)
                    partialInsert.prepare(insertSql(table.name, names, pendingRows));
                for (int i = 0; i < pending.size(); ++i)
                    insert.bindValue(i, pending.at(i));
                if (!insert.exec()) {
                    const StoreError error = SqlStatements::failureOf(insert,
                        QStringLiteral("cannot copy rows %1 to %2 of %3")
                            .arg(copied + 1)
                            .arg(copied + pendingRows)
                            .arg(table.name));
                    m_target.rollback();
                    return error;
                }
                copied += pendingRows;
                pending.clear();
                pendingRows = 0;
            }
            if (batchEnds)
                break;
        }
        if (auto committed = m_target.commit(); !committed) {
            m_target.rollback();
            return committed.error();
        }
        if (progress && more)
            progress(table.name, copied, false);
    }
    if (rows.lastError().isValid())
        return SqlStatements::failureOf(rows, QStringLiteral("cannot read the source's %1").arg(table.name));
    if (progress)
        progress(table.name, copied, true);
    return copied;
}

Expected<bool, StoreError> DatabaseCopy::resetIdentity(const Table& table)
{
    // Only generated integer ids continue; files and uploads have random text ids.
    const QSqlRecord record = m_target.connection().record(table.name);
    if (!record.contains(QStringLiteral("id"))
        || record.field(QStringLiteral("id")).metaType().id() == QMetaType::QString)
        return true;
    const QString sql = m_target.dialect().resetIdentity(table.name);
    if (sql.isEmpty())
        return true;
    QSqlQuery query(m_target.connection());
    if (!query.exec(sql))
        return SqlStatements::failureOf(query, QStringLiteral("cannot reset the ids of %1").arg(table.name));
    return true;
}

} // namespace chat::server
