// StoreDb: events that admin commands leave for running servers.
#include "StoreDb.h"

#include "SqlStatements.h"

#include <QSqlQuery>

namespace chat::server {

StoreDb::Result<qint64> StoreDb::recordAdminEvent(QLatin1String kind, qint64 userId, qint64 nowMs)
{
    auto query
        = m_sql->run(QStringLiteral("INSERT INTO events (kind, user_id, created_at) VALUES (?, ?, ?) RETURNING id"),
            { QString(kind), userId, nowMs });
    if (!query)
        return query.error();
    ScopedFinish finish(*query);
    return (*query)->next() ? (*query)->value(0).toLongLong() : 0;
}

StoreDb::Result<QList<AdminEvent>> StoreDb::adminEventsAfter(qint64 id, int limit)
{
    auto query = m_sql->run(
        QStringLiteral("SELECT id, kind, user_id, created_at FROM events WHERE id > ? ORDER BY id LIMIT ?"),
        { id, limit });
    if (!query)
        return query.error();
    ScopedFinish finish(*query);
    QList<AdminEvent> events;
    while ((*query)->next()) {
        events.append({ (*query)->value(0).toLongLong(), (*query)->value(1).toString(), (*query)->value(2).toLongLong(),
            (*query)->value(3).toLongLong() });
    }
    return events;
}

StoreDb::Result<qint64> StoreDb::lastAdminEventId()
{
    auto query = m_sql->run(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM events"));
    if (!query)
        return query.error();
    ScopedFinish finish(*query);
    return (*query)->next() ? (*query)->value(0).toLongLong() : 0;
}

StoreDb::Result<int> StoreDb::deleteAdminEventsBefore(qint64 createdBeforeMs)
{
    return m_sql->exec(QStringLiteral("DELETE FROM events WHERE created_at < ?"), { createdBeforeMs });
}

StoreDb::Result<QList<RoomRecord>> StoreDb::roomsOf(qint64 userId)
{
    auto memberships = membershipsOf(userId);
    if (!memberships)
        return memberships.error();
    QList<RoomRecord> rooms;
    for (const MembershipRecord& membership : std::as_const(*memberships)) {
        auto room = roomWhere(QStringLiteral("id = ?"), membership.roomId);
        if (!room)
            return room.error();
        if (room->has_value())
            rooms.append(**room);
    }
    return rooms;
}

} // namespace chat::server
