#pragma once

#include "TestClient.h"

#include <QJsonObject>
#include <QList>

namespace chat::test {

// The id of the first room rooms.list names (a new user's default room); 0 if the call failed.
qint64 firstRoomId(TestClient& client);

// Every message of a room, oldest first, page by page over the wire; empty if a page failed.
QList<QJsonObject> wholeRoomHistory(TestClient& client, qint64 roomId);

} // namespace chat::test
