#include "RedisSubscriber.h"

#include <hiredis/hiredis.h>

#include <QUuid>

namespace chat::server {

namespace {

QList<QByteArray> withoutDuplicates(const QList<QByteArray>& channels)
{
    QList<QByteArray> unique;
    for (const QByteArray& channel : channels) {
        if (!channel.isEmpty() && !unique.contains(channel))
            unique.append(channel);
    }
    return unique;
}

} // namespace

RedisSubscriber::RedisSubscriber(const RedisSettings& settings, const QList<QByteArray>& channels, QObject* parent)
    : QObject(parent)
    , m_channels(withoutDuplicates(channels))
    , m_probeChannel("chat.probe." + QUuid::createUuid().toByteArray(QUuid::WithoutBraces))
    , m_link(settings, QStringLiteral("subscriber"))
{
    connect(&m_link, &RedisLink::ready, this, &RedisSubscriber::subscribeAll);
    connect(&m_link, &RedisLink::lost, this, &RedisSubscriber::onLost);
    m_link.setProbe([this] {
        m_link.sendRaw({ QByteArrayLiteral("SUBSCRIBE"), m_probeChannel }, &RedisSubscriber::onReply, this);
    });
}

RedisSubscriber::~RedisSubscriber() = default;

void RedisSubscriber::start()
{
    m_link.start();
}

void RedisSubscriber::stop()
{
    m_link.stop();
}

int RedisSubscriber::reconnectCount() const
{
    return m_link.reconnectCount();
}

QString RedisSubscriber::lastError() const
{
    return m_link.lastError();
}

void RedisSubscriber::subscribeAll()
{
    QList<QByteArray> command { QByteArrayLiteral("SUBSCRIBE") };
    command += m_channels;
    command.append(m_probeChannel);
    m_unconfirmed = QSet<QByteArray>(command.begin() + 1, command.end());
    m_link.sendRaw(command, &RedisSubscriber::onReply, this);
}

void RedisSubscriber::onReply(redisAsyncContext*, void* reply, void* privdata)
{
    if (reply) // null: the link is going, and RedisLink reports that
        static_cast<RedisSubscriber*>(privdata)->handle(RedisReply::fromHiredis(*static_cast<redisReply*>(reply)));
}

void RedisSubscriber::handle(const RedisReply& reply)
{
    if (reply.type != RedisReply::Type::Array || reply.elements.size() < 3)
        return;
    const QByteArray kind = reply.elements[0].bytes.toLower();
    const QByteArray channel = reply.elements[1].bytes;
    if (kind == "message") {
        m_link.noteAlive();
        Q_EMIT messageReceived(channel, reply.elements[2].bytes);
    } else if (kind == "subscribe") {
        m_link.noteAlive();
        if (m_subscribed || !m_unconfirmed.remove(channel) || !m_unconfirmed.isEmpty())
            return;
        m_subscribed = true;
        Q_EMIT subscribed();
    }
}

void RedisSubscriber::onLost()
{
    m_subscribed = false;
    m_unconfirmed.clear();
    Q_EMIT disconnected();
}

} // namespace chat::server
