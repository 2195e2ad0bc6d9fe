#pragma once

#include "Protocol.h"
#include "Types.h"

#include <QJsonObject>

namespace chat::client {

// A room as the server describes it in room.updated or a rooms.* result, decoded. room.updated goes to
// every member alike and so may leave out what is personal: the reader's read marker and notification
// level. hasReadMarker and hasNotifyLevel say whether room.lastReadSeq and room.notify are to be believed or
// the known ones kept; they come and go independently (rooms.notify tells the other devices the level alone).
struct RoomUpdate {
    Room room;
    bool hasReadMarker = false;
    bool hasNotifyLevel = false;

    static RoomUpdate fromJson(const QJsonObject& json)
    {
        return RoomUpdate { Room::fromJson(json), json.contains(protocol::key::LastReadSeq),
            json.contains(protocol::key::Notify) };
    }
};

} // namespace chat::client
