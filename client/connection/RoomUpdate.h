#pragma once

#include "Protocol.h"
#include "Types.h"

#include <QJsonObject>

namespace chat::client {

// A room as the server describes it in room.updated or a rooms.* result, decoded. room.updated goes to
// every member alike and so may leave out the reader's own read marker: hasReadMarker says whether
// room.lastReadSeq is to be believed or the known one kept.
struct RoomUpdate {
    Room room;
    bool hasReadMarker = false;

    static RoomUpdate fromJson(const QJsonObject& json)
    {
        return RoomUpdate { Room::fromJson(json), json.contains(protocol::key::LastReadSeq) };
    }
};

} // namespace chat::client
