#pragma once

#include "store/StoreTypes.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace chat::server {

// The socket thread's picture of who exists and who belongs where, loaded from the store at start and
// updated after every committed change. Membership checks and fan-out read it without touching the store.
class Directory {
public:
    struct Entry {
        qint64 id = 0;
        QString username;
        bool disabled = false;
    };

    void load(const QList<UserRecord>& users, const QList<RoomRecord>& rooms);

    void addUser(const UserRecord& user);
    void setDisabled(qint64 userId, bool disabled);
    const Entry* user(qint64 userId) const;
    std::optional<qint64> userIdByName(const QString& username) const; // case-insensitive
    QList<Entry> users() const; // ordered by id

    void putRoom(const RoomRecord& room); // insert or replace
    const RoomRecord* room(qint64 roomId) const;
    bool isMember(qint64 roomId, qint64 userId) const;
    QList<qint64> roomsOf(qint64 userId) const;
    QList<qint64> groupRooms() const; // ordered by id
    void addMember(qint64 roomId, qint64 userId);
    void removeMember(qint64 roomId, qint64 userId);
    void advanceSeq(qint64 roomId, qint64 seq);
    void advanceChange(qint64 roomId, qint64 change);

private:
    QHash<qint64, Entry> m_users;
    QHash<QString, qint64> m_userIdsByKey;
    QHash<qint64, RoomRecord> m_rooms;
    QHash<qint64, QSet<qint64>> m_roomsByUser;
};

} // namespace chat::server
