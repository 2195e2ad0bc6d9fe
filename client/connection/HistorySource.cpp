#include "HistorySource.h"

#include "Protocol.h"

namespace chat::client {

QJsonObject HistoryQuery::toJson() const
{
    namespace key = protocol::key;
    QJsonObject json { { key::RoomId, roomId }, { key::Limit, limit } };
    if (before)
        json.insert(key::Before, *before);
    if (after)
        json.insert(key::After, *after);
    if (around)
        json.insert(key::Around, *around);
    return json;
}

} // namespace chat::client
