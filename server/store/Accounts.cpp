#include "Accounts.h"

namespace chat::server {

StoreDb::Result<NewAccount> createAccount(
    StoreDb& db, const QString& username, const QString& passwordHash, const QStringList& defaultRooms, qint64 nowMs)
{
    auto user = db.createUser(username, passwordHash, nowMs);
    if (!user)
        return user.error();
    NewAccount account { *user, {} };
    for (const QString& name : defaultRooms) {
        auto existing = db.groupRoomByName(name);
        if (!existing)
            return existing.error();
        if (!existing->has_value()) {
            auto created = db.createGroupRoom(name, user->id, nowMs);
            if (!created)
                return created.error();
            account.joinedRooms.append(*created);
            continue;
        }
        RoomRecord room = **existing;
        if (auto added = db.addMember(room.id, user->id, nowMs); !added)
            return added.error();
        if (!room.members.contains(user->id))
            room.members.append(user->id);
        account.joinedRooms.append(room);
    }
    return account;
}

} // namespace chat::server
