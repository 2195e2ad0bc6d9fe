#include "Directory.h"

#include "Validation.h"

#include <algorithm>

namespace chat::server {

void Directory::load(const QList<UserRecord>& users, const QList<RoomRecord>& rooms)
{
    m_users.clear();
    m_userIdsByKey.clear();
    m_rooms.clear();
    m_roomsByUser.clear();
    for (const UserRecord& user : users)
        addUser(user);
    for (const RoomRecord& room : rooms)
        putRoom(room);
}

void Directory::addUser(const UserRecord& user)
{
    m_users.insert(user.id, Entry { user.id, user.username, user.disabled });
    m_userIdsByKey.insert(validation::usernameKey(user.username), user.id);
}

void Directory::setDisabled(qint64 userId, bool disabled)
{
    auto it = m_users.find(userId);
    if (it != m_users.end())
        it->disabled = disabled;
}

const Directory::Entry* Directory::user(qint64 userId) const
{
    auto it = m_users.constFind(userId);
    return it == m_users.constEnd() ? nullptr : &it.value();
}

std::optional<qint64> Directory::userIdByName(const QString& username) const
{
    auto it = m_userIdsByKey.constFind(validation::usernameKey(username));
    if (it == m_userIdsByKey.constEnd())
        return std::nullopt;
    return it.value();
}

QList<Directory::Entry> Directory::users() const
{
    QList<Entry> list = m_users.values();
    std::sort(list.begin(), list.end(), [](const Entry& a, const Entry& b) { return a.id < b.id; });
    return list;
}

void Directory::putRoom(const RoomRecord& room)
{
    if (const RoomRecord* old = this->room(room.id)) {
        for (qint64 member : old->members)
            m_roomsByUser[member].remove(room.id);
    }
    m_rooms.insert(room.id, room);
    for (qint64 member : room.members)
        m_roomsByUser[member].insert(room.id);
}

const RoomRecord* Directory::room(qint64 roomId) const
{
    auto it = m_rooms.constFind(roomId);
    return it == m_rooms.constEnd() ? nullptr : &it.value();
}

bool Directory::isMember(qint64 roomId, qint64 userId) const
{
    auto it = m_roomsByUser.constFind(userId);
    return it != m_roomsByUser.constEnd() && it->contains(roomId);
}

QList<qint64> Directory::roomsOf(qint64 userId) const
{
    QList<qint64> ids = m_roomsByUser.value(userId).values();
    std::sort(ids.begin(), ids.end());
    return ids;
}

QList<qint64> Directory::groupRooms() const
{
    QList<qint64> ids;
    for (const RoomRecord& room : m_rooms) {
        if (room.kind == Room::Kind::Group)
            ids.append(room.id);
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

void Directory::addMember(qint64 roomId, qint64 userId)
{
    auto it = m_rooms.find(roomId);
    if (it == m_rooms.end() || it->members.contains(userId))
        return;
    it->members.append(userId);
    m_roomsByUser[userId].insert(roomId);
}

void Directory::removeMember(qint64 roomId, qint64 userId)
{
    auto it = m_rooms.find(roomId);
    if (it == m_rooms.end())
        return;
    it->members.removeAll(userId);
    m_roomsByUser[userId].remove(roomId);
}

void Directory::advanceSeq(qint64 roomId, qint64 seq)
{
    auto it = m_rooms.find(roomId);
    if (it != m_rooms.end() && seq > it->lastSeq)
        it->lastSeq = seq;
}

void Directory::advanceChange(qint64 roomId, qint64 change)
{
    auto it = m_rooms.find(roomId);
    if (it != m_rooms.end() && change > it->lastChange)
        it->lastChange = change;
}

} // namespace chat::server
