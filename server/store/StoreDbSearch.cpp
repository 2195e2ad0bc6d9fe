// StoreDb: messages.search (protocol.md, "Search"). A search reads each of the user's rooms as its own range of
// the index (SearchKey.h), newest first, and merges them by message id: what it reads depends on the user's rooms
// only, never on how often the query occurs in rooms they are not in. On SQLite the newest messages the index has
// not reached yet (StoreDbSearchIndex.cpp) are read and compared directly.
#include "StoreDb.h"

#include "SearchKey.h"
#include "SqlDialect.h"
#include "SqlStatements.h"

#include <QSqlQuery>

#include <algorithm>
#include <limits>
#include <vector>

namespace chat::server {

namespace {

const QLatin1String BodyColumn { "body" };
const QLatin1String DenseColumn { "dense" };

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

// The sender and time filters of a request, on a query whose message is aliased m.
QString filterSql(const SearchRequest& request)
{
    QString sql;
    if (request.senderId > 0)
        sql += QStringLiteral(" AND m.sender_id = ?");
    if (request.fromTs >= 0)
        sql += QStringLiteral(" AND m.ts >= ?");
    if (request.toTs >= 0)
        sql += QStringLiteral(" AND m.ts < ?");
    return sql;
}

void appendFilterValues(const SearchRequest& request, QVariantList& values)
{
    if (request.senderId > 0)
        values.append(request.senderId);
    if (request.fromTs >= 0)
        values.append(request.fromTs);
    if (request.toTs >= 0)
        values.append(request.toTs);
}

} // namespace

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
    const QString streamSql
        = QStringLiteral("SELECT s.rowid, m.id FROM message_search s JOIN messages m ON m.room_id = ? AND "
                         "m.seq = ? - s.rowid WHERE %1 AND s.rowid BETWEEN ? AND ?%2 ORDER BY s.rowid LIMIT ?")
              .arg(m_dialect->searchCondition(column), filterSql(request));
    const QVariant argument = m_dialect->searchArgument(column, request.query.pattern);

    SearchPage page;
    // Reads up to `count` more matches of the stream's room, below those it has read.
    auto fetch = [&](RoomStream& stream, int count) -> Result<bool> {
        QVariantList values { stream.roomId, searchKey(stream.roomId, 0), argument, stream.lowKey, stream.highKey };
        appendFilterValues(request, values);
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
        stream.lowKey = lastKey + 1;
        return true;
    };

    // The newest messages of a room that the index has not reached yet (seqs above `indexedSeq`): a handful, read
    // and compared here. At most TailLimit (a db reindex beside a running server leaves more for a while).
    constexpr int TailLimit = 5000;
    const QString tailSql = QStringLiteral("SELECT m.id, m.body FROM messages m WHERE m.room_id = ? AND m.seq > ? AND "
                                           "m.seq <= ? AND m.deleted = %1%2 ORDER BY m.seq DESC LIMIT %3")
                                .arg(m_dialect->boolValue(false).toString(), filterSql(request))
                                .arg(TailLimit);
    auto tailMatches = [&](qint64 roomId, qint64 indexedSeq, qint64 highSeq) -> Result<QList<qint64>> {
        QVariantList values { roomId, indexedSeq, highSeq };
        appendFilterValues(request, values);
        auto rows = m_sql->run(tailSql, values);
        if (!rows)
            return rows.error();
        ScopedFinish finish(*rows);
        QList<qint64> matches;
        while ((*rows)->next()) {
            ++page.rowsRead;
            if (search::fold((*rows)->value(1).toString()).contains(request.query.folded))
                matches.append((*rows)->value(0).toLongLong());
        }
        return matches;
    };
    qint64 indexedThrough = std::numeric_limits<qint64>::max();
    if (!m_dialect->indexesInline()) {
        auto through = searchIndexedThrough();
        if (!through)
            return through.error();
        indexedThrough = *through;
    }

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
        if (lowSeq > highSeq)
            continue;
        // The tail first: the indexer may take it meanwhile, and a message seen twice is taken once.
        auto indexedSeq = indexedThrough == std::numeric_limits<qint64>::max()
            ? Result<qint64>(highSeq)
            : lastSeqBelow(room.roomId, highSeq, SeqOrdered::Id, indexedThrough + 1);
        if (!indexedSeq)
            return indexedSeq.error();
        if (*indexedSeq < highSeq) {
            auto tail = tailMatches(room.roomId, std::max(*indexedSeq, lowSeq - 1), highSeq);
            if (!tail)
                return tail.error();
            if (!tail->isEmpty())
                streams.push_back(RoomStream { room.roomId, 0, -1, *tail, true });
        }
        streams.push_back(
            RoomStream { room.roomId, searchKey(room.roomId, highSeq), searchKey(room.roomId, lowSeq), {}, false });
    }
    // A first few of each room, as many as a page needs if the rooms share it evenly (twice that); more from a
    // room only when the page takes them all.
    const int wanted = request.limit + 1;
    const int firstFetch = rooms.isEmpty() ? 0 : std::clamp(2 * wanted / int(rooms.size()) + 1, 2, wanted);
    for (RoomStream& stream : streams) {
        if (stream.exhausted) // a tail, all read
            continue;
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
        const qint64 id = newest->ids.takeFirst();
        if (ids.isEmpty() || ids.constLast() != id)
            ids.append(id);
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

} // namespace chat::server
