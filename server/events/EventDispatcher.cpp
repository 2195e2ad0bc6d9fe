#include "EventDispatcher.h"

#include "JsonRpc.h"
#include "PresenceTracker.h"
#include "Protocol.h"
#include "core/Directory.h"
#include "core/RoomView.h"
#include "core/SessionHub.h"
#include "store/Store.h"

#include <QLoggingCategory>

namespace chat::server {

Q_LOGGING_CATEGORY(lcEvents, "chat.events", QtInfoMsg)

namespace key = protocol::key;
namespace notification = protocol::notification;

namespace {
// How long a message that arrived ahead of a missing seq waits for it before the store is asked.
constexpr int GapWaitMs = 250;

struct StoreSnapshot {
    QList<UserRecord> users;
    QList<RoomRecord> rooms;
};
} // namespace

EventDispatcher::EventDispatcher(const ServerConfig& config, Directory& directory, SessionHub& hub,
    PresenceTracker& presence, Store& store, const QString& instance, QObject* parent)
    : QObject(parent)
    , m_config(config)
    , m_directory(directory)
    , m_hub(hub)
    , m_presence(presence)
    , m_store(store)
    , m_instance(instance)
{
    m_gapTimer.setSingleShot(true);
    m_gapTimer.setInterval(GapWaitMs);
    connect(&m_gapTimer, &QTimer::timeout, this, &EventDispatcher::fillPendingGaps);
}

void EventDispatcher::apply(const ClusterEvent& event)
{
    using K = ClusterEvent::Kind;
    const QJsonObject& body = event.body;
    switch (event.kind) {
    case K::MessageCommitted:
        return applyMessage(Message::fromJson(body.value(key::MessageObj).toObject()));
    case K::RoomChanged:
        if (body.contains(events::field::Joined) || body.contains(events::field::Left))
            return applyMembership(events::roomRecordFrom(body.value(key::Room).toObject()), body);
        return applyRoom(events::roomRecordFrom(body.value(key::Room).toObject()),
            events::idsFrom(body.value(events::field::AlsoTell)));
    case K::UserAdded:
        return applyUserAdded(events::userRecordFrom(body.value(key::User).toObject()));
    case K::UserChanged: {
        const UserRecord user = events::userRecordFrom(body.value(key::User).toObject());
        return m_directory.setDisabled(user.id, user.disabled);
    }
    case K::SessionsRevoked:
        return m_hub.revokeSessionsOf(
            body.value(key::UserId).toInteger(), body.value(events::field::Reason).toString());
    case K::Presence:
        return m_presence.setOnline(body.value(events::field::Node).toString(), body.value(key::UserId).toInteger(),
            body.value(key::Online).toBool());
    case K::PresenceSnapshot:
        return m_presence.replaceNode(
            body.value(events::field::Node).toString(), events::idsFrom(body.value(key::Users)));
    case K::NodeDown:
        // A node that died may have committed messages it never got to publish.
        m_presence.dropNode(body.value(events::field::Node).toString());
        return catchUp();
    case K::Typing:
        return applyTyping(body.value(key::RoomId).toInteger(), body.value(key::UserId).toInteger());
    case K::ReadMarker:
        return applyReadMarker(event);
    case K::MessageChanged:
        return applyMessageChanged(Message::fromJson(body.value(key::MessageObj).toObject()));
    case K::NotifyLevel:
        return applyNotifyLevel(event);
    case K::CatchUpRequest:
        return catchUp();
    case K::LoginFailed:
    case K::LoginSucceeded:
    case K::SignupAttempt:
        return; // the throttles' business (ChatServer::applyToThrottles)
    }
}

void EventDispatcher::applyMessage(const Message& message)
{
    const RoomRecord* room = m_directory.room(message.roomId);
    if (!room) {
        // A room this node has not heard of yet (its event was missed): learn it from the store first.
        m_early[message.roomId].insert(message.seq, message);
        catchUp();
        return;
    }
    if (message.seq <= room->lastSeq)
        return; // delivered already (a repeat from the store or another path)
    if (message.seq > room->lastSeq + 1) {
        m_early[message.roomId].insert(message.seq, message);
        if (!m_gapTimer.isActive())
            m_gapTimer.start();
        return;
    }
    deliverMessage(message);
    drainEarly(message.roomId);
}

void EventDispatcher::drainEarly(qint64 roomId)
{
    auto early = m_early.find(roomId);
    if (early == m_early.end())
        return;
    while (!early->isEmpty()) {
        const qint64 last = m_directory.room(roomId)->lastSeq;
        auto first = early->begin();
        if (first.key() > last + 1)
            break;
        const Message next = first.value();
        early->erase(first);
        if (next.seq == last + 1)
            deliverMessage(next);
    }
    if (early->isEmpty())
        m_early.erase(early);
    else if (!m_gapTimer.isActive())
        m_gapTimer.start();
}

void EventDispatcher::deliverMessage(const Message& message)
{
    m_directory.advanceSeq(message.roomId, message.seq);
    Q_EMIT messageDelivered();
    const RoomRecord* room = m_directory.room(message.roomId);
    m_hub.sendToUsers(room->members,
        jsonrpc::encodeNotification(notification::MessageNew, { { key::MessageObj, message.toJson() } }));
}

void EventDispatcher::applyRoom(const RoomRecord& changed, const QList<qint64>& alsoTell)
{
    RoomRecord room = changed;
    QList<qint64> recipients = alsoTell;
    if (const RoomRecord* known = m_directory.room(room.id)) {
        // The seq and change this node has delivered stay; later ones arrive (or are filled) on their own.
        room.lastSeq = known->lastSeq;
        room.lastChange = known->lastChange;
        for (qint64 member : known->members) {
            if (!recipients.contains(member))
                recipients.append(member);
        }
    }
    for (qint64 member : std::as_const(room.members)) {
        if (!recipients.contains(member))
            recipients.append(member);
    }
    m_directory.putRoom(room);
    m_hub.sendToUsers(
        recipients, jsonrpc::encodeNotification(notification::RoomUpdated, { { key::Room, roomView(room, -1) } }));
    // Messages that waited for a room this node did not know: those up to its last seq are history now.
    drainEarly(room.id);
    if (m_storeSeq.value(room.id) < changed.lastSeq)
        m_storeSeq.insert(room.id, changed.lastSeq);
    if (changed.lastSeq > room.lastSeq)
        fillGap(room.id);
    if (changed.lastChange > room.lastChange)
        fillChanges(room.id, changed.lastChange);
}

void EventDispatcher::applyMembership(const RoomRecord& carried, const QJsonObject& body)
{
    const QList<qint64> alsoTell = events::idsFrom(body.value(events::field::AlsoTell));
    const RoomRecord* known = m_directory.room(carried.id);
    if (!known)
        return applyRoom(carried, alsoTell);
    RoomRecord room = *known;
    if (body.contains(events::field::Joined)) {
        const qint64 joined = body.value(events::field::Joined).toInteger();
        if (!room.members.contains(joined))
            room.members.append(joined);
    }
    if (body.contains(events::field::Left))
        room.members.removeAll(body.value(events::field::Left).toInteger());
    room.lastSeq = std::max(known->lastSeq, carried.lastSeq);
    room.lastChange = std::max(known->lastChange, carried.lastChange);
    applyRoom(room, alsoTell);
}

void EventDispatcher::applyUserAdded(const UserRecord& user)
{
    if (m_directory.user(user.id))
        return;
    m_directory.addUser(user);
    const QJsonObject json = User { user.id, user.username, m_presence.isOnline(user.id) }.toJson();
    // The new user's own sessions learn about themselves from their sign-up answer.
    m_hub.sendToSignedIn(jsonrpc::encodeNotification(notification::UserNew, { { key::User, json } }), user.id);
}

void EventDispatcher::applyReadMarker(const ClusterEvent& event)
{
    const qint64 roomId = event.body.value(key::RoomId).toInteger();
    const qint64 userId = event.body.value(key::UserId).toInteger();
    const RoomRecord* room = m_directory.room(roomId);
    if (!room)
        return;
    // The device that moved the marker knows already.
    const quint64 skipConnection
        = event.origin == m_instance ? event.body.value(events::field::Connection).toString().toULongLong() : 0;
    const qint64 seq = event.body.value(key::Seq).toInteger();
    m_hub.sendToUserExceptConnection(userId,
        jsonrpc::encodeNotification(notification::RoomUpdated, { { key::Room, roomView(*room, seq) } }),
        skipConnection);
    if (!event.body.value(events::field::Moved).toBool() || room->members.size() > m_config.limits.receiptsMaxMembers)
        return;
    QList<qint64> others = room->members;
    others.removeAll(userId);
    m_hub.sendToUsers(others,
        jsonrpc::encodeNotification(
            notification::Receipt, { { key::RoomId, room->id }, { key::UserId, userId }, { key::Seq, seq } }));
}

void EventDispatcher::applyMessageChanged(const Message& message)
{
    const RoomRecord* room = m_directory.room(message.roomId);
    if (!room)
        return; // a room this node has not heard of: its members' clients catch up by messages.changes
    if (message.seq > room->lastSeq) {
        // Not delivered here yet: the copy waiting for its turn, if any, goes out as it is now.
        auto early = m_early.find(message.roomId);
        if (early != m_early.end() && early->contains(message.seq))
            early->insert(message.seq, message);
    }
    if (message.change <= room->lastChange)
        return; // older than a change delivered already: clients that saw the hole read it from the store
    m_directory.advanceChange(message.roomId, message.change);
    Q_EMIT changeDelivered();
    m_hub.sendToUsers(room->members,
        jsonrpc::encodeNotification(notification::MessageChanged, { { key::MessageObj, message.toJson() } }));
}

void EventDispatcher::fillChanges(qint64 roomId, qint64 upTo)
{
    const RoomRecord* room = m_directory.room(roomId);
    if (!room || room->lastChange >= upTo || m_fillingChanges.contains(roomId))
        return;
    m_fillingChanges.insert(roomId);
    const qint64 since = room->lastChange;
    const int limit = m_config.limits.historyMax;
    m_store.read<ChangesPage>([roomId, since, limit](StoreDb& db) { return db.changesSince(roomId, since, limit); },
        this,
        [this, roomId, upTo](StoreDb::Result<ChangesPage> page) {
            m_fillingChanges.remove(roomId);
            if (!page) {
                qCWarning(lcEvents) << "cannot read missed changes of room" << roomId << ":" << page.error().message;
                return; // clients still catch up by messages.changes when they see the room's last_change
            }
            for (const Message& message : std::as_const(page->messages))
                applyMessageChanged(message);
            if (page->hasMore)
                fillChanges(roomId, std::max(upTo, page->lastChange));
        });
}

void EventDispatcher::applyNotifyLevel(const ClusterEvent& event)
{
    const qint64 roomId = event.body.value(key::RoomId).toInteger();
    const qint64 userId = event.body.value(key::UserId).toInteger();
    const RoomRecord* room = m_directory.room(roomId);
    if (!room)
        return;
    const quint64 skipConnection
        = event.origin == m_instance ? event.body.value(events::field::Connection).toString().toULongLong() : 0;
    m_hub.sendToUserExceptConnection(userId,
        jsonrpc::encodeNotification(
            notification::RoomUpdated, { { key::Room, roomView(*room, -1, event.body.value(key::Level).toString()) } }),
        skipConnection);
}

void EventDispatcher::applyTyping(qint64 roomId, qint64 userId)
{
    const RoomRecord* room = m_directory.room(roomId);
    if (!room)
        return;
    QList<qint64> others = room->members;
    others.removeAll(userId);
    m_hub.sendToUsers(others,
        jsonrpc::encodeNotification(notification::Typing, { { key::RoomId, roomId }, { key::UserId, userId } }));
}

qint64 EventDispatcher::missingUpTo(qint64 roomId) const
{
    qint64 target = m_storeSeq.value(roomId);
    auto early = m_early.constFind(roomId);
    if (early != m_early.constEnd() && !early->isEmpty())
        target = std::max(target, early->firstKey() - 1);
    return target;
}

void EventDispatcher::fillPendingGaps()
{
    const QList<qint64> rooms = m_early.keys();
    for (qint64 roomId : rooms)
        fillGap(roomId);
}

void EventDispatcher::fillGap(qint64 roomId)
{
    const RoomRecord* room = m_directory.room(roomId);
    if (!room || m_filling.contains(roomId))
        return;
    const qint64 from = room->lastSeq;
    const qint64 upTo = missingUpTo(roomId);
    if (upTo <= from)
        return;
    m_filling.insert(roomId);
    HistoryQuery query;
    query.roomId = roomId;
    query.after = from;
    query.limit = int(std::min<qint64>(upTo - from, m_config.limits.historyMax));
    m_store.read<HistoryPage>([query](StoreDb& db) { return db.history(query); }, this,
        [this, roomId, from](StoreDb::Result<HistoryPage> page) {
            m_filling.remove(roomId);
            if (!page) {
                qCWarning(lcEvents) << "cannot read missed messages of room" << roomId << ":" << page.error().message;
                m_gapTimer.start(); // the store may be back soon; the messages still wait
                return;
            }
            for (const Message& message : std::as_const(page->messages)) {
                ++m_filledFromStore;
                applyMessage(message);
            }
            const RoomRecord* room = m_directory.room(roomId);
            if (room && room->lastSeq > from)
                fillGap(roomId); // more pages, or more arrived meanwhile
            else if (room && missingUpTo(roomId) > room->lastSeq)
                qCWarning(lcEvents) << "room" << roomId << "misses seq" << room->lastSeq + 1 << "in the store";
        });
}

void EventDispatcher::catchUp()
{
    if (m_catchingUp) {
        m_catchUpAgain = true;
        return;
    }
    m_catchingUp = true;
    m_store.read<StoreSnapshot>(
        [](StoreDb& db) -> StoreDb::Result<StoreSnapshot> {
            auto users = db.allUsers();
            if (!users)
                return users.error();
            auto rooms = db.allRooms();
            if (!rooms)
                return rooms.error();
            return StoreSnapshot { *users, *rooms };
        },
        this,
        [this](StoreDb::Result<StoreSnapshot> snapshot) {
            m_catchingUp = false;
            if (!snapshot) {
                qCWarning(lcEvents) << "catch-up cannot read the store:" << snapshot.error().message;
                QTimer::singleShot(1000, this, &EventDispatcher::catchUp);
                return;
            }
            int changed = 0;
            for (const UserRecord& user : std::as_const(snapshot->users)) {
                const Directory::Entry* known = m_directory.user(user.id);
                if (!known) {
                    applyUserAdded(user);
                    ++changed;
                } else if (known->disabled != user.disabled) {
                    m_directory.setDisabled(user.id, user.disabled);
                }
            }
            for (const RoomRecord& room : std::as_const(snapshot->rooms)) {
                const RoomRecord* known = m_directory.room(room.id);
                const bool membersChanged = !known
                    || QSet<qint64>(known->members.cbegin(), known->members.cend())
                        != QSet<qint64>(room.members.cbegin(), room.members.cend());
                if (membersChanged) {
                    applyRoom(room, {});
                    ++changed;
                } else {
                    if (room.lastSeq > known->lastSeq) {
                        m_storeSeq.insert(room.id, room.lastSeq);
                        fillGap(room.id);
                        ++changed;
                    }
                    if (room.lastChange > known->lastChange) {
                        fillChanges(room.id, room.lastChange);
                        ++changed;
                    }
                }
            }
            qCInfo(lcEvents) << "caught up with the store:" << changed << "users or rooms needed an update";
            Q_EMIT caughtUp();
            if (std::exchange(m_catchUpAgain, false))
                catchUp();
        });
}

} // namespace chat::server
