#pragma once

#include "Protocol.h"
#include "Types.h"
#include "store/StoreTypes.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace chat::server {

// A change that sessions other than the one that caused it must see. Every such change is one of these,
// whether it stays in this process or crosses to other nodes; EventDispatcher turns it into notifications.
struct ClusterEvent {
    enum class Kind {
        MessageCommitted, // {message}
        RoomChanged, // {room, also_tell?, joined?, left?}: created, joined, left
        UserAdded, // {user}
        UserChanged, // {user}: disabled or enabled
        SessionsRevoked, // {user_id, reason}: password changed, account disabled
        Presence, // {node, user_id, online}: this node's first or last connection of a user
        PresenceSnapshot, // {node, users}: every user a node holds (after it was out of sight)
        NodeDown, // {node}: a node stopped answering; its users are no longer online through it
        Typing, // {room_id, user_id}
        // {room_id, user_id, seq, connection, moved}: the user's other devices update unread counts; when the
        // marker moved, the other members of a small room hear a receipt
        ReadMarker,
        CatchUpRequest, // {}: a node was cut off; every node compares its state with the store
        LoginFailed, // {account, address}: counted by every node's throttles, so N nodes give no more guesses
        LoginSucceeded, // {account}
        SignupAttempt, // {address}
        MessageChanged, // {message}: edited, deleted or reacted to; carries its new change number
        NotifyLevel, // {room_id, user_id, level, connection}: the user's other devices follow the new level
    };

    Kind kind = Kind::MessageCommitted;
    QJsonObject body;
    QString origin; // the instance that published it (filled in by the bus)
    qint64 publishedAtMs = 0;

    QByteArray encode() const; // compact JSON, once per event per node
    static std::optional<ClusterEvent> decode(const QByteArray& bytes);
};

namespace revocation = protocol::revoked; // reasons sent to clients in session.revoked

namespace events {
// Keys of event bodies beyond the protocol's own (protocol::key).
namespace field {
inline constexpr QLatin1String Node { "node" };
inline constexpr QLatin1String AlsoTell { "also_tell" };
inline constexpr QLatin1String Disabled { "disabled" };
inline constexpr QLatin1String Reason { "reason" };
inline constexpr QLatin1String Connection { "connection" };
inline constexpr QLatin1String Account { "account" };
inline constexpr QLatin1String Address { "address" };
inline constexpr QLatin1String Joined { "joined" };
inline constexpr QLatin1String Left { "left" };
inline constexpr QLatin1String Moved { "moved" };
} // namespace field

ClusterEvent messageCommitted(const Message& message);
// The room as the store has it (creation, admin changes, catch-up): replaces what a node knows.
ClusterEvent roomChanged(const RoomRecord& room, const QList<qint64>& alsoTell = {});
// One member came or went: nodes that know the room apply just that, so that two joins on two nodes at
// once cannot undo each other; `room` serves nodes that do not know it yet.
ClusterEvent memberJoined(const RoomRecord& room, qint64 userId);
ClusterEvent memberLeft(const RoomRecord& room, qint64 userId);
ClusterEvent userAdded(const UserRecord& user);
ClusterEvent userChanged(const UserRecord& user);
ClusterEvent sessionsRevoked(qint64 userId, QLatin1String reason);
ClusterEvent presence(const QString& node, qint64 userId, bool online);
ClusterEvent presenceSnapshot(const QString& node, const QList<qint64>& users);
ClusterEvent nodeDown(const QString& node);
ClusterEvent typing(qint64 roomId, qint64 userId);
// `moved`: the marker moved (not a repeated or smaller rooms.read), so other members hear a receipt.
ClusterEvent readMarker(qint64 roomId, qint64 userId, qint64 seq, quint64 connectionId, bool moved = false);
ClusterEvent messageChanged(const Message& message);
ClusterEvent notifyLevel(qint64 roomId, qint64 userId, const QString& level, quint64 connectionId);
ClusterEvent catchUpRequest();
ClusterEvent loginFailed(const QString& accountKey, const QString& address);
ClusterEvent loginSucceeded(const QString& accountKey, const QString& address);
ClusterEvent signupAttempt(const QString& address);

// RoomRecord <-> the JSON an event carries (every member, no read state).
QJsonObject roomRecordJson(const RoomRecord& room);
RoomRecord roomRecordFrom(const QJsonObject& json);
UserRecord userRecordFrom(const QJsonObject& json); // id, username, disabled
QList<qint64> idsFrom(const QJsonValue& array);
} // namespace events

} // namespace chat::server
