#pragma once

#include "StoreDb.h"

#include <QStringList>

namespace chat::server {

struct NewAccount {
    UserRecord user;
    QList<RoomRecord> joinedRooms; // the default rooms, as they are after the join
};

// The one way an account comes to exist (sign-up and `user add` alike): the user row, then membership of
// every default room, creating a room that does not exist yet. Runs inside the caller's transaction;
// any failure fails the whole account.
StoreDb::Result<NewAccount> createAccount(
    StoreDb& db, const QString& username, const QString& passwordHash, const QStringList& defaultRooms, qint64 nowMs);

} // namespace chat::server
