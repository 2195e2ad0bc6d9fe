// StoreDb: what message actions share (locking, change numbers), edits and deletions, catch-up by change number.
#include "StoreDb.h"

#include "Limits.h"
#include "MessageRows.h"
#include "SqlDialect.h"
#include "SqlStatements.h"

#include <QSqlQuery>

#include <algorithm>

namespace chat::server {

StoreDb::Result<std::optional<qint64>> StoreDb::roomOfMessage(qint64 messageId, qint64 userId)
{
    // One query for both a missing message and another room's, so neither answer nor work tells them apart.
    auto found = m_sql->run(QStringLiteral("SELECT m.room_id FROM messages m JOIN room_members rm "
                                           "ON rm.room_id = m.room_id AND rm.user_id = ? WHERE m.id = ?"),
        { userId, messageId });
    if (!found)
        return found.error();
    ScopedFinish finish(*found);
    if (!(*found)->next())
        return std::optional<qint64>();
    return std::optional<qint64>((*found)->value(0).toLongLong());
}

StoreDb::Result<std::optional<StoreDb::ActionTarget>> StoreDb::lockTarget(
    qint64 roomId, qint64 messageId, qint64 userId)
{
    ActionTarget target;
    {
        // Takes the room row's lock on PostgreSQL, so that concurrent writers take consecutive change numbers.
        auto room = m_sql->run(
            QStringLiteral("UPDATE rooms SET last_change = last_change WHERE id = ? RETURNING last_change"),
            { roomId });
        if (!room)
            return room.error();
        ScopedFinish finish(*room);
        if (!(*room)->next())
            return std::optional<ActionTarget>();
        target.lastChange = (*room)->value(0).toLongLong();
    }
    auto message = m_sql->run(QStringLiteral("SELECT m.sender_id, m.ts, m.deleted, m.body, m.seq FROM messages m "
                                             "JOIN room_members rm ON rm.room_id = m.room_id AND rm.user_id = ? "
                                             "WHERE m.id = ? AND m.room_id = ?"),
        { userId, messageId, roomId });
    if (!message)
        return message.error();
    ScopedFinish finish(*message);
    if (!(*message)->next())
        return std::optional<ActionTarget>();
    target.senderId = (*message)->value(0).toLongLong();
    target.ts = (*message)->value(1).toLongLong();
    target.deleted = (*message)->value(2).toBool();
    target.body = (*message)->value(3).toString();
    target.seq = (*message)->value(4).toLongLong();
    return std::optional<ActionTarget>(target);
}

StoreDb::Result<ActionOutcome> StoreDb::unchanged(qint64 messageId)
{
    auto rows = messagesWhere(QStringLiteral("WHERE m.id = ?"), { messageId });
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return StoreError::failure(QStringLiteral("message %1 vanished").arg(messageId));
    ActionOutcome outcome;
    outcome.message = rows->constFirst();
    return outcome;
}

StoreDb::Result<ActionOutcome> StoreDb::recordChange(qint64 roomId, qint64 messageId, qint64 change)
{
    auto advanced = m_sql->exec(QStringLiteral("UPDATE rooms SET last_change = ? WHERE id = ?"), { change, roomId });
    if (!advanced)
        return advanced.error();
    auto outcome = unchanged(messageId);
    if (outcome)
        outcome->changed = true;
    return outcome;
}

StoreDb::Result<ActionOutcome> StoreDb::editMessage(qint64 roomId, qint64 messageId, qint64 userId, const QString& body,
    const QList<qint64>& mentions, qint64 nowMs, qint64 editableSinceMs)
{
    auto target = lockTarget(roomId, messageId, userId);
    if (!target)
        return target.error();
    if (!target->has_value() || (*target)->senderId != userId)
        return ActionOutcome::refused(ActionRefusal::Forbidden);
    if ((*target)->deleted)
        return ActionOutcome::refused(ActionRefusal::Deleted);
    if ((*target)->body == body)
        return unchanged(messageId); // a retried edit
    if (editableSinceMs > 0 && (*target)->ts < editableSinceMs)
        return ActionOutcome::refused(ActionRefusal::EditWindowClosed);
    const qint64 change = (*target)->lastChange + 1;
    auto edited = m_sql->exec(
        QStringLiteral("UPDATE messages SET body = ?, mentions = ?, edited_ts = ?, change_seq = ? WHERE id = ?"),
        { body, messagerows::mentionsColumn(mentions), nowMs, change, messageId });
    if (!edited)
        return edited.error();
    // An indexed message is indexed again at once (edits are few); a newer one is indexed with its new body.
    auto indexedThrough = searchIndexedThrough();
    if (!indexedThrough)
        return indexedThrough.error();
    if (m_dialect->indexesInline() || messageId <= *indexedThrough) {
        if (auto unindexed = unindexForSearch(roomId, (*target)->seq); !unindexed)
            return unindexed.error();
        if (auto indexed = indexForSearch(roomId, (*target)->seq, body); !indexed)
            return indexed.error();
    }
    return recordChange(roomId, messageId, change);
}

StoreDb::Result<ActionOutcome> StoreDb::deleteMessage(qint64 roomId, qint64 messageId, qint64 userId)
{
    auto target = lockTarget(roomId, messageId, userId);
    if (!target)
        return target.error();
    if (!target->has_value() || (*target)->senderId != userId)
        return ActionOutcome::refused(ActionRefusal::Forbidden);
    if ((*target)->deleted)
        return unchanged(messageId);
    if (auto gone = m_sql->exec(QStringLiteral("DELETE FROM reactions WHERE message_id = ?"), { messageId }); !gone)
        return gone.error();
    // Its files go with it; their bytes are reclaimed when nothing else refers to the same content.
    if (auto gone = m_sql->exec(QStringLiteral("DELETE FROM files WHERE message_id = ?"), { messageId }); !gone)
        return gone.error();
    const qint64 change = (*target)->lastChange + 1;
    // The row stays with its seq (seq stays dense); what it said is gone for good. reply_to stays for its quote.
    auto deleted = m_sql->exec(QStringLiteral("UPDATE messages SET body = '', mentions = NULL, reactions = NULL, "
                                              "edited_ts = NULL, deleted = ?, change_seq = ?, attachment_count = 0 WHERE id = ?"),
        { m_dialect->boolValue(true), change, messageId });
    if (!deleted)
        return deleted.error();
    if (auto unindexed = unindexForSearch(roomId, (*target)->seq); !unindexed)
        return unindexed.error();
    return recordChange(roomId, messageId, change);
}

StoreDb::Result<ChangesPage> StoreDb::changesSince(qint64 roomId, qint64 since, int limit)
{
    ChangesPage page;
    {
        // Read before the page: a change committed meanwhile may be in the page but is never above it unseen.
        auto room = m_sql->run(QStringLiteral("SELECT last_change FROM rooms WHERE id = ?"), { roomId });
        if (!room)
            return room.error();
        ScopedFinish finish(*room);
        if ((*room)->next())
            page.lastChange = (*room)->value(0).toLongLong();
    }
    limit = std::clamp(limit, 1, limit::MaxHistoryPage);
    // "change_seq > 0" lets both engines use the partial index whatever `since` is.
    auto rows = messagesWhere(QStringLiteral("WHERE m.room_id = ? AND m.change_seq > 0 AND m.change_seq > ? "
                                             "ORDER BY m.change_seq ASC LIMIT ?"),
        { roomId, since, limit + 1 });
    if (!rows)
        return rows.error();
    page.messages = std::move(*rows);
    page.hasMore = page.messages.size() > limit;
    if (page.hasMore)
        page.messages.removeLast();
    return page;
}

StoreDb::Result<QList<ReceiptRecord>> StoreDb::receipts(qint64 roomId)
{
    auto rows = m_sql->run(
        QStringLiteral("SELECT user_id, last_read_seq FROM room_members WHERE room_id = ? AND last_read_seq > 0"),
        { roomId });
    if (!rows)
        return rows.error();
    ScopedFinish finish(*rows);
    QList<ReceiptRecord> receipts;
    while ((*rows)->next())
        receipts.append({ (*rows)->value(0).toLongLong(), (*rows)->value(1).toLongLong() });
    return receipts;
}

StoreDb::Result<bool> StoreDb::setNotifyLevel(qint64 roomId, qint64 userId, const QString& level)
{
    auto updated
        = m_sql->exec(QStringLiteral("UPDATE room_members SET notify_level = ? WHERE room_id = ? AND user_id = ?"),
            { level, roomId, userId });
    if (!updated)
        return updated.error();
    return *updated > 0;
}

} // namespace chat::server
