#include "RedisConnection.h"

namespace chat::server {

RedisConnection::RedisConnection(const RedisSettings& settings, QObject* parent)
    : QObject(parent)
    , m_link(settings, QStringLiteral("commands"))
{
    connect(&m_link, &RedisLink::ready, this, &RedisConnection::connected);
    connect(&m_link, &RedisLink::lost, this, &RedisConnection::disconnected);
}

RedisConnection::~RedisConnection() = default;

void RedisConnection::start()
{
    m_link.start();
}

void RedisConnection::stop()
{
    m_link.stop();
}

void RedisConnection::command(const QList<QByteArray>& args, ReplyHandler done)
{
    if (m_link.send(args, done))
        return;
    if (!done)
        return;
    const QString why = args.isEmpty() ? QStringLiteral("empty command")
        : m_link.lastError().isEmpty() ? QStringLiteral("not connected to Redis")
                                       : QStringLiteral("not connected to Redis: %1").arg(m_link.lastError());
    QMetaObject::invokeMethod(
        this, [done = std::move(done), why] { done(RedisReply::error(why)); }, Qt::QueuedConnection);
}

bool RedisConnection::isConnected() const
{
    return m_link.isReady();
}

int RedisConnection::reconnectCount() const
{
    return m_link.reconnectCount();
}

QString RedisConnection::lastError() const
{
    return m_link.lastError();
}

qint64 RedisConnection::lastRoundTripMs() const
{
    return m_link.lastRoundTripMs();
}

} // namespace chat::server
