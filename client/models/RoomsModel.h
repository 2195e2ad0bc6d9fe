#pragma once

#include "RoomUpdate.h"
#include "Types.h"

#include <QAbstractListModel>

namespace chat::client {

class UsersModel;

// The rooms the user belongs to, direct and group, with their last seq, read marker and unread count.
class RoomsModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        KindRole,
        NameRole,
        UnreadRole,
        LastSeqRole,
        MemberCountRole,
        PeerRole,
        NotifyLevelRole, // "all", "mentions" or "none" (rooms.notify)
        MutedRole, // bool: level "none"; not counted in totalUnread(), shown dimmed
    };

    explicit RoomsModel(const UsersModel* users, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setRooms(const QList<Room>& rooms);
    void upsert(const RoomUpdate& update); // without a read marker, the known one stays
    void upsert(const Room& room);
    void remove(qint64 roomId);
    void clear();

    // A message was stored in the room: moves last seq; my own message counts as read.
    void noteMessage(const Message& message, bool mine);
    void setReadUpTo(qint64 roomId, qint64 seq);
    void setNotifyLevel(qint64 roomId, const QString& level);
    // A message of the room changed (message.changed): its last_change is at least `change`.
    void noteChange(qint64 roomId, qint64 change);

    const Room* room(qint64 roomId) const;
    qint64 directRoomWith(qint64 userId) const; // 0 when none is known
    qint64 peerOf(qint64 roomId) const; // the other member of a direct room
    QString titleOf(qint64 roomId) const;
    qint64 unreadOf(qint64 roomId) const;
    qint64 totalUnread() const; // over the rooms that are not muted
    QString notifyLevelOf(qint64 roomId) const; // "all" for a room not known
    QList<qint64> roomIds() const;

Q_SIGNALS:
    void unreadChanged(qint64 roomId, qint64 unread);
    void totalUnreadChanged(qint64 total);

private:
    int rowOf(qint64 roomId) const;
    void changed(int row, qint64 unreadBefore);

    const UsersModel* m_users;
    QList<Room> m_rooms;
};

} // namespace chat::client
