#include "ChatSession.h"

#include "ClientLogging.h"
#include "FileTransfers.h"
#include "MessageActions.h"
#include "MessageModel.h"
#include "NotificationPolicy.h"
#include "Params.h"
#include "Protocol.h"
#include "RoomTimeline.h"
#include "RoomsModel.h"
#include "SearchResultsModel.h"
#include "UsersModel.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>

namespace chat::client {

namespace key = protocol::key;
namespace method = protocol::method;

namespace {
constexpr qint64 TypingEveryMs = 3000;
constexpr int RoomsWriteDelayMs = 300;
} // namespace

ChatSession::ChatSession(ChatConnection* connection, QObject* parent)
    : QObject(parent)
    , m_connection(connection)
    , m_users(new UsersModel(this))
    , m_rooms(new RoomsModel(m_users, this))
    , m_outbox(new Outbox(connection, this))
    , m_actions(new MessageActions(
          connection, [this](qint64 roomId) { return m_timelines.value(roomId); }, this))
    , m_search(new SearchResultsModel(connection, m_rooms, m_users, this))
    , m_files(new FileTransfers(connection, m_outbox, this))
{
    m_readTimer.setSingleShot(true);
    m_readTimer.setInterval(200);
    connect(&m_readTimer, &QTimer::timeout, this, [this] {
        if (m_reading && m_activeRoom)
            markRead(m_activeRoom);
    });

    connect(m_connection, &ChatConnection::stateChanged, this, [this](ChatConnection::State state) {
        // Presence is only known while connected: nobody shows as online to someone who cannot see them.
        if (state != ChatConnection::State::Online)
            m_users->setAllOffline();
        Q_EMIT stateChanged(state);
    });
    connect(m_connection, &ChatConnection::signedIn, this, &ChatSession::onSignedIn);
    connect(m_connection, &ChatConnection::signInFailed, this, &ChatSession::signInFailed);
    connect(m_connection, &ChatConnection::certificateRefused, this, &ChatSession::certificateRefused);
    connect(m_connection, &ChatConnection::signedOut, this, [this](const QString& reason) {
        m_cache.discard(); // signing out (or a session the server ended) leaves nothing of it on this machine
        m_cachedMe = {};
        Q_EMIT signedOut(reason);
    });
    connect(m_connection, &ChatConnection::sessionRestored, this, [this] { sync(CatchUp::OpenTimelines); });
    connect(m_connection, &ChatConnection::messageReceived, this, &ChatSession::onMessage);
    connect(m_connection, &ChatConnection::messageChanged, this, &ChatSession::onMessageChanged);
    connect(m_actions, &MessageActions::changed, this, &ChatSession::onMessageChanged);
    connect(m_actions, &MessageActions::failed, this, &ChatSession::actionFailed);
    connect(m_connection, &ChatConnection::receiptReceived, this, [this](qint64 roomId, qint64 userId, qint64 seq) {
        if (RoomTimeline* timeline = m_timelines.value(roomId))
            timeline->noteReceipt(userId, seq);
    });
    connect(m_connection, &ChatConnection::presenceChanged, m_users, &UsersModel::setOnline);
    connect(m_connection, &ChatConnection::userAdded, this, [this](const User& user) {
        m_users->addUser(user);
        m_cache.saveUser(user);
    });
    connect(m_connection, &ChatConnection::roomUpdated, this, &ChatSession::onRoomUpdated);
    connect(m_connection, &ChatConnection::typingReceived, this, [this](qint64 roomId, qint64 userId) {
        if (userId != me())
            Q_EMIT typing(roomId, userId);
    });
    connect(m_rooms, &RoomsModel::unreadChanged, this, &ChatSession::updatePeerUnread);

    m_roomsWriteTimer.setSingleShot(true);
    m_roomsWriteTimer.setInterval(RoomsWriteDelayMs);
    connect(&m_roomsWriteTimer, &QTimer::timeout, this, &ChatSession::writeRooms);
    auto roomsChanged = [this] { m_roomsWriteTimer.start(); };
    connect(m_rooms, &QAbstractItemModel::modelReset, this, roomsChanged);
    connect(m_rooms, &QAbstractItemModel::rowsInserted, this, roomsChanged);
    connect(m_rooms, &QAbstractItemModel::rowsRemoved, this, roomsChanged);
    connect(m_rooms, &QAbstractItemModel::dataChanged, this, roomsChanged);

    connect(m_outbox, &Outbox::queued, this, [this](const Outbox::Item& item) {
        m_cache.saveOutboxEntry(
            { item.clientId, item.roomId, item.body, item.queuedAtMs, item.replyTo, item.attachments });
        m_pendingBodies.insert(item.clientId, item.body);
        if (RoomTimeline* timeline = m_timelines.value(item.roomId))
            timeline->addPending(item);
    });
    connect(m_outbox, &Outbox::acknowledged, this, [this](const QString& clientId, const Message& message) {
        m_pendingBodies.remove(clientId);
        onMessage(message);
        m_cache.removeOutboxEntry(clientId);
    });
    connect(m_outbox, &Outbox::rejected, this, [this](const QString& clientId, qint64 roomId, const RpcError& error) {
        m_cache.removeOutboxEntry(clientId);
        const QString body = m_pendingBodies.take(clientId);
        if (RoomTimeline* timeline = m_timelines.value(roomId))
            timeline->removePending(clientId);
        Q_EMIT sendRejected(roomId, body, error.message);
    });
}

ChatSession::~ChatSession()
{
    if (m_roomsWriteTimer.isActive())
        writeRooms();
}

qint64 ChatSession::me() const
{
    return currentUser().id;
}

void ChatSession::onSignedIn(const User& me)
{
    if (m_cache.path() != LocalCache::fileFor(m_connection->url(), me.username)) {
        // Signed in with a password: what this machine kept of the account still paints before the sync.
        if (openCache(m_connection->url(), me.username))
            loadCache();
    }
    m_cachedMe = me;
    m_cache.saveMe(me);
    sync(CatchUp::Nothing);
    Q_EMIT signedIn(me);
}

bool ChatSession::openCache(const QUrl& server, const QString& username)
{
    return m_cache.open(LocalCache::fileFor(server, username));
}

bool ChatSession::showCached(const QUrl& server, const QString& username)
{
    const QString path = LocalCache::fileFor(server, username);
    if (!QFileInfo::exists(path) || !openCache(server, username))
        return false;
    const std::optional<User> me = m_cache.me();
    if (!me) {
        m_cache.close();
        return false;
    }
    m_cachedMe = *me;
    loadCache();
    return true;
}

void ChatSession::resumeFromCache(const QUrl& server, const QString& token)
{
    m_connection->resumeKnownSession(server, token, m_cachedMe);
}

void ChatSession::loadCache()
{
    if (const std::optional<User> me = m_cache.me())
        m_users->setMe(me->id);
    m_users->setUsers(m_cache.users());
    m_rooms->setRooms(m_cache.rooms());
    QList<Outbox::Item> unsent;
    const QList<LocalCache::OutboxEntry> entries = m_cache.outbox();
    for (const LocalCache::OutboxEntry& entry : entries)
        unsent.append(Outbox::Item {
            entry.clientId, entry.roomId, entry.body, entry.queuedAtMs, false, entry.replyTo, entry.attachments });
    m_outbox->restore(unsent);
    Q_EMIT cacheLoaded();
}

void ChatSession::writeRooms()
{
    if (!m_cache.isOpen())
        return;
    QList<Room> rooms;
    const QList<qint64> ids = m_rooms->roomIds();
    for (const qint64 id : ids) {
        if (const Room* room = m_rooms->room(id))
            rooms.append(*room);
    }
    m_cache.saveRooms(rooms);
}

void ChatSession::catchUpTimelines()
{
    for (RoomTimeline* timeline : std::as_const(m_timelines)) {
        const Room* room = m_rooms->room(timeline->roomId());
        // Far behind (a start from an old cache, a long time offline): the newest page rather than every page.
        if (room && timeline->isLoaded() && room->lastSeq - timeline->lastSeq() > LocalCache::MessagesPerRoom)
            timeline->reloadLatest();
        else
            timeline->fillGap();
        if (room) // after the gap fill, which it waits for
            timeline->noteLastChange(room->lastChange);
        fetchReceipts(timeline);
    }
}

void ChatSession::sync(CatchUp catchUp)
{
    m_users->setMe(me());
    m_syncsInFlight = 2;
    auto done = [this] {
        if (--m_syncsInFlight == 0) {
            m_synced = true;
            Q_EMIT synced();
        }
    };
    m_connection->call(method::UsersList, {}, this, [this, done](const RpcResult& result) {
        if (result.ok()) {
            QList<User> users;
            const QJsonArray array = result.result.value(key::Users).toArray();
            for (const QJsonValue& value : array)
                users.append(User::fromJson(value.toObject()));
            m_users->setUsers(users);
            m_cache.saveUsers(users);
        }
        done();
    });
    m_connection->call(method::RoomsList, {}, this, [this, done, catchUp](const RpcResult& result) {
        if (result.ok()) {
            QList<Room> rooms;
            const QJsonArray array = result.result.value(key::Rooms).toArray();
            for (const QJsonValue& value : array)
                rooms.append(Room::fromJson(value.toObject()));
            m_rooms->setRooms(rooms);
            for (RoomTimeline* timeline : std::as_const(m_timelines))
                updateReceiptsShown(timeline);
        }
        if (catchUp == CatchUp::OpenTimelines)
            catchUpTimelines(); // after rooms.list, which says how far behind each one is
        done();
    });
}

MessageModel* ChatSession::messages(qint64 roomId)
{
    RoomTimeline* timeline = this->timeline(roomId);
    auto* model = timeline->findChild<MessageModel*>(QString(), Qt::FindDirectChildrenOnly);
    return model ? model : new MessageModel(timeline, m_users, timeline);
}

RoomTimeline* ChatSession::timeline(qint64 roomId)
{
    if (RoomTimeline* timeline = m_timelines.value(roomId))
        return timeline;
    auto* timeline = new RoomTimeline(
        roomId, m_connection, [this] { return me(); }, this);
    m_timelines.insert(roomId, timeline);
    connect(timeline, &RoomTimeline::pageFetched, this,
        [this](const QList<Message>& messages) { m_cache.saveMessages(messages); });
    connect(timeline, &RoomTimeline::messagesChanged, this,
        [this](const QList<Message>& messages) { m_cache.saveMessages(messages); });
    connect(timeline, &RoomTimeline::changesFetched, this,
        [this](const QList<Message>& messages) { m_cache.saveChanges(messages); });
    connect(timeline, &RoomTimeline::heldChangeChanged, this,
        [this, roomId](qint64 held) { m_cache.saveHeldChange(roomId, held); });
    connect(timeline, &RoomTimeline::jumpReady, this, [this, roomId](qint64 seq) { Q_EMIT jumpReady(roomId, seq); });
    const QList<Outbox::Item> pending = m_outbox->pendingIn(roomId);
    for (const Outbox::Item& item : pending)
        timeline->addPending(item);
    QList<Message> cached = m_cache.latestMessages(roomId);
    const Room* room = m_rooms->room(roomId);
    if (!cached.isEmpty() && m_synced && room && room->lastSeq - cached.last().seq > LocalCache::MessagesPerRoom)
        cached.clear(); // far behind: the newest page is quicker than filling the whole gap
    if (cached.isEmpty()) {
        if (room)
            timeline->noteLastChange(room->lastChange); // held_change once the first page is in
        timeline->loadLatest();
    } else {
        timeline->setHeldChange(m_cache.heldChange(roomId).value_or(0)); // none: catch up on every change
        timeline->setCachedPage(cached);
        if (m_connection->isOnline())
            timeline->fillGap();
        if (room && m_synced)
            timeline->noteLastChange(room->lastChange); // after the gap fill, which it waits for
    }
    updateReceiptsShown(timeline);
    fetchReceipts(timeline);
    return timeline;
}

void ChatSession::updateReceiptsShown(RoomTimeline* timeline)
{
    const Room* room = m_rooms->room(timeline->roomId());
    timeline->setShowsReceipts(hasFeature(protocol::feature::Receipts) && room
        && (room->kind == Room::Kind::Direct || room->members.size() <= limits().receiptsMaxMembers));
}

void ChatSession::fetchReceipts(RoomTimeline* timeline)
{
    if (!m_connection->isOnline() || !hasFeature(protocol::feature::Receipts))
        return;
    const qint64 roomId = timeline->roomId();
    m_connection->call(
        method::RoomsReceipts, params::RoomRef { roomId }.toJson(), timeline, [timeline](const RpcResult& result) {
            if (!result.ok())
                return;
            QHash<qint64, qint64> seqByUser;
            const QJsonArray receipts = result.result.value(key::Receipts).toArray();
            for (const QJsonValue& value : receipts) {
                const QJsonObject receipt = value.toObject();
                seqByUser.insert(receipt.value(key::UserId).toInteger(), receipt.value(key::Seq).toInteger());
            }
            timeline->setReceipts(seqByUser);
        });
}

void ChatSession::forgetMessages(qint64 roomId)
{
    if (RoomTimeline* timeline = m_timelines.take(roomId))
        timeline->deleteLater();
}

void ChatSession::openDirect(qint64 userId)
{
    if (const qint64 known = m_rooms->directRoomWith(userId))
        return setActiveRoom(known);
    m_connection->call(method::RoomsDirect, params::Direct { userId }.toJson(), this,
        [this](const RpcResult& result) { onRoomResult(result, true); });
}

void ChatSession::openRoom(qint64 roomId)
{
    if (m_rooms->room(roomId))
        setActiveRoom(roomId);
}

void ChatSession::setActiveRoom(qint64 roomId)
{
    messages(roomId);
    if (m_activeRoom == roomId)
        return;
    m_activeRoom = roomId;
    Q_EMIT activeRoomChanged(roomId);
    if (m_reading)
        m_readTimer.start();
}

void ChatSession::setReading(bool reading)
{
    m_reading = reading;
    if (reading && m_activeRoom)
        m_readTimer.start();
}

void ChatSession::sendMessage(qint64 roomId, const QString& body, qint64 replyToMessageId)
{
    const QString trimmed = body.trimmed();
    if (trimmed.isEmpty())
        return;
    m_outbox->send(roomId, trimmed, replyToMessageId);
}

void ChatSession::jumpTo(qint64 roomId, qint64 seq)
{
    timeline(roomId)->jumpTo(seq);
}

void ChatSession::setNotifyLevel(qint64 roomId, const QString& level)
{
    const QString before = notifyLevel(roomId);
    if (level == before || !m_rooms->room(roomId))
        return;
    m_rooms->setNotifyLevel(roomId, level); // at once; put back if the server refuses
    const QJsonObject params { { key::RoomId, roomId }, { key::Level, level } };
    m_connection->call(method::RoomsNotify, params, this, [this, roomId, before](const RpcResult& result) {
        if (result.ok())
            return;
        m_rooms->setNotifyLevel(roomId, before);
        Q_EMIT actionFailed(roomId, result.error->message);
    });
}

bool ChatSession::shouldNotify(const Message& message) const
{
    return notificationpolicy::shouldNotify(message, me(), notifyLevel(message.roomId));
}

void ChatSession::sendTyping(qint64 roomId)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (now - m_lastTypingSentMs.value(roomId) < TypingEveryMs)
        return;
    m_lastTypingSentMs.insert(roomId, now);
    m_connection->notify(protocol::notification::Typing, params::RoomRef { roomId }.toJson());
}

void ChatSession::markRead(qint64 roomId)
{
    const Room* room = m_rooms->room(roomId);
    if (!room)
        return;
    qint64 seq = room->lastSeq;
    if (RoomTimeline* timeline = m_timelines.value(roomId))
        seq = std::max(seq, timeline->lastSeq());
    if (seq <= room->lastReadSeq)
        return;
    m_rooms->setReadUpTo(roomId, seq);
    m_connection->call(method::RoomsRead, params::Read { roomId, seq }.toJson(), this, [](const RpcResult& result) {
        if (!result.ok())
            qCInfo(lcSession) << "read marker not stored:" << result.reason();
    });
}

void ChatSession::createRoom(const QString& name)
{
    m_connection->call(method::RoomsCreate, params::CreateRoom { name.trimmed() }.toJson(), this,
        [this](const RpcResult& result) { onRoomResult(result, true); });
}

void ChatSession::joinRoom(qint64 roomId)
{
    m_connection->call(method::RoomsJoin, params::RoomRef { roomId }.toJson(), this,
        [this](const RpcResult& result) { onRoomResult(result, true); });
}

void ChatSession::leaveRoom(qint64 roomId)
{
    m_connection->call(
        method::RoomsLeave, params::RoomRef { roomId }.toJson(), this, [this, roomId](const RpcResult& result) {
            if (!result.ok())
                return Q_EMIT failed(result.error->message);
            m_rooms->remove(roomId);
            forgetMessages(roomId);
            if (m_activeRoom == roomId) {
                m_activeRoom = 0;
                Q_EMIT activeRoomChanged(0);
            }
        });
}

void ChatSession::fetchPublicRooms()
{
    m_connection->call(method::RoomsPublic, {}, this, [this](const RpcResult& result) {
        if (!result.ok())
            return Q_EMIT failed(result.error->message);
        QList<PublicRoom> rooms;
        const QJsonArray array = result.result.value(key::Rooms).toArray();
        for (const QJsonValue& value : array)
            rooms.append(PublicRoom::fromJson(value.toObject()));
        Q_EMIT publicRoomsFetched(rooms);
    });
}

void ChatSession::reset()
{
    m_roomsWriteTimer.stop();
    m_cache.close(); // kept for the next sign-in unless signing out discarded it
    m_cachedMe = {};
    m_outbox->clear();
    m_files->clear();
    qDeleteAll(m_timelines);
    m_timelines.clear();
    m_pendingBodies.clear();
    m_search->clear();
    m_activeRoom = 0;
    m_synced = false;
    m_rooms->clear();
    m_users->clear();
    Q_EMIT activeRoomChanged(0);
}

void ChatSession::onRoomResult(const RpcResult& result, bool activate)
{
    if (!result.ok())
        return Q_EMIT failed(result.error->message);
    const RoomUpdate update = RoomUpdate::fromJson(result.result.value(key::Room).toObject());
    m_rooms->upsert(update);
    if (activate)
        setActiveRoom(update.room.id);
}

void ChatSession::onMessage(const Message& message)
{
    const bool mine = message.senderId == me();
    const qint64 lastBefore = m_rooms->room(message.roomId) ? m_rooms->room(message.roomId)->lastSeq : -1;
    m_rooms->noteMessage(message, mine);
    m_cache.saveMessages({ message });
    if (RoomTimeline* timeline = m_timelines.value(message.roomId))
        timeline->addMessages({ message });
    if (!m_rooms->room(message.roomId)) {
        // A room we have not heard of yet (e.g. someone's first direct message): learn it.
        m_connection->call(method::RoomsList, {}, this, [this](const RpcResult& result) {
            if (!result.ok())
                return;
            const QJsonArray array = result.result.value(key::Rooms).toArray();
            for (const QJsonValue& value : array)
                m_rooms->upsert(Room::fromJson(value.toObject()));
        });
    }
    if (message.roomId == m_activeRoom && m_reading)
        m_readTimer.start();
    if (message.seq > lastBefore)
        Q_EMIT messageArrived(message, mine);
}

void ChatSession::onMessageChanged(const Message& message)
{
    m_cache.saveChanges({ message }); // also for rooms not open: their held_change stays, so they catch up
    if (RoomTimeline* timeline = m_timelines.value(message.roomId))
        timeline->applyLiveChange(message);
    m_rooms->noteChange(message.roomId, message.change);
}

void ChatSession::onRoomUpdated(const RoomUpdate& update)
{
    if (!update.room.members.isEmpty() && !update.room.members.contains(me())) {
        m_rooms->remove(update.room.id);
        return;
    }
    m_rooms->upsert(update);
    if (RoomTimeline* timeline = m_timelines.value(update.room.id))
        updateReceiptsShown(timeline);
}

void ChatSession::updatePeerUnread(qint64 roomId, qint64 unread)
{
    if (const qint64 peer = m_rooms->peerOf(roomId))
        m_users->setUnread(peer, unread);
}

} // namespace chat::client
