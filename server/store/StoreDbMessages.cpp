// StoreDb: messages, history and read markers.
#include "StoreDb.h"

#include "Limits.h"
#include "SqlStatements.h"

#include <QSqlQuery>

#include <algorithm>

namespace chat::server {

namespace {

const QString MessageColumns = QStringLiteral("id, room_id, seq, sender_id, body, ts, client_id");

Message messageFrom(const QSqlQuery& q)
{
    Message message;
    message.id = q.value(0).toLongLong();
    message.roomId = q.value(1).toLongLong();
    message.seq = q.value(2).toLongLong();
    message.senderId = q.value(3).toLongLong();
    message.body = q.value(4).toString();
    message.ts = q.value(5).toLongLong();
    message.clientId = q.value(6).toString();
    return message;
}

// A null QString binds as SQL NULL; bodies are never NULL.
QVariant textOrEmpty(const QString& text)
{
    return text.isNull() ? QString(QLatin1String("")) : text;
}

QVariant textOrNull(const QString& text)
{
    return text.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(text);
}

} // namespace

StoreDb::Result<AppendOutcome> StoreDb::appendMessage(
    qint64 roomId, qint64 senderId, const QString& body, const QString& clientId, qint64 nowMs)
{
    Message message;
    message.roomId = roomId;
    message.senderId = senderId;
    message.body = body;
    message.ts = nowMs;
    message.clientId = clientId;
    {
        // Takes the room row's lock on PostgreSQL, so concurrent writers get consecutive seqs.
        auto next = m_sql->run(
            QStringLiteral("UPDATE rooms SET last_seq = last_seq + 1 WHERE id = ? RETURNING last_seq"), { roomId });
        if (!next)
            return next.error();
        ScopedFinish finish(*next);
        if (!(*next)->next())
            return StoreError::notFound(QStringLiteral("no room %1").arg(roomId));
        message.seq = (*next)->value(0).toLongLong();
    }
    {
        // A resent (sender, client_id) inserts nothing: the conflict target is the idempotency index.
        auto inserted = m_sql->run(QStringLiteral("INSERT INTO messages (room_id, seq, sender_id, body, ts, client_id) "
                                                  "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (sender_id, client_id) "
                                                  "WHERE client_id IS NOT NULL DO NOTHING RETURNING id"),
            { roomId, message.seq, senderId, textOrEmpty(body), nowMs, textOrNull(clientId) });
        if (!inserted)
            return inserted.error();
        ScopedFinish finish(*inserted);
        if ((*inserted)->next())
            message.id = (*inserted)->value(0).toLongLong();
    }
    if (message.id == 0)
        return storedDuplicate(roomId, senderId, clientId);
    auto read = m_sql->exec(QStringLiteral("UPDATE room_members SET last_read_seq = ? "
                                           "WHERE room_id = ? AND user_id = ? AND last_read_seq < ?"),
        { message.seq, roomId, senderId, message.seq });
    if (!read)
        return read.error();
    return AppendOutcome { message, false };
}

StoreDb::Result<AppendOutcome> StoreDb::storedDuplicate(qint64 roomId, qint64 senderId, const QString& clientId)
{
    // The seq taken for the duplicate goes back; the room row is still locked by this transaction.
    if (auto undone = m_sql->exec(QStringLiteral("UPDATE rooms SET last_seq = last_seq - 1 WHERE id = ?"), { roomId });
        !undone)
        return undone.error();
    auto stored = m_sql->run(
        QStringLiteral("SELECT %1 FROM messages WHERE sender_id = ? AND client_id = ?").arg(MessageColumns),
        { senderId, clientId });
    if (!stored)
        return stored.error();
    ScopedFinish finish(*stored);
    if (!(*stored)->next())
        return StoreError::failure(QStringLiteral("a duplicate message vanished"));
    return AppendOutcome { messageFrom(**stored), true };
}

StoreDb::Result<HistoryPage> StoreDb::history(const HistoryQuery& query)
{
    const int limit = std::clamp(query.limit, 1, limit::MaxHistoryPage);
    const bool forward = query.before <= 0 && query.after >= 0;
    QString sql;
    QVariantList values;
    if (query.before > 0) {
        sql = QStringLiteral("SELECT %1 FROM messages WHERE room_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?");
        values = { query.roomId, query.before, limit + 1 };
    } else if (forward) {
        sql = QStringLiteral("SELECT %1 FROM messages WHERE room_id = ? AND seq > ? ORDER BY seq ASC LIMIT ?");
        values = { query.roomId, query.after, limit + 1 };
    } else {
        sql = QStringLiteral("SELECT %1 FROM messages WHERE room_id = ? ORDER BY seq DESC LIMIT ?");
        values = { query.roomId, limit + 1 };
    }
    auto rows = m_sql->run(sql.arg(MessageColumns), values);
    if (!rows)
        return rows.error();
    ScopedFinish finish(*rows);
    HistoryPage page;
    page.messages.reserve(limit);
    while ((*rows)->next()) {
        if (page.messages.size() == limit) {
            page.hasMore = true;
            break;
        }
        page.messages.append(messageFrom(**rows));
    }
    if (!forward)
        std::reverse(page.messages.begin(), page.messages.end());
    return page;
}

StoreDb::Result<qint64> StoreDb::markRead(qint64 roomId, qint64 userId, qint64 seq)
{
    qint64 lastSeq = 0;
    qint64 current = 0;
    {
        auto state
            = m_sql->run(QStringLiteral("SELECT r.last_seq, m.last_read_seq FROM room_members m "
                                        "JOIN rooms r ON r.id = m.room_id WHERE m.room_id = ? AND m.user_id = ?"),
                { roomId, userId });
        if (!state)
            return state.error();
        ScopedFinish finish(*state);
        if (!(*state)->next())
            return StoreError::notFound(QStringLiteral("user %1 is not a member of room %2").arg(userId).arg(roomId));
        lastSeq = (*state)->value(0).toLongLong();
        current = (*state)->value(1).toLongLong();
    }
    const qint64 target = std::min(seq, lastSeq);
    if (target <= current)
        return current;
    auto updated = m_sql->exec(QStringLiteral("UPDATE room_members SET last_read_seq = ? "
                                              "WHERE room_id = ? AND user_id = ? AND last_read_seq < ?"),
        { target, roomId, userId, target });
    if (!updated)
        return updated.error();
    return target;
}

StoreDb::Result<qint64> StoreDb::importMessages(
    qint64 roomId, qint64 senderId, const QStringList& bodies, qint64 firstTs)
{
    qint64 lastSeq = 0;
    {
        auto room = m_sql->run(QStringLiteral("SELECT last_seq FROM rooms WHERE id = ?"), { roomId });
        if (!room)
            return room.error();
        ScopedFinish finish(*room);
        if (!(*room)->next())
            return StoreError::notFound(QStringLiteral("no room %1").arg(roomId));
        lastSeq = (*room)->value(0).toLongLong();
    }
    const QString sql
        = QStringLiteral("INSERT INTO messages (room_id, seq, sender_id, body, ts) VALUES (?, ?, ?, ?, ?)");
    for (qsizetype i = 0; i < bodies.size(); ++i) {
        auto inserted
            = m_sql->exec(sql, { roomId, lastSeq + 1 + i, senderId, textOrEmpty(bodies.at(i)), firstTs + i * 1000 });
        if (!inserted)
            return inserted.error();
    }
    const qint64 newLastSeq = lastSeq + bodies.size();
    auto advanced = m_sql->exec(
        QStringLiteral("UPDATE rooms SET last_seq = ? WHERE id = ? AND last_seq = ?"), { newLastSeq, roomId, lastSeq });
    if (!advanced)
        return advanced.error();
    if (*advanced != 1)
        return StoreError::failure(QStringLiteral("room %1 changed during the import").arg(roomId));
    return newLastSeq;
}

} // namespace chat::server
