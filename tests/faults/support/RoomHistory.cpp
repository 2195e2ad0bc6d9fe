#include "RoomHistory.h"

#include "Protocol.h"

#include <QJsonArray>

namespace chat::test {

namespace key = protocol::key;

qint64 firstRoomId(TestClient& client)
{
    const Reply listed = client.call(protocol::method::RoomsList);
    return listed.result.value(key::Rooms).toArray().first().toObject().value(key::Id).toInteger();
}

QList<QJsonObject> wholeRoomHistory(TestClient& client, qint64 roomId)
{
    QList<QJsonObject> all;
    qint64 after = 0;
    while (true) {
        const Reply page = client.call(
            protocol::method::MessagesHistory, { { key::RoomId, roomId }, { key::After, after }, { key::Limit, 200 } });
        if (!page.ok())
            return {};
        const QJsonArray messages = page.result.value(key::Messages).toArray();
        for (const QJsonValue& message : messages) {
            all.append(message.toObject());
            after = message.toObject().value(key::Seq).toInteger();
        }
        if (!page.result.value(key::HasMore).toBool() || messages.isEmpty())
            return all;
    }
}

} // namespace chat::test
