// StoreDb: rooms and membership.
#include "StoreDb.h"

#include "SqlDialect.h"
#include "SqlStatements.h"

#include <QHash>
#include <QSqlQuery>

#include <algorithm>

namespace chat::server {

namespace {

const QString Direct = QStringLiteral("direct");
const QString Group = QStringLiteral("group");

QString nameKeyOf(const QString& name)
{
    return name.toCaseFolded();
}

QString directKeyOf(qint64 a, qint64 b)
{
    return QString::number(std::min(a, b)) + QLatin1Char(':') + QString::number(std::max(a, b));
}

RoomRecord roomFrom(const QSqlQuery& q)
{
    RoomRecord room;
    room.id = q.value(0).toLongLong();
    room.kind = q.value(1).toString() == Direct ? Room::Kind::Direct : Room::Kind::Group;
    room.name = q.value(2).toString();
    room.lastSeq = q.value(3).toLongLong();
    room.lastChange = q.value(4).toLongLong();
    return room;
}

} // namespace

StoreDb::Result<QList<RoomRecord>> StoreDb::allRooms()
{
    QList<RoomRecord> rooms;
    QHash<qint64, qsizetype> indexById;
    {
        auto query = m_sql->run(QStringLiteral("SELECT id, kind, name, last_seq, last_change FROM rooms ORDER BY id"));
        if (!query)
            return query.error();
        ScopedFinish finish(*query);
        while ((*query)->next()) {
            rooms.append(roomFrom(**query));
            indexById.insert(rooms.constLast().id, rooms.size() - 1);
        }
    }
    auto members = m_sql->run(QStringLiteral("SELECT room_id, user_id FROM room_members ORDER BY room_id, user_id"));
    if (!members)
        return members.error();
    ScopedFinish finish(*members);
    while ((*members)->next()) {
        const auto index = indexById.constFind((*members)->value(0).toLongLong());
        if (index != indexById.constEnd())
            rooms[*index].members.append((*members)->value(1).toLongLong());
    }
    return rooms;
}

StoreDb::Result<std::optional<RoomRecord>> StoreDb::roomWhere(const QString& condition, const QVariant& value)
{
    std::optional<RoomRecord> room;
    {
        auto query = m_sql->run(
            QStringLiteral("SELECT id, kind, name, last_seq, last_change FROM rooms WHERE ") + condition, { value });
        if (!query)
            return query.error();
        ScopedFinish finish(*query);
        if (!(*query)->next())
            return room;
        room = roomFrom(**query);
    }
    auto members = m_sql->run(
        QStringLiteral("SELECT user_id FROM room_members WHERE room_id = ? ORDER BY user_id"), { room->id });
    if (!members)
        return members.error();
    ScopedFinish finish(*members);
    while ((*members)->next())
        room->members.append((*members)->value(0).toLongLong());
    return room;
}

StoreDb::Result<bool> StoreDb::insertMember(qint64 roomId, qint64 userId, qint64 lastReadSeq, qint64 nowMs)
{
    auto inserted = m_sql->exec(m_dialect->insertIgnoring(QStringLiteral("room_members"),
                                    { QStringLiteral("room_id"), QStringLiteral("user_id"),
                                        QStringLiteral("last_read_seq"), QStringLiteral("joined_at") }),
        { roomId, userId, lastReadSeq, nowMs });
    if (!inserted)
        return inserted.error();
    return *inserted > 0;
}

StoreDb::Result<RoomRecord> StoreDb::createGroupRoom(const QString& name, qint64 creatorId, qint64 nowMs)
{
    qint64 roomId = 0;
    {
        const QString sql = m_dialect->insertIgnoring(QStringLiteral("rooms"),
                                { QStringLiteral("kind"), QStringLiteral("name"), QStringLiteral("name_key"),
                                    QStringLiteral("created_by"), QStringLiteral("created_at") })
            + QStringLiteral(" RETURNING id");
        auto query = m_sql->run(sql, { Group, name, nameKeyOf(name), creatorId, nowMs });
        if (!query)
            return query.error();
        ScopedFinish finish(*query);
        if (!(*query)->next())
            return StoreError::conflict(QStringLiteral("a room with that name exists"));
        roomId = (*query)->value(0).toLongLong();
    }
    if (auto added = insertMember(roomId, creatorId, 0, nowMs); !added)
        return added.error();
    RoomRecord room;
    room.id = roomId;
    room.kind = Room::Kind::Group;
    room.name = name;
    room.members = { creatorId };
    return room;
}

StoreDb::Result<std::optional<RoomRecord>> StoreDb::groupRoomByName(const QString& name)
{
    return roomWhere(QStringLiteral("name_key = ? AND kind = 'group'"), nameKeyOf(name));
}

StoreDb::Result<RoomRecord> StoreDb::directRoom(qint64 userA, qint64 userB, qint64 nowMs)
{
    {
        auto users = m_sql->run(QStringLiteral("SELECT COUNT(*) FROM users WHERE id IN (?, ?)"), { userA, userB });
        if (!users)
            return users.error();
        ScopedFinish finish(*users);
        const int expected = userA == userB ? 1 : 2;
        if (!(*users)->next() || (*users)->value(0).toInt() != expected)
            return StoreError::notFound(QStringLiteral("no such user"));
    }
    const QString key = directKeyOf(userA, userB);
    auto inserted = m_sql->exec(m_dialect->insertIgnoring(QStringLiteral("rooms"),
                                    { QStringLiteral("kind"), QStringLiteral("direct_key"),
                                        QStringLiteral("created_by"), QStringLiteral("created_at") }),
        { Direct, key, userA, nowMs });
    if (!inserted)
        return inserted.error();
    auto found = roomWhere(QStringLiteral("direct_key = ?"), key);
    if (!found)
        return found.error();
    if (!found->has_value())
        return StoreError::failure(QStringLiteral("the direct room vanished after its creation"));
    RoomRecord room = **found;
    for (qint64 user : { userA, userB }) {
        if (room.members.contains(user))
            continue;
        if (auto added = insertMember(room.id, user, 0, nowMs); !added)
            return added.error();
        room.members.append(user);
    }
    std::sort(room.members.begin(), room.members.end());
    return room;
}

StoreDb::Result<qint64> StoreDb::addMember(qint64 roomId, qint64 userId, qint64 nowMs)
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
    {
        auto user = m_sql->run(QStringLiteral("SELECT 1 FROM users WHERE id = ?"), { userId });
        if (!user)
            return user.error();
        ScopedFinish finish(*user);
        if (!(*user)->next())
            return StoreError::notFound(QStringLiteral("no user %1").arg(userId));
    }
    // A newcomer starts with the room read: its history is there to scroll, not a pile of unread messages.
    auto inserted = insertMember(roomId, userId, lastSeq, nowMs);
    if (!inserted)
        return inserted.error();
    if (*inserted)
        return lastSeq;
    auto member = m_sql->run(
        QStringLiteral("SELECT last_read_seq FROM room_members WHERE room_id = ? AND user_id = ?"), { roomId, userId });
    if (!member)
        return member.error();
    ScopedFinish finish(*member);
    return (*member)->next() ? (*member)->value(0).toLongLong() : lastSeq;
}

StoreDb::Result<bool> StoreDb::removeMember(qint64 roomId, qint64 userId)
{
    auto deleted
        = m_sql->exec(QStringLiteral("DELETE FROM room_members WHERE room_id = ? AND user_id = ?"), { roomId, userId });
    if (!deleted)
        return deleted.error();
    return *deleted > 0;
}

StoreDb::Result<QList<MembershipRecord>> StoreDb::membershipsOf(qint64 userId)
{
    auto query = m_sql->run(QStringLiteral("SELECT room_id, last_read_seq, notify_level FROM room_members "
                                           "WHERE user_id = ? ORDER BY room_id"),
        { userId });
    if (!query)
        return query.error();
    ScopedFinish finish(*query);
    QList<MembershipRecord> memberships;
    while ((*query)->next())
        memberships.append(
            { (*query)->value(0).toLongLong(), (*query)->value(1).toLongLong(), (*query)->value(2).toString() });
    return memberships;
}

} // namespace chat::server
