#include "RoomView.h"

#include "Protocol.h"

#include <algorithm>

namespace chat::server {

QJsonObject roomView(const RoomRecord& record, qint64 lastReadSeq, const QString& notifyLevel)
{
    Room room;
    room.id = record.id;
    room.kind = record.kind;
    room.name = record.name;
    room.members = record.members;
    room.lastSeq = record.lastSeq;
    room.lastReadSeq = std::max<qint64>(0, lastReadSeq);
    room.unread = std::max<qint64>(0, record.lastSeq - room.lastReadSeq);
    room.lastChange = record.lastChange;
    room.notify = notifyLevel;
    QJsonObject json = room.toJson();
    if (notifyLevel.isEmpty())
        json.remove(protocol::key::Notify);
    if (lastReadSeq < 0) {
        json.remove(protocol::key::LastReadSeq);
        json.remove(protocol::key::Unread);
    }
    return json;
}

} // namespace chat::server
