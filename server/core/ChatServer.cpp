#include "ChatServer.h"

#include "Clock.h"
#include "Directory.h"
#include "Listener.h"
#include "Logging.h"
#include "RequestRouter.h"
#include "ServerContext.h"
#include "SessionHub.h"
#include "auth/PasswordHasher.h"
#include "events/AdminEventTail.h"
#include "events/EventDispatcher.h"
#include "events/LocalEventBus.h"
#include "events/PresenceTracker.h"
#include "events/RedisEventBus.h"
#include "files/FileReclaimer.h"
#include "files/FileService.h"
#include "handlers/AuthHandlers.h"
#include "handlers/DirectoryHandlers.h"
#include "handlers/FileHandlers.h"
#include "handlers/MemberStateHandlers.h"
#include "handlers/MessageActionHandlers.h"
#include "handlers/MessageHandlers.h"
#include "handlers/RoomHandlers.h"
#include "handlers/SearchHandlers.h"
#include "observability/HttpEndpoint.h"
#include "observability/Metrics.h"
#include "store/OpenFailure.h"
#include "store/SearchIndexer.h"
#include "store/Store.h"

#include <QRandomGenerator>
#include <QWebSocket>

namespace chat::server {

namespace {
constexpr int HouseKeepingIntervalMs = 60 * 1000;
constexpr qint64 AdminEventLifetimeMs = 24 * 3600 * 1000; // every node has long applied them by then
constexpr int StoreProbeIntervalMs = 2000;

QString instanceName(const QString& node)
{
    // Unique per process even when two share a node name, so a node knows its own events when they come back.
    return QStringLiteral("%1/%2").arg(node, QString::number(QRandomGenerator::system()->generate64(), 36));
}
} // namespace

ChatServer::ChatServer(const ServerConfig& config, QObject* parent)
    : QObject(parent)
    , m_config(config)
    , m_store(std::make_unique<Store>(m_config.database))
    , m_searchIndexer(std::make_unique<SearchIndexer>(*m_store))
    , m_hasher(std::make_unique<PasswordHasher>(m_config.security.hashThreads))
    , m_directory(std::make_unique<Directory>())
    , m_router(std::make_unique<RequestRouter>())
{
    m_hub = std::make_unique<SessionHub>(m_config, *m_router);
    m_presence = std::make_unique<PresenceTracker>();
    m_files = std::make_unique<FileService>(m_config.filesFolder(), m_config.limits.maxImagePixels);
    m_fileReclaimer = std::make_unique<FileReclaimer>(*m_store, *m_files, m_config.limits);
    const QString instance = instanceName(m_config.cluster.nodeName);
    if (m_config.cluster.enabled()) {
        m_bus = std::make_unique<RedisEventBus>(
            m_config.cluster.redis, m_config.cluster.nodeName, instance, [this] { return m_hub->localUsers(); });
    } else {
        m_bus = std::make_unique<LocalEventBus>(instance);
    }
    m_dispatcher = std::make_unique<EventDispatcher>(m_config, *m_directory, *m_hub, *m_presence, *m_store, instance);
    m_adminTail
        = std::make_unique<AdminEventTail>(*m_store, [this](const ClusterEvent& event) { m_dispatcher->apply(event); });
    connectEventPath();
    m_metrics = std::make_unique<Metrics>();
    registerMetrics();
    m_storeProbe.setInterval(StoreProbeIntervalMs);
    connect(&m_storeProbe, &QTimer::timeout, this, &ChatServer::probeStore);
    const SecurityConfig& security = m_config.security;
    m_context = std::make_unique<ServerContext>(ServerContext {
        m_config,
        *m_store,
        *m_hasher,
        *m_directory,
        *m_hub,
        *m_bus,
        *m_presence,
        *m_files,
        LoginThrottle(security),
        AttemptThrottle(security.signupsPerAddressPerHour, 3600 * 1000),
    });
    registerAuthHandlers(*m_router, *m_context);
    registerDirectoryHandlers(*m_router, *m_context);
    registerRoomHandlers(*m_router, *m_context);
    registerMessageHandlers(*m_router, *m_context);
    registerMessageActionHandlers(*m_router, *m_context);
    registerSearchHandlers(*m_router, *m_context);
    registerMemberStateHandlers(*m_router, *m_context);
    registerFileHandlers(*m_router, *m_context);

    m_listener = std::make_unique<Listener>(m_config);
    connect(m_listener.get(), &Listener::connectionUpgraded, m_hub.get(), &SessionHub::adopt);
    m_houseKeeping.setInterval(HouseKeepingIntervalMs);
    connect(&m_houseKeeping, &QTimer::timeout, this, &ChatServer::houseKeep);
}

ChatServer::~ChatServer()
{
    stop();
    m_listener.reset();
    m_adminTail.reset();
    m_dispatcher.reset();
    m_hub.reset(); // sessions go before the store and hasher their callbacks point into
    m_fileReclaimer.reset();
    m_files.reset();
    m_hasher.reset();
    m_searchIndexer.reset();
    m_store.reset();
}

Expected<bool, QString> ChatServer::start()
{
    if (!PasswordHasher::initialize())
        return QStringLiteral("libsodium could not be initialized");
    if (auto prepared = m_files->store.prepare(); !prepared)
        return QStringLiteral("cannot use the files folder: %1").arg(prepared.error().message);
    if (auto started = m_store->start(); !started)
        return QStringLiteral("cannot open the database: %1").arg(started.error().message);
    if (auto loaded = loadDirectory(); !loaded)
        return loaded.error();
    if (auto listening = m_listener->listen(); !listening)
        return listening.error();
    if (auto http = startHttp(); !http)
        return http.error();
    m_storeHealthy = true;
    m_storeProbe.start();
    if (auto* redisBus = qobject_cast<RedisEventBus*>(m_bus.get()))
        redisBus->start();
    m_started = true;
    m_houseKeeping.start();
    m_searchIndexer->start();
    m_fileReclaimer->start();
    qCInfo(lcServer) << "listening on" << url().toString();
    return true;
}

Expected<bool, QString> ChatServer::loadDirectory()
{
    // Loading happens once, before serving, on a connection of its own.
    auto db = StoreDb::open(m_config.database, QStringLiteral("chat-directory-load"));
    // Each failure names the database and the cause, e.g. a table damaged on disk.
    auto explained = [this](const StoreError& error) { return explainOpenFailure(m_config.database, error); };
    if (!db)
        return QStringLiteral("cannot open the database: %1").arg(explained(db.error()));
    // The newest admin event first: a change after it is either in what is loaded next or read by the tail.
    auto lastAdminEvent = (*db)->lastAdminEventId();
    if (!lastAdminEvent)
        return QStringLiteral("cannot read admin events: %1").arg(explained(lastAdminEvent.error()));
    auto users = (*db)->allUsers();
    if (!users)
        return QStringLiteral("cannot read users: %1").arg(explained(users.error()));
    auto rooms = (*db)->allRooms();
    if (!rooms)
        return QStringLiteral("cannot read rooms: %1").arg(explained(rooms.error()));
    m_directory->load(*users, *rooms);
    m_adminTail->start(*lastAdminEvent);
    qCInfo(lcServer) << "loaded" << users->size() << "users and" << rooms->size() << "rooms";
    return true;
}

void ChatServer::connectEventPath()
{
    connect(m_bus.get(), &EventBus::eventReceived, m_dispatcher.get(), &EventDispatcher::apply);
    connect(m_bus.get(), &EventBus::eventReceived, this, &ChatServer::applyToThrottles);
    connect(m_bus.get(), &EventBus::catchUpNeeded, m_dispatcher.get(), &EventDispatcher::catchUp);
    connect(m_hub.get(), &SessionHub::localPresenceChanged, this,
        [this](qint64 userId, bool online) { m_bus->publish(events::presence(m_bus->nodeName(), userId, online)); });
    connect(m_presence.get(), &PresenceTracker::onlineChanged, m_hub.get(), &SessionHub::announcePresence);
}

void ChatServer::applyToThrottles(const ClusterEvent& event)
{
    const qint64 now = currentTimeMs();
    const QString account = event.body.value(events::field::Account).toString();
    const QString address = event.body.value(events::field::Address).toString();
    switch (event.kind) {
    case ClusterEvent::Kind::LoginFailed:
        m_context->logins.recordFailure(account, address, now);
        break;
    case ClusterEvent::Kind::LoginSucceeded:
        m_context->logins.recordSuccess(account, address, now);
        break;
    case ClusterEvent::Kind::SignupAttempt:
        m_context->signupsByAddress.record(address, now);
        break;
    default:
        break;
    }
}

void ChatServer::registerMetrics()
{
    Metrics& metrics = *m_metrics;
    metrics.gauge("chat_connections", QStringLiteral("Open WebSocket connections"),
        [this] { return double(m_hub->connectionCount()); });
    metrics.gauge("chat_sessions_signed_in", QStringLiteral("Signed-in connections"),
        [this] { return double(m_hub->signedInCount()); });
    metrics.counter("chat_store_writes_committed_total",
        QStringLiteral("Write jobs committed by this node's store writer"),
        [this] { return double(m_store->committedWrites()); });
    metrics.counter("chat_store_batches_committed_total",
        QStringLiteral("Transactions (group commits) of the store writer"),
        [this] { return double(m_store->committedBatches()); });
    metrics.gauge("chat_store_up", QStringLiteral("1 when the last store probe answered"),
        [this] { return m_storeHealthy ? 1.0 : 0.0; });
    metrics.counter("chat_messages_filled_from_store_total",
        QStringLiteral("Messages delivered from the store to fill gaps"),
        [this] { return double(m_dispatcher->messagesFilledFromStore()); });
    // Observed on the store's writer thread: the histogram is atomic.
    Histogram& commits = metrics.histogram("chat_store_commit_seconds",
        QStringLiteral("Duration of one group commit (BEGIN to COMMIT, fsync included)"),
        { 0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1 });
    m_store->setCommitObserver([&commits](qint64 nanoseconds, int) { commits.observe(double(nanoseconds) / 1e9); });
    Counter& delivered = metrics.counter("chat_messages_delivered_total",
        QStringLiteral("New messages this node delivered to its sessions (its own and other nodes')"));
    connect(m_dispatcher.get(), &EventDispatcher::messageDelivered, this, [&delivered] { delivered.increment(); });
    auto* redisBus = qobject_cast<RedisEventBus*>(m_bus.get());
    if (!redisBus)
        return;
    metrics.gauge("chat_redis_up", QStringLiteral("1 while the links to Redis are up"),
        [redisBus] { return redisBus->isHealthy() ? 1.0 : 0.0; });
    metrics.counter("chat_redis_reconnects_total", QStringLiteral("Times a link to Redis came back"),
        [redisBus] { return double(redisBus->reconnectCount()); });
    metrics.counter("chat_cluster_events_published_total", QStringLiteral("Events this node published to the cluster"),
        [redisBus] { return double(redisBus->eventsPublished()); });
    metrics.counter("chat_cluster_events_received_total", QStringLiteral("Events received from other nodes"),
        [redisBus] { return double(redisBus->eventsReceived()); });
    Histogram& lag = metrics.histogram("chat_redis_lag_seconds",
        QStringLiteral("From publish on another node to arrival here, through Redis"),
        { 0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5 });
    connect(redisBus, &RedisEventBus::remoteEventLag, this, [&lag](qint64 ms) { lag.observe(double(ms) / 1000.0); });
}

Expected<bool, QString> ChatServer::startHttp()
{
    if (!m_config.http.enabled)
        return true;
    m_http = std::make_unique<HttpEndpoint>(*m_metrics, [this] {
        QList<HealthCheck> checks {
            { QStringLiteral("store"), m_storeHealthy, m_storeHealthy ? QString() : QStringLiteral("not answering") },
        };
        if (m_config.cluster.enabled()) {
            const bool redis = m_bus->isHealthy();
            checks.append({ QStringLiteral("redis"), redis, redis ? QString() : QStringLiteral("not connected") });
        }
        return checks;
    });
    auto listening = m_http->listen(m_config.http.host, m_config.http.port);
    if (!listening)
        return QStringLiteral("cannot serve http on %1:%2: %3")
            .arg(m_config.http.host)
            .arg(m_config.http.port)
            .arg(listening.error());
    return true;
}

void ChatServer::probeStore()
{
    // One cheap read per interval; /healthz answers from its outcome without waiting for the database.
    m_store->read<bool>([](StoreDb& db) -> StoreDb::Result<bool> { return db.ping(); }, this,
        [this](StoreDb::Result<bool> answered) { m_storeHealthy = answered && *answered; });
}

QString ChatServer::httpUrl() const
{
    return m_http ? m_http->url() : QString();
}

void ChatServer::stop()
{
    if (!m_started)
        return;
    m_started = false;
    m_houseKeeping.stop();
    m_searchIndexer->stop();
    m_storeProbe.stop();
    m_adminTail->stop();
    if (auto* redisBus = qobject_cast<RedisEventBus*>(m_bus.get()))
        redisBus->stop();
    m_http.reset();
    m_listener->close();
    m_hub->closeAll();
    m_store->stop();
    qCInfo(lcServer) << "stopped";
}

quint16 ChatServer::port() const
{
    return m_listener->port();
}

QUrl ChatServer::url() const
{
    QUrl url;
    url.setScheme(m_listener->isSecure() ? QStringLiteral("wss") : QStringLiteral("ws"));
    url.setHost(m_config.host);
    url.setPort(port());
    return url;
}

void ChatServer::houseKeep()
{
    const qint64 now = currentTimeMs();
    m_context->logins.prune(now);
    m_context->signupsByAddress.prune(now);
    m_store->write<int>(
        [now](StoreDb& db) -> StoreDb::Result<int> {
            auto sessions = db.deleteExpiredSessions(now);
            if (!sessions)
                return sessions;
            return db.deleteAdminEventsBefore(now - AdminEventLifetimeMs);
        },
        this, [](StoreDb::Result<int>) {});
}

} // namespace chat::server
