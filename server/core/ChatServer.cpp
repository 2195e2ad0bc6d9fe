#include "ChatServer.h"

#include "Directory.h"
#include "Listener.h"
#include "Logging.h"
#include "RequestRouter.h"
#include "ServerContext.h"
#include "SessionHub.h"
#include "auth/PasswordHasher.h"
#include "handlers/AuthHandlers.h"
#include "handlers/DirectoryHandlers.h"
#include "handlers/HandlerSupport.h"
#include "handlers/MessageHandlers.h"
#include "handlers/RoomHandlers.h"
#include "store/Store.h"

namespace chat::server {

namespace {
constexpr int HouseKeepingIntervalMs = 60 * 1000;
}

ChatServer::ChatServer(const ServerConfig& config, QObject* parent)
    : QObject(parent)
    , m_config(config)
    , m_store(std::make_unique<Store>(m_config.database))
    , m_hasher(std::make_unique<PasswordHasher>(m_config.security.hashThreads))
    , m_directory(std::make_unique<Directory>())
    , m_router(std::make_unique<RequestRouter>())
{
    m_hub = std::make_unique<SessionHub>(m_config, *m_router);
    const SecurityConfig& security = m_config.security;
    m_context = std::make_unique<ServerContext>(ServerContext {
        m_config,
        *m_store,
        *m_hasher,
        *m_directory,
        *m_hub,
        AttemptThrottle(security.loginAttemptsPerAccount, qint64(security.loginWindowSeconds) * 1000),
        AttemptThrottle(security.loginAttemptsPerAddress, qint64(security.loginWindowSeconds) * 1000),
        AttemptThrottle(security.signupsPerAddressPerHour, 3600 * 1000),
    });
    registerAuthHandlers(*m_router, *m_context);
    registerDirectoryHandlers(*m_router, *m_context);
    registerRoomHandlers(*m_router, *m_context);
    registerMessageHandlers(*m_router, *m_context);

    m_listener = std::make_unique<Listener>(m_config);
    connect(m_listener.get(), &Listener::connectionUpgraded, m_hub.get(), &SessionHub::adopt);
    m_houseKeeping.setInterval(HouseKeepingIntervalMs);
    connect(&m_houseKeeping, &QTimer::timeout, this, &ChatServer::houseKeep);
}

ChatServer::~ChatServer()
{
    stop();
    m_listener.reset();
    m_hub.reset(); // sessions go before the store and hasher their callbacks point into
    m_hasher.reset();
    m_store.reset();
}

Expected<bool, QString> ChatServer::start()
{
    if (!PasswordHasher::initialize())
        return QStringLiteral("libsodium could not be initialized");
    if (auto started = m_store->start(); !started)
        return QStringLiteral("cannot open the database: %1").arg(started.error().message);
    if (auto loaded = loadDirectory(); !loaded)
        return loaded.error();
    if (auto listening = m_listener->listen(); !listening)
        return listening.error();
    m_started = true;
    m_houseKeeping.start();
    qCInfo(lcServer) << "listening on" << url().toString();
    return true;
}

Expected<bool, QString> ChatServer::loadDirectory()
{
    // Loading happens once, before serving, on a connection of its own.
    auto db = StoreDb::open(m_config.database, QStringLiteral("chat-directory-load"));
    if (!db)
        return QStringLiteral("cannot open the database: %1").arg(db.error().message);
    auto users = (*db)->allUsers();
    if (!users)
        return QStringLiteral("cannot read users: %1").arg(users.error().message);
    auto rooms = (*db)->allRooms();
    if (!rooms)
        return QStringLiteral("cannot read rooms: %1").arg(rooms.error().message);
    m_directory->load(*users, *rooms);
    qCInfo(lcServer) << "loaded" << users->size() << "users and" << rooms->size() << "rooms";
    return true;
}

void ChatServer::stop()
{
    if (!m_started)
        return;
    m_started = false;
    m_houseKeeping.stop();
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
    m_context->loginsByAccount.prune(now);
    m_context->loginsByAddress.prune(now);
    m_context->signupsByAddress.prune(now);
    m_store->write<int>(
        [now](StoreDb& db) { return db.deleteExpiredSessions(now); }, this, [](StoreDb::Result<int>) {});
}

} // namespace chat::server
