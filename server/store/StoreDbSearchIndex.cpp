// StoreDb: writing the search index (protocol.md, "Search"). message_search holds fold(body) and denseText(body) of
// every message that is not deleted under searchKey(room, seq): on PostgreSQL written with the message, on SQLite
// up to search_index.built_through, which SearchIndexer moves on a moment after each send.
#include "StoreDb.h"

#include "SearchKey.h"
#include "SqlDialect.h"
#include "SqlStatements.h"
#include "StoreLogging.h"

#include <QSqlQuery>

#include <algorithm>
#include <limits>

namespace chat::server {

StoreDb::Result<qint64> StoreDb::searchIndexedThrough()
{
    auto state = m_sql->run(QStringLiteral("SELECT built_through FROM search_index WHERE id = 1"));
    if (!state)
        return state.error();
    ScopedFinish finish(*state);
    return (*state)->next() ? (*state)->value(0).toLongLong() : 0;
}

StoreDb::Result<SearchIndexProgress> StoreDb::lockSearchIndexState()
{
    // Locks the state row (PostgreSQL), so that nodes building at once take turns batch by batch.
    auto state = m_sql->run(QStringLiteral("UPDATE search_index SET built_through = built_through WHERE id = 1 "
                                           "RETURNING built_through, target"));
    if (!state)
        return state.error();
    ScopedFinish finish(*state);
    if (!(*state)->next())
        return StoreError::failure(QStringLiteral("the search index has no state row"));
    SearchIndexProgress progress;
    progress.builtThrough = (*state)->value(0).toLongLong();
    progress.target = (*state)->value(1).toLongLong();
    return progress;
}

StoreDb::Result<int> StoreDb::indexNewMessages(int limit)
{
    if (m_dialect->indexesInline())
        return 0;
    auto state = lockSearchIndexState();
    if (!state)
        return state.error();
    auto step = indexMessagesAfter(state->builtThrough, std::numeric_limits<qint64>::max(), state->target, limit);
    if (!step)
        return step.error();
    return int(step->indexed);
}

StoreDb::Result<SearchIndexProgress> StoreDb::indexMessagesAfter(
    qint64 builtThrough, qint64 upTo, qint64 target, int batchSize)
{
    SearchIndexProgress progress;
    progress.builtThrough = builtThrough;
    progress.target = target;
    QList<SearchRow> older; // up to the build's target: db reindex may have indexed one meanwhile
    QList<SearchRow> fresh;
    qint64 lastId = builtThrough;
    {
        auto rows = m_sql->run(QStringLiteral("SELECT id, room_id, seq, body, deleted FROM messages "
                                              "WHERE id > ? AND id <= ? ORDER BY id LIMIT ?"),
            { builtThrough, upTo, batchSize });
        if (!rows)
            return rows.error();
        ScopedFinish finish(*rows);
        while ((*rows)->next()) {
            lastId = (*rows)->value(0).toLongLong();
            SearchRow row { (*rows)->value(1).toLongLong(), (*rows)->value(2).toLongLong(),
                (*rows)->value(3).toString(), (*rows)->value(4).toBool() };
            (lastId <= target ? older : fresh).append(std::move(row));
            ++progress.indexed;
        }
    }
    if (auto written = writeSearchRows(std::move(older), true); !written)
        return written.error();
    if (auto written = writeSearchRows(std::move(fresh), false); !written)
        return written.error();
    // A build that read its last batch has reached its target; following new messages reaches the last one read.
    const bool bounded = upTo != std::numeric_limits<qint64>::max();
    progress.builtThrough = bounded && progress.indexed < batchSize ? upTo : lastId;
    if (progress.builtThrough != builtThrough) {
        auto recorded = m_sql->exec(
            QStringLiteral("UPDATE search_index SET built_through = ? WHERE id = 1"), { progress.builtThrough });
        if (!recorded)
            return recorded.error();
    }
    return progress;
}

StoreDb::Result<bool> StoreDb::indexForSearch(qint64 roomId, qint64 seq, const QString& body)
{
    const QString dense = search::denseText(body);
    auto inserted = m_sql->exec(QStringLiteral("INSERT INTO message_search (rowid, body, dense) VALUES (?, ?, ?)"),
        { searchKey(roomId, seq), search::fold(body),
            dense.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(dense) });
    if (!inserted)
        return inserted.error();
    return true;
}

StoreDb::Result<bool> StoreDb::unindexForSearch(qint64 roomId, qint64 seq)
{
    auto removed
        = m_sql->exec(QStringLiteral("DELETE FROM message_search WHERE rowid = ?"), { searchKey(roomId, seq) });
    if (!removed)
        return removed.error();
    return true;
}

StoreDb::Result<bool> StoreDb::writeSearchRows(QList<SearchRow> rows, bool mayBeIndexed)
{
    std::sort(rows.begin(), rows.end(),
        [](const SearchRow& a, const SearchRow& b) { return searchKey(a.roomId, a.seq) < searchKey(b.roomId, b.seq); });
    if (mayBeIndexed) {
        for (const SearchRow& row : std::as_const(rows)) {
            if (auto removed = unindexForSearch(row.roomId, row.seq); !removed)
                return removed;
        }
    }
    // Up to 50 rows an INSERT: the statement's own overhead is paid once for them.
    constexpr int RowsPerInsert = 50;
    QVariantList values;
    int pending = 0;
    auto flush = [&]() -> Result<bool> {
        if (pending == 0)
            return true;
        const QString sql = QStringLiteral("INSERT INTO message_search (rowid, body, dense) VALUES ")
            + QStringList(pending, QStringLiteral("(?, ?, ?)")).join(QStringLiteral(", "));
        auto inserted = m_sql->exec(sql, values);
        values.clear();
        pending = 0;
        if (!inserted)
            return inserted.error();
        return true;
    };
    for (const SearchRow& row : std::as_const(rows)) {
        if (row.deleted)
            continue;
        const QString dense = search::denseText(row.body);
        values << searchKey(row.roomId, row.seq) << search::fold(row.body)
               << (dense.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(dense));
        if (++pending == RowsPerInsert) {
            if (auto written = flush(); !written)
                return written;
        }
    }
    return flush();
}

StoreDb::Result<SearchIndexProgress> StoreDb::buildSearchIndexBatch(int batchSize)
{
    auto state = lockSearchIndexState();
    if (!state || state->done())
        return state;
    return indexMessagesAfter(state->builtThrough, state->target, state->target, batchSize);
}

StoreDb::Result<SearchIndexProgress> StoreDb::buildSearchIndex(
    int batchSize, const std::function<void(const SearchIndexProgress&)>& progress)
{
    SearchIndexProgress total;
    while (true) {
        if (auto begun = begin(); !begun)
            return begun.error();
        auto step = buildSearchIndexBatch(batchSize);
        if (!step) {
            rollback();
            return step.error();
        }
        if (auto committed = commit(); !committed) {
            rollback();
            return committed.error();
        }
        total.builtThrough = step->builtThrough;
        total.target = step->target;
        total.indexed += step->indexed;
        if (progress && step->indexed > 0)
            progress(total);
        if (step->done())
            break;
    }
    // A build writes many parts; one whole index makes the searches after it cheaper.
    if (const QString optimize = m_dialect->searchOptimize(); total.indexed > 0 && !optimize.isEmpty()) {
        if (auto optimized = m_sql->execDirect(optimize); !optimized)
            return optimized.error();
    }
    return total;
}

StoreDb::Result<bool> StoreDb::tidySearchIndex()
{
    const QString step = m_dialect->searchMergeStep();
    if (step.isEmpty())
        return true;
    return m_sql->execDirect(step);
}

StoreDb::Result<bool> StoreDb::resetSearchIndex()
{
    if (auto begun = begin(); !begun)
        return begun;
    QStringList statements = m_dialect->searchReset();
    statements.append(QStringLiteral("UPDATE search_index SET built_through = 0, "
                                     "target = (SELECT COALESCE(MAX(id), 0) FROM messages) WHERE id = 1"));
    for (const QString& sql : std::as_const(statements)) {
        if (auto done = m_sql->execDirect(sql); !done) {
            rollback();
            return done;
        }
    }
    m_sql->clear(); // statements prepared against the old table
    if (auto committed = commit(); !committed) {
        rollback();
        return committed;
    }
    return true;
}

} // namespace chat::server
