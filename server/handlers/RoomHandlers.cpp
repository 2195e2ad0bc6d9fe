#include "RoomHandlers.h"

#include "HandlerSupport.h"
#include "Protocol.h"
#include "core/Directory.h"
#include "core/Logging.h"
#include "core/RequestRouter.h"
#include "core/SessionHub.h"
#include "events/EventBus.h"
#include "store/Store.h"

#include <QJsonArray>

namespace chat::server {

namespace key = protocol::key;

namespace {

MembershipRecord membershipIn(const QList<MembershipRecord>& memberships, qint64 roomId)
{
    for (const MembershipRecord& membership : memberships) {
        if (membership.roomId == roomId)
            return membership;
    }
    return MembershipRecord { roomId, 0 };
}

QJsonObject roomViewFor(const RoomRecord& room, const MembershipRecord& membership)
{
    return roomView(room, membership.lastReadSeq, membership.notifyLevel);
}

// Answers with {room} as the user sees it, reading their read marker from the store.
void replyWithRoom(ServerContext& context, ClientSession& session, const QJsonValue& id, qint64 roomId)
{
    const qint64 userId = session.userId();
    context.store.read<QList<MembershipRecord>>([userId](StoreDb& db) { return db.membershipsOf(userId); }, &session,
        [&context, &session, id, roomId](StoreDb::Result<QList<MembershipRecord>> memberships) {
            if (!memberships)
                return session.sendError(id, storeFailure(memberships.error()));
            const RoomRecord* room = context.directory.room(roomId);
            if (!room)
                return session.sendError(id, RpcError::notFound(QStringLiteral("No such room")));
            session.sendResult(id, { { key::Room, roomViewFor(*room, membershipIn(*memberships, roomId)) } });
        });
}

void publishMembership(ServerContext& context, qint64 roomId, qint64 userId, bool joined)
{
    if (const RoomRecord* room = context.directory.room(roomId))
        context.events.publish(joined ? events::memberJoined(*room, userId) : events::memberLeft(*room, userId));
}

void listRooms(ServerContext& context, ClientSession& session, const jsonrpc::Message& message)
{
    const qint64 userId = session.userId();
    const QJsonValue id = message.id;
    context.store.read<QList<MembershipRecord>>([userId](StoreDb& db) { return db.membershipsOf(userId); }, &session,
        [&context, &session, id](StoreDb::Result<QList<MembershipRecord>> memberships) {
            if (!memberships)
                return session.sendError(id, storeFailure(memberships.error()));
            QJsonArray rooms;
            for (const MembershipRecord& membership : std::as_const(*memberships)) {
                if (const RoomRecord* room = context.directory.room(membership.roomId))
                    rooms.append(roomViewFor(*room, membership));
            }
            session.sendResult(id, { { key::Rooms, rooms } });
        });
}

void openDirect(ServerContext& context, ClientSession& session, const jsonrpc::Message& message)
{
    auto params = paramsOrReply<params::Direct>(session, message, context);
    if (!params)
        return;
    if (!context.directory.user(params->userId))
        return session.sendError(message.id, RpcError::notFound(QStringLiteral("No such user")));
    const qint64 self = session.userId();
    const qint64 other = params->userId;
    const QJsonValue id = message.id;
    struct Opened {
        RoomRecord room;
        MembershipRecord membership;
    };
    context.store.write<Opened>(
        [self, other](StoreDb& db) -> StoreDb::Result<Opened> {
            auto room = db.directRoom(self, other, currentTimeMs());
            if (!room)
                return room.error();
            auto memberships = db.membershipsOf(self);
            if (!memberships)
                return memberships.error();
            return Opened { *room, membershipIn(*memberships, room->id) };
        },
        &context.hub,
        [&context, session = QPointer<ClientSession>(&session), id](StoreDb::Result<Opened> opened) {
            if (!opened) {
                if (session)
                    session->sendError(id, storeFailure(opened.error()));
                return;
            }
            if (!context.directory.room(opened->room.id))
                context.events.publish(events::roomChanged(opened->room));
            if (session)
                session->sendResult(id, { { key::Room, roomViewFor(opened->room, opened->membership) } });
        });
}

void createRoom(ServerContext& context, ClientSession& session, const jsonrpc::Message& message)
{
    auto params = paramsOrReply<params::CreateRoom>(session, message, context);
    if (!params)
        return;
    const qint64 self = session.userId();
    const QString name = params->name;
    const QJsonValue id = message.id;
    context.store.write<RoomRecord>(
        [self, name](StoreDb& db) { return db.createGroupRoom(name, self, currentTimeMs()); }, &context.hub,
        [&context, session = QPointer<ClientSession>(&session), id, name](StoreDb::Result<RoomRecord> room) {
            if (room)
                context.events.publish(events::roomChanged(*room));
            if (!session)
                return;
            if (!room) {
                if (room.error().kind == StoreError::Kind::Conflict)
                    return session->sendError(id, RpcError::nameTaken(name));
                return session->sendError(id, storeFailure(room.error()));
            }
            qCInfo(lcRooms) << "room" << room->id << "created by" << session->userId();
            session->sendResult(id, { { key::Room, roomViewFor(*room, MembershipRecord { room->id, 0 }) } });
        });
}

void joinRoom(ServerContext& context, ClientSession& session, const jsonrpc::Message& message)
{
    auto params = paramsOrReply<params::RoomRef>(session, message, context);
    if (!params)
        return;
    const RoomRecord* room = context.directory.room(params->roomId);
    if (!room || room->kind != Room::Kind::Group)
        return session.sendError(message.id, RpcError::notFound(QStringLiteral("No such group room")));
    const qint64 self = session.userId();
    const qint64 roomId = params->roomId;
    if (context.directory.isMember(roomId, self))
        return replyWithRoom(context, session, message.id, roomId);
    const QJsonValue id = message.id;
    context.store.write<qint64>([roomId, self](StoreDb& db) { return db.addMember(roomId, self, currentTimeMs()); },
        &context.hub,
        [&context, session = QPointer<ClientSession>(&session), id, roomId, self](StoreDb::Result<qint64> lastRead) {
            if (!lastRead) {
                if (session)
                    session->sendError(id, storeFailure(lastRead.error()));
                return;
            }
            publishMembership(context, roomId, self, true);
            const RoomRecord* room = context.directory.room(roomId);
            if (session && room)
                session->sendResult(id, { { key::Room, roomViewFor(*room, MembershipRecord { roomId, *lastRead }) } });
        });
}

void leaveRoom(ServerContext& context, ClientSession& session, const jsonrpc::Message& message)
{
    auto params = paramsOrReply<params::RoomRef>(session, message, context);
    if (!params)
        return;
    const qint64 self = session.userId();
    const qint64 roomId = params->roomId;
    if (!context.directory.isMember(roomId, self))
        return session.sendError(message.id, notRoomMember());
    if (context.directory.room(roomId)->kind == Room::Kind::Direct)
        return session.sendError(
            message.id, RpcError::forbidden(QStringLiteral("A direct conversation cannot be left")));
    const QJsonValue id = message.id;
    context.store.write<bool>([roomId, self](StoreDb& db) { return db.removeMember(roomId, self); }, &context.hub,
        [&context, session = QPointer<ClientSession>(&session), id, roomId, self](StoreDb::Result<bool> removed) {
            if (!removed) {
                if (session)
                    session->sendError(id, storeFailure(removed.error()));
                return;
            }
            if (session)
                session->sendResult(id, {});
            publishMembership(context, roomId, self, false);
        });
}

void listPublicRooms(ServerContext& context, ClientSession& session, const jsonrpc::Message& message)
{
    QJsonArray rooms;
    const QList<qint64> ids = context.directory.groupRooms();
    for (qint64 roomId : ids) {
        const RoomRecord* room = context.directory.room(roomId);
        rooms.append(PublicRoom { room->id, room->name, room->members.size() }.toJson());
    }
    session.sendResult(message.id, { { key::Rooms, rooms } });
}

void markRead(ServerContext& context, ClientSession& session, const jsonrpc::Message& message)
{
    auto params = paramsOrReply<params::Read>(session, message, context);
    if (!params)
        return;
    const qint64 self = session.userId();
    const qint64 roomId = params->roomId;
    if (!context.directory.isMember(roomId, self))
        return session.sendError(message.id, notRoomMember());
    const qint64 seq = params->seq;
    const QJsonValue id = message.id;
    struct Marked {
        qint64 seq = 0;
        bool moved = false;
    };
    context.store.write<Marked>(
        [roomId, self, seq](StoreDb& db) -> StoreDb::Result<Marked> {
            Marked marked;
            auto read = db.markRead(roomId, self, seq, &marked.moved);
            if (!read)
                return read.error();
            marked.seq = *read;
            return marked;
        },
        &session,
        [&context, &session, id, roomId, self](StoreDb::Result<Marked> marked) {
            if (!marked)
                return session.sendError(id, storeFailure(marked.error()));
            session.sendResult(id, {});
            // The user's other devices update their unread counts; other members of a small room hear a receipt.
            context.events.publish(
                events::readMarker(roomId, self, marked->seq, session.connectionId(), marked->moved));
        });
}

} // namespace

void registerRoomHandlers(RequestRouter& router, ServerContext& context)
{
    using Access = RequestRouter::Access;
    router.addRequest(protocol::method::RoomsList, Access::SignedIn, withContext(context, listRooms));
    router.addRequest(protocol::method::RoomsDirect, Access::SignedIn, withContext(context, openDirect));
    router.addRequest(protocol::method::RoomsCreate, Access::SignedIn, withContext(context, createRoom));
    router.addRequest(protocol::method::RoomsJoin, Access::SignedIn, withContext(context, joinRoom));
    router.addRequest(protocol::method::RoomsLeave, Access::SignedIn, withContext(context, leaveRoom));
    router.addRequest(protocol::method::RoomsPublic, Access::SignedIn, withContext(context, listPublicRooms));
    router.addRequest(protocol::method::RoomsRead, Access::SignedIn, withContext(context, markRead));
}

} // namespace chat::server
