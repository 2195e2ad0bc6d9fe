#include "RoomsModel.h"

#include "Protocol.h"
#include "UsersModel.h"

namespace chat::client {

namespace {
qint64 unreadFor(const Room& room)
{
    return std::max<qint64>(0, room.lastSeq - room.lastReadSeq);
}
} // namespace

RoomsModel::RoomsModel(const UsersModel* users, QObject* parent)
    : QAbstractListModel(parent)
    , m_users(users)
{
}

int RoomsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rooms.size());
}

QVariant RoomsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Room& room = m_rooms.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return titleOf(room.id);
    case Qt::ToolTipRole:
        return room.kind == Room::Kind::Group ? tr("%n member(s)", nullptr, int(room.members.size())) : QVariant();
    case Qt::AccessibleTextRole:
        return room.unread > 0 ? tr("%1, %n unread", nullptr, int(room.unread)).arg(titleOf(room.id))
                               : titleOf(room.id);
    case IdRole:
        return room.id;
    case KindRole:
        return room.kind == Room::Kind::Direct ? QString(protocol::roomkind::Direct)
                                               : QString(protocol::roomkind::Group);
    case UnreadRole:
        return room.unread;
    case LastSeqRole:
        return room.lastSeq;
    case MemberCountRole:
        return int(room.members.size());
    case PeerRole:
        return peerOf(room.id);
    case NotifyLevelRole:
        return room.notify;
    case MutedRole:
        return room.notify == protocol::notify::None;
    default:
        return {};
    }
}

QHash<int, QByteArray> RoomsModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "roomId");
    names.insert(KindRole, "kind");
    names.insert(NameRole, "name");
    names.insert(UnreadRole, "unread");
    names.insert(LastSeqRole, "lastSeq");
    names.insert(MemberCountRole, "memberCount");
    names.insert(PeerRole, "peer");
    names.insert(NotifyLevelRole, "notifyLevel");
    names.insert(MutedRole, "muted");
    return names;
}

void RoomsModel::setRooms(const QList<Room>& rooms)
{
    const qint64 before = totalUnread();
    beginResetModel();
    m_rooms = rooms;
    for (Room& room : m_rooms)
        room.unread = unreadFor(room);
    endResetModel();
    for (const Room& room : std::as_const(m_rooms))
        Q_EMIT unreadChanged(room.id, room.unread);
    if (totalUnread() != before)
        Q_EMIT totalUnreadChanged(totalUnread());
}

void RoomsModel::upsert(const RoomUpdate& update)
{
    Room room = update.room;
    const Room* known = this->room(room.id);
    // A membership change says nothing personal: keep the read marker and the notification level we know.
    if (!update.hasReadMarker)
        room.lastReadSeq = known ? known->lastReadSeq : 0;
    if (!update.hasNotifyLevel && known)
        room.notify = known->notify;
    upsert(room);
}

void RoomsModel::upsert(const Room& incoming)
{
    Room room = incoming;
    const int row = rowOf(room.id);
    if (row >= 0) {
        const Room& known = m_rooms.at(row);
        // Notifications can overtake each other: never move seqs backwards.
        room.lastSeq = std::max(room.lastSeq, known.lastSeq);
        room.lastReadSeq = std::max(room.lastReadSeq, known.lastReadSeq);
        room.lastChange = std::max(room.lastChange, known.lastChange);
    }
    room.unread = unreadFor(room);
    if (row < 0) {
        const int at = int(m_rooms.size());
        beginInsertRows({}, at, at);
        m_rooms.append(room);
        endInsertRows();
        changed(-1, 0);
        Q_EMIT unreadChanged(room.id, room.unread);
        Q_EMIT totalUnreadChanged(totalUnread());
        return;
    }
    const qint64 unreadBefore = m_rooms.at(row).unread;
    const bool mutedBefore = m_rooms.at(row).notify == protocol::notify::None;
    m_rooms[row] = room;
    changed(row, unreadBefore);
    if (mutedBefore != (room.notify == protocol::notify::None) && room.unread == unreadBefore && room.unread > 0)
        Q_EMIT totalUnreadChanged(totalUnread()); // muted or unmuted on another device
}

void RoomsModel::remove(qint64 roomId)
{
    const int row = rowOf(roomId);
    if (row < 0)
        return;
    const qint64 unread = m_rooms.at(row).unread;
    beginRemoveRows({}, row, row);
    m_rooms.removeAt(row);
    endRemoveRows();
    if (unread > 0)
        Q_EMIT totalUnreadChanged(totalUnread());
}

void RoomsModel::clear()
{
    beginResetModel();
    m_rooms.clear();
    endResetModel();
    Q_EMIT totalUnreadChanged(0);
}

void RoomsModel::noteMessage(const Message& message, bool mine)
{
    const int row = rowOf(message.roomId);
    if (row < 0)
        return;
    Room& room = m_rooms[row];
    const qint64 unreadBefore = room.unread;
    if (mine && room.lastReadSeq >= room.lastSeq)
        room.lastReadSeq = std::max(room.lastReadSeq, message.seq);
    room.lastSeq = std::max(room.lastSeq, message.seq);
    room.unread = unreadFor(room);
    changed(row, unreadBefore);
}

void RoomsModel::setReadUpTo(qint64 roomId, qint64 seq)
{
    const int row = rowOf(roomId);
    if (row < 0 || m_rooms.at(row).lastReadSeq >= seq)
        return;
    Room& room = m_rooms[row];
    const qint64 unreadBefore = room.unread;
    room.lastReadSeq = seq;
    room.unread = unreadFor(room);
    changed(row, unreadBefore);
}

void RoomsModel::setNotifyLevel(qint64 roomId, const QString& level)
{
    const int row = rowOf(roomId);
    if (row < 0 || m_rooms.at(row).notify == level)
        return;
    const bool wasMuted = m_rooms.at(row).notify == protocol::notify::None;
    m_rooms[row].notify = level;
    Q_EMIT dataChanged(index(row), index(row), { NotifyLevelRole, MutedRole });
    if (wasMuted != (level == protocol::notify::None) && m_rooms.at(row).unread > 0)
        Q_EMIT totalUnreadChanged(totalUnread());
}

void RoomsModel::noteChange(qint64 roomId, qint64 change)
{
    const int row = rowOf(roomId);
    if (row >= 0 && m_rooms.at(row).lastChange < change)
        m_rooms[row].lastChange = change; // nothing shown depends on it: no dataChanged
}

QString RoomsModel::notifyLevelOf(qint64 roomId) const
{
    const Room* found = room(roomId);
    return found ? found->notify : QString(protocol::notify::All);
}

const Room* RoomsModel::room(qint64 roomId) const
{
    const int row = rowOf(roomId);
    return row >= 0 ? &m_rooms.at(row) : nullptr;
}

qint64 RoomsModel::directRoomWith(qint64 userId) const
{
    for (const Room& room : m_rooms) {
        if (room.kind == Room::Kind::Direct && room.members.contains(userId)
            && (room.members.size() == 1 || userId != m_users->me()))
            return room.id;
    }
    return 0;
}

qint64 RoomsModel::peerOf(qint64 roomId) const
{
    const Room* found = room(roomId);
    if (!found || found->kind != Room::Kind::Direct)
        return 0;
    for (qint64 member : found->members) {
        if (member != m_users->me())
            return member;
    }
    return m_users->me();
}

QString RoomsModel::titleOf(qint64 roomId) const
{
    const Room* found = room(roomId);
    if (!found)
        return {};
    if (found->kind == Room::Kind::Group)
        return QLatin1Char('#') + found->name;
    return m_users->nameOf(peerOf(roomId));
}

qint64 RoomsModel::unreadOf(qint64 roomId) const
{
    const Room* found = room(roomId);
    return found ? found->unread : 0;
}

qint64 RoomsModel::totalUnread() const
{
    qint64 total = 0;
    for (const Room& room : m_rooms) {
        if (room.notify != protocol::notify::None)
            total += room.unread;
    }
    return total;
}

QList<qint64> RoomsModel::roomIds() const
{
    QList<qint64> ids;
    for (const Room& room : m_rooms)
        ids.append(room.id);
    return ids;
}

int RoomsModel::rowOf(qint64 roomId) const
{
    for (int row = 0; row < m_rooms.size(); ++row) {
        if (m_rooms.at(row).id == roomId)
            return row;
    }
    return -1;
}

void RoomsModel::changed(int row, qint64 unreadBefore)
{
    if (row < 0)
        return;
    Q_EMIT dataChanged(index(row), index(row));
    const Room& room = m_rooms.at(row);
    if (room.unread != unreadBefore) {
        Q_EMIT unreadChanged(room.id, room.unread);
        Q_EMIT totalUnreadChanged(totalUnread());
    }
}

} // namespace chat::client
