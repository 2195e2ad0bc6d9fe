// StoreDb: the search index and messages.search (protocol.md, "Search").
//
// message_search holds fold(body) and denseText(body) of every message that is not deleted, under the rowid
// (room_id << 32) | seq. One room's rows are one range of rowids, so a search reads each of the user's rooms as
// its own range, newest first, and merges them by message id: what it reads depends on the user's rooms only,
// never on how often the query occurs in rooms they are not in.
#include "StoreDb.h"

#include "MessageRows.h"
#include "SqlDialect.h"
#include "SqlStatements.h"
#include "StoreLogging.h"

#include <QSqlQuery>

#include <algorithm>
#include <vector>

namespace chat::server {

namespace {

constexpr int RoomShift = 32;
const QLatin1String BodyColumn { "body" };
const QLatin1String DenseColumn { "dense" };

qint64 searchKey(qint64 roomId, qint64 seq)
{
    return (roomId << RoomShift) | seq;
}

// One room's matches, newest first, fetched a few at a time: the rows of a statement are read before the next
// one runs (QPSQL cannot keep two result sets of one connection open).
struct RoomStream {
    qint64 roomId = 0;
    qint64 lowKey = 0; // the range of rowids still to read, inclusive
    qint64 highKey = 0;
    QList<qint64> ids; // message ids fetched and not yet taken, newest first
    bool exhausted = false;
};

struct RoomRange {
    qint64 roomId = 0;
    qint64 lastSeq = 0;
};

} // namespace

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

StoreDb::Result<bool> StoreDb::reindexForSearch(qint64 roomId, qint64 seq, const QString& body)
{
    if (auto removed = unindexForSearch(roomId, seq); !removed)
        return removed;
    return indexForSearch(roomId, seq, body);
}

StoreDb::Result<qint64> StoreDb::lastSeqBelow(qint64 roomId, qint64 maxSeq, SeqOrdered column, qint64 value)
{
    const QString sql = QStringLiteral("SELECT %1 FROM messages WHERE room_id = ? AND seq = ?")
                            .arg(column == SeqOrdered::Id ? QLatin1String("id") : QLatin1String("ts"));
    // Seqs are dense, so the seqs 1..maxSeq all exist; a missing one counts as not below.
    auto below = [&](qint64 seq) -> Result<bool> {
        auto row = m_sql->run(sql, { roomId, seq });
        if (!row)
            return row.error();
        ScopedFinish finish(*row);
        return (*row)->next() && (*row)->value(0).toLongLong() < value;
    };
    if (maxSeq <= 0)
        return 0;
    auto newestBelow = below(maxSeq);
    if (!newestBelow)
        return newestBelow.error();
    if (*newestBelow)
        return maxSeq;
    qint64 low = 0; // below (or no message)
    qint64 high = maxSeq - 1;
    while (low < high) {
        const qint64 middle = low + (high - low + 1) / 2;
        auto isBelow = below(middle);
        if (!isBelow)
            return isBelow.error();
        if (*isBelow)
            low = middle;
        else
            high = middle - 1;
    }
    return low;
}

StoreDb::Result<SearchPage> StoreDb::searchMessages(const SearchRequest& request)
{
    QList<RoomRange> rooms;
    {
        QString sql = QStringLiteral("SELECT r.id, r.last_seq FROM room_members rm JOIN rooms r ON r.id = rm.room_id "
                                     "WHERE rm.user_id = ?");
        QVariantList values { request.userId };
        if (request.roomId > 0) {
            sql += QStringLiteral(" AND rm.room_id = ?");
            values.append(request.roomId);
        }
        auto rows = m_sql->run(sql, values);
        if (!rows)
            return rows.error();
        ScopedFinish finish(*rows);
        while ((*rows)->next())
            rooms.append(RoomRange { (*rows)->value(0).toLongLong(), (*rows)->value(1).toLongLong() });
    }

    const bool dense = request.query.kind == search::Query::Kind::Dense;
    const QLatin1String column = dense ? DenseColumn : BodyColumn;
    QString streamSql
        = QStringLiteral("SELECT s.rowid, m.id FROM message_search s JOIN messages m ON m.room_id = ? AND "
                         "m.seq = s.rowid - ? WHERE %1 AND s.rowid BETWEEN ? AND ?")
              .arg(m_dialect->searchCondition(column));
    if (request.senderId > 0)
        streamSql += QStringLiteral(" AND m.sender_id = ?");
    if (request.fromTs >= 0)
        streamSql += QStringLiteral(" AND m.ts >= ?");
    if (request.toTs >= 0)
        streamSql += QStringLiteral(" AND m.ts < ?");
    streamSql += QStringLiteral(" ORDER BY s.rowid DESC LIMIT ?");
    const QVariant argument = m_dialect->searchArgument(column, request.query.pattern);

    SearchPage page;
    // Reads up to `count` more matches of the stream's room, below those it has read.
    auto fetch = [&](RoomStream& stream, int count) -> Result<bool> {
        QVariantList values { stream.roomId, searchKey(stream.roomId, 0), argument, stream.lowKey, stream.highKey };
        if (request.senderId > 0)
            values.append(request.senderId);
        if (request.fromTs >= 0)
            values.append(request.fromTs);
        if (request.toTs >= 0)
            values.append(request.toTs);
        values.append(count);
        auto rows = m_sql->run(streamSql, values);
        if (!rows)
            return rows.error();
        ScopedFinish finish(*rows);
        int read = 0;
        qint64 lastKey = 0;
        while ((*rows)->next()) {
            lastKey = (*rows)->value(0).toLongLong();
            stream.ids.append((*rows)->value(1).toLongLong());
            ++read;
        }
        page.rowsRead += read;
        stream.exhausted = read < count;
        stream.highKey = lastKey - 1;
        return true;
    };

    std::vector<RoomStream> streams;
    streams.reserve(rooms.size());
    for (const RoomRange& room : std::as_const(rooms)) {
        qint64 lowSeq = 1;
        qint64 highSeq = room.lastSeq;
        // Ids and timestamps grow with seq in a room: the cursor and the time range become a range of seqs.
        if (request.beforeId > 0) {
            auto bound = lastSeqBelow(room.roomId, highSeq, SeqOrdered::Id, request.beforeId);
            if (!bound)
                return bound.error();
            highSeq = *bound;
        }
        if (request.toTs >= 0 && highSeq > 0) {
            auto bound = lastSeqBelow(room.roomId, highSeq, SeqOrdered::Ts, request.toTs);
            if (!bound)
                return bound.error();
            highSeq = *bound;
        }
        if (request.fromTs >= 0 && highSeq > 0) {
            auto bound = lastSeqBelow(room.roomId, highSeq, SeqOrdered::Ts, request.fromTs);
            if (!bound)
                return bound.error();
            lowSeq = *bound + 1;
        }
        if (lowSeq <= highSeq)
            streams.push_back(
                RoomStream { room.roomId, searchKey(room.roomId, lowSeq), searchKey(room.roomId, highSeq) });
    }
    // A first few of each room, as many as a page needs if the rooms share it evenly (twice that); more from a
    // room only when the page takes them all.
    const int wanted = request.limit + 1;
    const int firstFetch = streams.empty() ? 0 : std::clamp(2 * wanted / int(streams.size()) + 1, 2, wanted);
    for (RoomStream& stream : streams) {
        if (auto fetched = fetch(stream, firstFetch); !fetched)
            return fetched.error();
    }

    QList<qint64> ids;
    while (ids.size() < wanted) {
        RoomStream* newest = nullptr;
        for (RoomStream& stream : streams) {
            if (!stream.ids.isEmpty() && (!newest || stream.ids.constFirst() > newest->ids.constFirst()))
                newest = &stream;
        }
        if (!newest)
            break;
        ids.append(newest->ids.takeFirst());
        if (newest->ids.isEmpty() && !newest->exhausted && ids.size() < wanted) {
            if (auto fetched = fetch(*newest, wanted - int(ids.size())); !fetched)
                return fetched.error();
        }
    }
    page.hasMore = ids.size() > request.limit;
    if (page.hasMore)
        ids.removeLast();

    for (qint64 id : std::as_const(ids)) {
        auto found = messagesWhere(QStringLiteral("WHERE m.id = ?"), { id });
        if (!found)
            return found.error();
        if (found->isEmpty())
            continue;
        SearchHit hit;
        hit.message = found->constFirst();
        hit.highlights = search::highlights(hit.message.body, request.query.folded);
        page.hits.append(hit);
    }
    return page;
}

StoreDb::Result<SearchIndexProgress> StoreDb::buildSearchIndexBatch(int batchSize)
{
    SearchIndexProgress progress;
    {
        // Locks the state row (PostgreSQL), so that nodes building at once take turns batch by batch.
        auto state = m_sql->run(QStringLiteral("UPDATE search_index SET built_through = built_through WHERE id = 1 "
                                               "RETURNING built_through, target"));
        if (!state)
            return state.error();
        ScopedFinish finish(*state);
        if (!(*state)->next())
            return StoreError::failure(QStringLiteral("the search index has no state row"));
        progress.builtThrough = (*state)->value(0).toLongLong();
        progress.target = (*state)->value(1).toLongLong();
    }
    if (progress.done())
        return progress;
    struct Row {
        qint64 id, roomId, seq;
        QString body;
        bool deleted;
    };
    QList<Row> batch;
    {
        auto rows = m_sql->run(QStringLiteral("SELECT id, room_id, seq, body, deleted FROM messages "
                                              "WHERE id > ? AND id <= ? ORDER BY id LIMIT ?"),
            { progress.builtThrough, progress.target, batchSize });
        if (!rows)
            return rows.error();
        ScopedFinish finish(*rows);
        while ((*rows)->next()) {
            batch.append(Row { (*rows)->value(0).toLongLong(), (*rows)->value(1).toLongLong(),
                (*rows)->value(2).toLongLong(), (*rows)->value(3).toString(), (*rows)->value(4).toBool() });
        }
    }
    // A running server may have indexed a message already (an edit during db reindex): replace, never add twice.
    for (const Row& row : std::as_const(batch)) {
        auto indexed
            = row.deleted ? unindexForSearch(row.roomId, row.seq) : reindexForSearch(row.roomId, row.seq, row.body);
        if (!indexed)
            return indexed.error();
    }
    progress.indexed = batch.size();
    progress.builtThrough = batch.size() < batchSize ? progress.target : batch.constLast().id;
    auto recorded = m_sql->exec(
        QStringLiteral("UPDATE search_index SET built_through = ? WHERE id = 1"), { progress.builtThrough });
    if (!recorded)
        return recorded.error();
    return progress;
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
            return total;
    }
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
