#include "Types.h"

#include "Protocol.h"

#include <QJsonArray>

namespace chat {

namespace key = protocol::key;

namespace {
qint64 int64Of(const QJsonObject& json, QLatin1String name)
{
    return json.value(name).toInteger();
}
} // namespace

QJsonObject User::toJson() const
{
    return QJsonObject { { key::Id, id }, { key::Username, username }, { key::Online, online } };
}

User User::fromJson(const QJsonObject& json)
{
    return User { int64Of(json, key::Id), json.value(key::Username).toString(), json.value(key::Online).toBool() };
}

QJsonObject Room::toJson() const
{
    QJsonArray memberArray;
    for (qint64 member : members)
        memberArray.append(member);
    QJsonObject json {
        { key::Id, id },
        { key::Kind, kind == Kind::Direct ? protocol::roomkind::Direct : protocol::roomkind::Group },
        { key::Members, memberArray },
        { key::LastSeq, lastSeq },
        { key::LastReadSeq, lastReadSeq },
        { key::Unread, unread },
    };
    if (kind == Kind::Group)
        json.insert(key::Name, name);
    return json;
}

Room Room::fromJson(const QJsonObject& json)
{
    Room room;
    room.id = int64Of(json, key::Id);
    room.kind = json.value(key::Kind).toString() == protocol::roomkind::Direct ? Kind::Direct : Kind::Group;
    room.name = json.value(key::Name).toString();
    const QJsonArray memberArray = json.value(key::Members).toArray();
    for (const QJsonValue& member : memberArray)
        room.members.append(member.toInteger());
    room.lastSeq = int64Of(json, key::LastSeq);
    room.lastReadSeq = int64Of(json, key::LastReadSeq);
    room.unread = int64Of(json, key::Unread);
    return room;
}

QJsonObject PublicRoom::toJson() const
{
    return QJsonObject { { key::Id, id }, { key::Name, name }, { key::MemberCount, memberCount } };
}

PublicRoom PublicRoom::fromJson(const QJsonObject& json)
{
    return PublicRoom { int64Of(json, key::Id), json.value(key::Name).toString(), int64Of(json, key::MemberCount) };
}

QJsonObject Message::toJson() const
{
    return QJsonObject {
        { key::Id, id },
        { key::RoomId, roomId },
        { key::Seq, seq },
        { key::SenderId, senderId },
        { key::Body, body },
        { key::Ts, ts },
        { key::ClientId, clientId },
    };
}

Message Message::fromJson(const QJsonObject& json)
{
    return Message {
        int64Of(json, key::Id),
        int64Of(json, key::RoomId),
        int64Of(json, key::Seq),
        int64Of(json, key::SenderId),
        json.value(key::Body).toString(),
        int64Of(json, key::Ts),
        json.value(key::ClientId).toString(),
    };
}

} // namespace chat
