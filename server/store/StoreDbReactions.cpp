// StoreDb: reactions. The reactions table holds the rules (one of each emoji per user per message);
// messages.reactions is its summary, rebuilt in the same transaction, so that history reads no other table.
#include "StoreDb.h"

#include "MessageRows.h"
#include "SqlStatements.h"

#include <QSqlQuery>

#include <algorithm>

namespace chat::server {

StoreDb::Result<QList<Reaction>> StoreDb::reactionsOf(qint64 messageId)
{
    // Change numbers grow, so this is the order of reacting: emoji by their first use, users by their turn.
    auto rows = m_sql->run(
        QStringLiteral("SELECT emoji, user_id FROM reactions WHERE message_id = ? ORDER BY change_seq"), { messageId });
    if (!rows)
        return rows.error();
    ScopedFinish finish(*rows);
    QList<Reaction> reactions;
    while ((*rows)->next()) {
        const QString emoji = (*rows)->value(0).toString();
        auto same = std::find_if(
            reactions.begin(), reactions.end(), [&emoji](const Reaction& reaction) { return reaction.emoji == emoji; });
        if (same == reactions.end())
            reactions.append(Reaction { emoji, { (*rows)->value(1).toLongLong() } });
        else
            same->users.append((*rows)->value(1).toLongLong());
    }
    return reactions;
}

StoreDb::Result<ActionOutcome> StoreDb::storeReactions(qint64 roomId, qint64 messageId, qint64 change)
{
    auto reactions = reactionsOf(messageId);
    if (!reactions)
        return reactions.error();
    auto stored = m_sql->exec(QStringLiteral("UPDATE messages SET reactions = ?, change_seq = ? WHERE id = ?"),
        { messagerows::reactionsColumn(*reactions), change, messageId });
    if (!stored)
        return stored.error();
    return recordChange(roomId, messageId, change);
}

StoreDb::Result<ActionOutcome> StoreDb::addReaction(
    qint64 roomId, qint64 messageId, qint64 userId, const QString& emoji, int maxEmojiPerMessage)
{
    auto target = lockTarget(roomId, messageId, userId);
    if (!target)
        return target.error();
    if (!target->has_value())
        return ActionOutcome::refused(ActionRefusal::Forbidden);
    if ((*target)->deleted)
        return ActionOutcome::refused(ActionRefusal::Deleted);
    auto reactions = reactionsOf(messageId);
    if (!reactions)
        return reactions.error();
    auto same = std::find_if(
        reactions->cbegin(), reactions->cend(), [&emoji](const Reaction& reaction) { return reaction.emoji == emoji; });
    if (same != reactions->cend() && same->users.contains(userId))
        return unchanged(messageId);
    if (same == reactions->cend() && reactions->size() >= maxEmojiPerMessage)
        return ActionOutcome::refused(ActionRefusal::LimitReached);
    const qint64 change = (*target)->lastChange + 1;
    auto inserted = m_sql->exec(
        QStringLiteral("INSERT INTO reactions (message_id, emoji, user_id, change_seq) VALUES (?, ?, ?, ?)"),
        { messageId, emoji, userId, change });
    if (!inserted)
        return inserted.error();
    return storeReactions(roomId, messageId, change);
}

StoreDb::Result<ActionOutcome> StoreDb::removeReaction(
    qint64 roomId, qint64 messageId, qint64 userId, const QString& emoji)
{
    auto target = lockTarget(roomId, messageId, userId);
    if (!target)
        return target.error();
    if (!target->has_value())
        return ActionOutcome::refused(ActionRefusal::Forbidden);
    auto removed
        = m_sql->exec(QStringLiteral("DELETE FROM reactions WHERE message_id = ? AND emoji = ? AND user_id = ?"),
            { messageId, emoji, userId });
    if (!removed)
        return removed.error();
    if (*removed == 0)
        return unchanged(messageId); // not there: nothing to take back (a tombstone has no reactions at all)
    return storeReactions(roomId, messageId, (*target)->lastChange + 1);
}

} // namespace chat::server
