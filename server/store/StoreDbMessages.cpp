// StoreDb: messages, history and read markers.
#include "StoreDb.h"

#include "Limits.h"
#include "MessageRows.h"
#include "Protocol.h"
#include "SqlDialect.h"
#include "SqlStatements.h"

#include <QSqlQuery>

#include <algorithm>

namespace chat::server {

namespace {

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

StoreDb::Result<AppendOutcome> StoreDb::appendMessage(qint64 roomId, qint64 senderId, const QString& body,
    const QString& clientId, qint64 nowMs, const QList<qint64>& mentions, qint64 replyTo,
    const QStringList& attachments)
{
    Message message;
    message.roomId = roomId;
    message.senderId = senderId;
    message.body = body;
    message.ts = nowMs;
    message.clientId = clientId;
    message.mentions = mentions;
    if (replyTo > 0) {
        auto quoted = replyQuote(roomId, replyTo);
        if (!quoted)
            return quoted.error();
        if (!quoted->has_value() || (*quoted)->deleted) {
            // A resend of a reply whose original went meanwhile is still the message stored the first time.
            auto stored = storedDuplicate(roomId, senderId, clientId, false);
            if (!stored || stored->duplicate)
                return stored;
            AppendOutcome refused;
            refused.refusal = quoted->has_value() ? ActionRefusal::Deleted : ActionRefusal::ReplyOutsideRoom;
            return refused;
        }
        message.reply = **quoted;
    }
    if (!attachments.isEmpty()) {
        auto attachable = attachFiles(0, roomId, senderId, attachments, false);
        if (!attachable)
            return attachable.error();
        if (!*attachable) {
            // A resend finds its files attached to the message stored the first time.
            auto stored = storedDuplicate(roomId, senderId, clientId, false);
            if (!stored || stored->duplicate)
                return stored;
            AppendOutcome refused;
            refused.refusal = ActionRefusal::AttachmentInvalid;
            return refused;
        }
    }
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
        // A resent (sender, client_id) inserts nothing: the conflict target is the idempotency index. Plain
        // messages (no mention, no reply: nearly all) keep the statement they had before message actions.
        const bool plain = mentions.isEmpty() && !message.reply && attachments.isEmpty();
        QVariantList values { roomId, message.seq, senderId, textOrEmpty(body), nowMs, textOrNull(clientId) };
        if (!plain)
            values << messagerows::mentionsColumn(mentions) << (message.reply ? QVariant(replyTo) : QVariant())
                   << attachments.size();
        auto inserted = m_sql->run(plain
                ? QStringLiteral("INSERT INTO messages (room_id, seq, sender_id, body, ts, "
                                 "client_id) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT "
                                 "(sender_id, client_id) WHERE client_id IS NOT NULL DO "
                                 "NOTHING RETURNING id")
                : QStringLiteral("INSERT INTO messages (room_id, seq, sender_id, body, ts, "
                                 "client_id, mentions, reply_to, attachment_count) VALUES (?, "
                                 "?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sender_id, client_id) WHERE client_id IS "
                                 "NOT NULL DO NOTHING RETURNING id"),
            values);
        if (!inserted)
            return inserted.error();
        ScopedFinish finish(*inserted);
        if ((*inserted)->next())
            message.id = (*inserted)->value(0).toLongLong();
    }
    if (message.id == 0)
        return storedDuplicate(roomId, senderId, clientId, true);
    if (!attachments.isEmpty()) {
        if (auto attached = attachFiles(message.id, roomId, senderId, attachments, true); !attached)
            return attached.error();
        auto files = filesWhere(QStringLiteral("WHERE message_id = ? ORDER BY position"), { message.id });
        if (!files)
            return files.error();
        for (const FileRecord& file : std::as_const(*files))
            message.attachments.append(file.attachment);
    }
    if (m_dialect->indexesInline()) {
        if (auto indexed = indexForSearch(roomId, message.seq, body); !indexed)
            return indexed.error();
    }
    auto read = m_sql->exec(QStringLiteral("UPDATE room_members SET last_read_seq = ? "
                                           "WHERE room_id = ? AND user_id = ? AND last_read_seq < ?"),
        { message.seq, roomId, senderId, message.seq });
    if (!read)
        return read.error();
    return AppendOutcome { message, false };
}

StoreDb::Result<AppendOutcome> StoreDb::storedDuplicate(
    qint64 roomId, qint64 senderId, const QString& clientId, bool seqTaken)
{
    // The seq taken for the duplicate goes back; the room row is still locked by this transaction.
    if (seqTaken) {
        if (auto undone
            = m_sql->exec(QStringLiteral("UPDATE rooms SET last_seq = last_seq - 1 WHERE id = ?"), { roomId });
            !undone)
            return undone.error();
    }
    auto stored = messagesWhere(QStringLiteral("WHERE m.sender_id = ? AND m.client_id = ?"), { senderId, clientId });
    if (!stored)
        return stored.error();
    if (stored->isEmpty()) {
        if (seqTaken)
            return StoreError::failure(QStringLiteral("a duplicate message vanished"));
        return AppendOutcome {};
    }
    return AppendOutcome { stored->constFirst(), true };
}

StoreDb::Result<std::optional<MessageReply>> StoreDb::replyQuote(qint64 roomId, qint64 messageId)
{
    auto original = m_sql->run(
        QStringLiteral("SELECT seq, sender_id, substr(body, 1, %1), deleted FROM messages WHERE id = ? AND room_id = ?")
            .arg(protocol::ReplyExcerptChars),
        { messageId, roomId });
    if (!original)
        return original.error();
    ScopedFinish finish(*original);
    if (!(*original)->next())
        return std::optional<MessageReply>();
    MessageReply reply;
    reply.id = messageId;
    reply.seq = (*original)->value(0).toLongLong();
    reply.senderId = (*original)->value(1).toLongLong();
    reply.deleted = (*original)->value(3).toBool();
    if (!reply.deleted)
        reply.excerpt = (*original)->value(2).toString();
    return std::optional<MessageReply>(reply);
}

StoreDb::Result<QList<Message>> StoreDb::messagesWhere(const QString& condition, const QVariantList& values)
{
    auto rows = m_sql->run(messagerows::Select + condition, values);
    if (!rows)
        return rows.error();
    ScopedFinish finish(*rows);
    QList<Message> messages;
    QList<qsizetype> withFiles;
    while ((*rows)->next()) {
        if (messagerows::attachmentCount(**rows) > 0)
            withFiles.append(messages.size());
        messages.append(messagerows::from(**rows));
    }
    (*rows)->finish();
    if (!withFiles.isEmpty()) {
        if (auto loaded = loadAttachments(messages, withFiles); !loaded)
            return loaded.error();
    }
    return messages;
}

StoreDb::Result<HistoryPage> StoreDb::history(const HistoryQuery& query)
{
    const int limit = std::clamp(query.limit, 1, limit::MaxHistoryPage);
    if (query.around > 0)
        return historyAround(query.roomId, query.around, limit);
    const bool forward = query.before <= 0 && query.after >= 0;
    Result<QList<Message>> rows = QList<Message>();
    if (query.before > 0) {
        rows = messagesWhere(QStringLiteral("WHERE m.room_id = ? AND m.seq < ? ORDER BY m.seq DESC LIMIT ?"),
            { query.roomId, query.before, limit + 1 });
    } else if (forward) {
        rows = messagesWhere(QStringLiteral("WHERE m.room_id = ? AND m.seq > ? ORDER BY m.seq ASC LIMIT ?"),
            { query.roomId, query.after, limit + 1 });
    } else {
        rows = messagesWhere(
            QStringLiteral("WHERE m.room_id = ? ORDER BY m.seq DESC LIMIT ?"), { query.roomId, limit + 1 });
    }
    if (!rows)
        return rows.error();
    HistoryPage page;
    page.messages = std::move(*rows);
    page.hasMore = page.messages.size() > limit;
    if (page.hasMore)
        page.messages.removeLast();
    if (!forward)
        std::reverse(page.messages.begin(), page.messages.end());
    return page;
}

StoreDb::Result<HistoryPage> StoreDb::historyAround(qint64 roomId, qint64 seq, int limit)
{
    const int below = limit / 2;
    const int above = limit - below;
    auto older = messagesWhere(
        QStringLiteral("WHERE m.room_id = ? AND m.seq < ? ORDER BY m.seq DESC LIMIT ?"), { roomId, seq, below + 1 });
    if (!older)
        return older.error();
    auto newer = messagesWhere(
        QStringLiteral("WHERE m.room_id = ? AND m.seq >= ? ORDER BY m.seq ASC LIMIT ?"), { roomId, seq, above + 1 });
    if (!newer)
        return newer.error();
    HistoryPage page;
    page.hasMore = older->size() > below;
    page.hasNewer = newer->size() > above;
    if (page.hasMore)
        older->removeLast();
    if (page.hasNewer)
        newer->removeLast();
    std::reverse(older->begin(), older->end());
    page.messages = *older + *newer;
    return page;
}

StoreDb::Result<qint64> StoreDb::markRead(qint64 roomId, qint64 userId, qint64 seq, bool* moved)
{
    if (moved)
        *moved = false;
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
    if (moved)
        *moved = *updated > 0;
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
    if (m_dialect->indexesInline()) { // elsewhere the index takes them by id later (indexNewMessages)
        QList<SearchRow> rows;
        rows.reserve(bodies.size());
        for (qsizetype i = 0; i < bodies.size(); ++i)
            rows.append(SearchRow { roomId, lastSeq + 1 + i, bodies.at(i), false });
        if (auto indexed = writeSearchRows(std::move(rows), false); !indexed)
            return indexed.error();
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
