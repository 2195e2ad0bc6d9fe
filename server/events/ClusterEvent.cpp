#include "ClusterEvent.h"

#include "Protocol.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace chat::server {

namespace key = protocol::key;

namespace {

// Wire names of the kinds between nodes; stable across versions so that nodes of two releases can talk.
const QList<QPair<ClusterEvent::Kind, QLatin1String>>& kindNames()
{
    using K = ClusterEvent::Kind;
    static const QList<QPair<K, QLatin1String>> names {
        { K::MessageCommitted, QLatin1String("message") },
        { K::RoomChanged, QLatin1String("room") },
        { K::UserAdded, QLatin1String("user.added") },
        { K::UserChanged, QLatin1String("user.changed") },
        { K::SessionsRevoked, QLatin1String("sessions.revoked") },
        { K::Presence, QLatin1String("presence") },
        { K::PresenceSnapshot, QLatin1String("presence.snapshot") },
        { K::NodeDown, QLatin1String("node.down") },
        { K::Typing, QLatin1String("typing") },
        { K::ReadMarker, QLatin1String("read") },
        { K::CatchUpRequest, QLatin1String("catch_up") },
        { K::LoginFailed, QLatin1String("login.failed") },
        { K::LoginSucceeded, QLatin1String("login.succeeded") },
        { K::SignupAttempt, QLatin1String("signup") },
        { K::MessageChanged, QLatin1String("message.changed") },
        { K::NotifyLevel, QLatin1String("notify") },
    };
    return names;
}

const QLatin1String KindKey("k");
const QLatin1String BodyKey("b");
const QLatin1String OriginKey("o");
const QLatin1String PublishedKey("t");

ClusterEvent make(ClusterEvent::Kind kind, QJsonObject body)
{
    ClusterEvent event;
    event.kind = kind;
    event.body = std::move(body);
    return event;
}

QJsonArray idsJson(const QList<qint64>& ids)
{
    QJsonArray array;
    for (qint64 id : ids)
        array.append(id);
    return array;
}

} // namespace

QByteArray ClusterEvent::encode() const
{
    QLatin1String name;
    for (const auto& [k, n] : kindNames()) {
        if (k == kind)
            name = n;
    }
    const QJsonObject json {
        { KindKey, name },
        { BodyKey, body },
        { OriginKey, origin },
        { PublishedKey, publishedAtMs },
    };
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

std::optional<ClusterEvent> ClusterEvent::decode(const QByteArray& bytes)
{
    const QJsonObject json = QJsonDocument::fromJson(bytes).object();
    const QString name = json.value(KindKey).toString();
    for (const auto& [k, n] : kindNames()) {
        if (name == n) {
            ClusterEvent event = make(k, json.value(BodyKey).toObject());
            event.origin = json.value(OriginKey).toString();
            event.publishedAtMs = json.value(PublishedKey).toInteger();
            return event;
        }
    }
    return std::nullopt;
}

namespace events {

QJsonObject roomRecordJson(const RoomRecord& room)
{
    return {
        { key::Id, room.id },
        { key::Kind, room.kind == Room::Kind::Direct ? protocol::roomkind::Direct : protocol::roomkind::Group },
        { key::Name, room.name },
        { key::LastSeq, room.lastSeq },
        { key::LastChange, room.lastChange },
        { key::Members, idsJson(room.members) },
    };
}

RoomRecord roomRecordFrom(const QJsonObject& json)
{
    RoomRecord room;
    room.id = json.value(key::Id).toInteger();
    room.kind = json.value(key::Kind).toString() == protocol::roomkind::Direct ? Room::Kind::Direct : Room::Kind::Group;
    room.name = json.value(key::Name).toString();
    room.lastSeq = json.value(key::LastSeq).toInteger();
    room.lastChange = json.value(key::LastChange).toInteger();
    room.members = idsFrom(json.value(key::Members));
    return room;
}

UserRecord userRecordFrom(const QJsonObject& json)
{
    UserRecord user;
    user.id = json.value(key::Id).toInteger();
    user.username = json.value(key::Username).toString();
    user.disabled = json.value(field::Disabled).toBool();
    return user;
}

QList<qint64> idsFrom(const QJsonValue& array)
{
    QList<qint64> ids;
    for (const QJsonValue& id : array.toArray())
        ids.append(id.toInteger());
    return ids;
}

ClusterEvent messageCommitted(const Message& message)
{
    return make(ClusterEvent::Kind::MessageCommitted, { { key::MessageObj, message.toJson() } });
}

ClusterEvent roomChanged(const RoomRecord& room, const QList<qint64>& alsoTell)
{
    QJsonObject body { { key::Room, roomRecordJson(room) } };
    if (!alsoTell.isEmpty())
        body.insert(field::AlsoTell, idsJson(alsoTell));
    return make(ClusterEvent::Kind::RoomChanged, body);
}

ClusterEvent memberJoined(const RoomRecord& room, qint64 userId)
{
    ClusterEvent event = roomChanged(room);
    event.body.insert(field::Joined, userId);
    return event;
}

ClusterEvent memberLeft(const RoomRecord& room, qint64 userId)
{
    ClusterEvent event = roomChanged(room, { userId });
    event.body.insert(field::Left, userId);
    return event;
}

static QJsonObject userBody(const UserRecord& user)
{
    return { { key::User,
        QJsonObject { { key::Id, user.id }, { key::Username, user.username }, { field::Disabled, user.disabled } } } };
}

ClusterEvent userAdded(const UserRecord& user)
{
    return make(ClusterEvent::Kind::UserAdded, userBody(user));
}

ClusterEvent userChanged(const UserRecord& user)
{
    return make(ClusterEvent::Kind::UserChanged, userBody(user));
}

ClusterEvent sessionsRevoked(qint64 userId, QLatin1String reason)
{
    return make(ClusterEvent::Kind::SessionsRevoked, { { key::UserId, userId }, { field::Reason, reason } });
}

ClusterEvent presence(const QString& node, qint64 userId, bool online)
{
    return make(
        ClusterEvent::Kind::Presence, { { field::Node, node }, { key::UserId, userId }, { key::Online, online } });
}

ClusterEvent presenceSnapshot(const QString& node, const QList<qint64>& users)
{
    return make(ClusterEvent::Kind::PresenceSnapshot, { { field::Node, node }, { key::Users, idsJson(users) } });
}

ClusterEvent nodeDown(const QString& node)
{
    return make(ClusterEvent::Kind::NodeDown, { { field::Node, node } });
}

ClusterEvent typing(qint64 roomId, qint64 userId)
{
    return make(ClusterEvent::Kind::Typing, { { key::RoomId, roomId }, { key::UserId, userId } });
}

ClusterEvent readMarker(qint64 roomId, qint64 userId, qint64 seq, quint64 connectionId, bool moved)
{
    return make(ClusterEvent::Kind::ReadMarker,
        { { key::RoomId, roomId }, { key::UserId, userId }, { key::Seq, seq },
            { field::Connection, QString::number(connectionId) }, { field::Moved, moved } });
}

ClusterEvent messageChanged(const Message& message)
{
    return make(ClusterEvent::Kind::MessageChanged, { { key::MessageObj, message.toJson() } });
}

ClusterEvent notifyLevel(qint64 roomId, qint64 userId, const QString& level, quint64 connectionId)
{
    return make(ClusterEvent::Kind::NotifyLevel,
        { { key::RoomId, roomId }, { key::UserId, userId }, { key::Level, level },
            { field::Connection, QString::number(connectionId) } });
}

ClusterEvent catchUpRequest()
{
    return make(ClusterEvent::Kind::CatchUpRequest, {});
}

ClusterEvent loginFailed(const QString& accountKey, const QString& address)
{
    return make(ClusterEvent::Kind::LoginFailed, { { field::Account, accountKey }, { field::Address, address } });
}

ClusterEvent loginSucceeded(const QString& accountKey, const QString& address)
{
    return make(ClusterEvent::Kind::LoginSucceeded, { { field::Account, accountKey }, { field::Address, address } });
}

ClusterEvent signupAttempt(const QString& address)
{
    return make(ClusterEvent::Kind::SignupAttempt, { { field::Address, address } });
}

} // namespace events

} // namespace chat::server
