#include "RedisEventBus.h"

#include "cluster/ClusterLogging.h"
#include "Protocol.h"
#include "core/Clock.h"

namespace chat::server {

namespace {
const QByteArray EventsChannel = QByteArrayLiteral("chat:events");
const QByteArray HeartbeatChannel = QByteArrayLiteral("chat:heartbeat");
const QByteArray NodesKey = QByteArrayLiteral("chat:nodes");

QList<qint64> idsOf(const RedisReply& reply)
{
    QList<qint64> ids;
    for (const RedisReply& element : reply.elements)
        ids.append(element.bytes.toLongLong());
    return ids;
}
} // namespace

RedisEventBus::RedisEventBus(const RedisSettings& settings, const QString& nodeName, const QString& instance,
    LocalUsers localUsers, QObject* parent)
    : EventBus(parent)
    , m_nodeName(nodeName)
    , m_instance(instance)
    , m_localUsers(std::move(localUsers))
    , m_commands(settings)
    , m_subscriber(settings, { EventsChannel, HeartbeatChannel })
{
    m_clock.start();
    connect(&m_subscriber, &RedisSubscriber::subscribed, this, &RedisEventBus::onSubscribed);
    connect(&m_subscriber, &RedisSubscriber::messageReceived, this, &RedisEventBus::onMessage);
    connect(&m_commands, &RedisConnection::connected, this, &RedisEventBus::onCommandsConnected);
    m_heartbeat.setInterval(HeartbeatIntervalMs);
    connect(&m_heartbeat, &QTimer::timeout, this, [this] {
        sendHeartbeat();
        checkNodes();
    });
}

RedisEventBus::~RedisEventBus()
{
    stop();
}

void RedisEventBus::start()
{
    m_commands.start();
    m_subscriber.start();
    m_heartbeat.start();
}

void RedisEventBus::stop()
{
    // No farewell to the others: stopping a link discards commands not yet written, so a stopped node is
    // noticed like a crashed one, by its missing heartbeats.
    m_heartbeat.stop();
    m_subscriber.stop();
    m_commands.stop();
}

void RedisEventBus::publish(ClusterEvent event)
{
    event.origin = m_instance;
    event.publishedAtMs = currentTimeMs();
    if (event.kind == ClusterEvent::Kind::Presence) {
        const QByteArray user = QByteArray::number(event.body.value(protocol::key::UserId).toInteger());
        const bool online = event.body.value(protocol::key::Online).toBool();
        m_commands.command({ online ? "SADD" : "SREM", onlineKey(m_nodeName), user });
    }
    // This node first: its own sessions never wait for Redis, nor miss an event while Redis is away.
    Q_EMIT eventReceived(event);
    ++m_published;
    m_commands.command({ "PUBLISH", EventsChannel, event.encode() });
}

QByteArray RedisEventBus::onlineKey(const QString& node) const
{
    return QByteArrayLiteral("chat:online:") + node.toUtf8();
}

void RedisEventBus::onCommandsConnected()
{
    registerSelf();
    if (std::exchange(m_commandsConnectedBefore, true)) {
        // What this node published while the link was down never reached the others.
        ClusterEvent request = events::catchUpRequest();
        request.origin = m_instance;
        request.publishedAtMs = currentTimeMs();
        m_commands.command({ "PUBLISH", EventsChannel, request.encode() });
    }
}

void RedisEventBus::onSubscribed()
{
    qCInfo(lcCluster) << "node" << m_nodeName << "subscribed to the cluster's events";
    loadOtherNodes();
    sendHeartbeat();
    if (std::exchange(m_subscribedBefore, true))
        Q_EMIT catchUpNeeded(); // events of the others were lost while unsubscribed
}

void RedisEventBus::registerSelf()
{
    const QByteArray key = onlineKey(m_nodeName);
    QList<QByteArray> add { "SADD", key };
    const QList<qint64> users = m_localUsers();
    for (qint64 user : users)
        add.append(QByteArray::number(user));
    m_commands.command({ "DEL", key });
    if (!users.isEmpty())
        m_commands.command(add);
    m_commands.command({ "SADD", NodesKey, m_nodeName.toUtf8() });
}

void RedisEventBus::loadOtherNodes()
{
    m_commands.command({ "SMEMBERS", NodesKey }, [this](const RedisReply& reply) {
        if (reply.isError())
            return;
        for (const RedisReply& element : reply.elements) {
            const QString node = QString::fromUtf8(element.bytes);
            if (node != m_nodeName)
                loadNode(node);
        }
    });
}

void RedisEventBus::loadNode(const QString& node)
{
    // Heard of now; a node that is really gone misses its heartbeats and is dropped after the timeout.
    m_lastHeard.insert(node, m_clock.elapsed());
    m_commands.command({ "SMEMBERS", onlineKey(node) }, [this, node](const RedisReply& reply) {
        if (reply.isError() || !m_lastHeard.contains(node))
            return;
        Q_EMIT eventReceived(events::presenceSnapshot(node, idsOf(reply)));
    });
}

void RedisEventBus::sendHeartbeat()
{
    m_commands.command({ "PUBLISH", HeartbeatChannel, m_nodeName.toUtf8() });
}

void RedisEventBus::onHeartbeat(const QString& node)
{
    if (node == m_nodeName)
        return;
    if (!m_lastHeard.contains(node)) {
        qCInfo(lcCluster) << "node" << node << "is up";
        loadNode(node);
        return;
    }
    m_lastHeard.insert(node, m_clock.elapsed());
}

void RedisEventBus::checkNodes()
{
    // Only with a working subscription can silence mean a dead node rather than a dead link of our own.
    if (!m_subscriber.isSubscribed())
        return;
    const qint64 now = m_clock.elapsed();
    for (auto it = m_lastHeard.begin(); it != m_lastHeard.end();) {
        if (now - it.value() <= NodeTimeoutMs) {
            ++it;
            continue;
        }
        const QString node = it.key();
        it = m_lastHeard.erase(it);
        qCWarning(lcCluster) << "node" << node << "silent for" << NodeTimeoutMs << "ms: its users go offline";
        m_commands.command({ "SREM", NodesKey, node.toUtf8() });
        m_commands.command({ "DEL", onlineKey(node) });
        Q_EMIT eventReceived(events::nodeDown(node));
    }
}

void RedisEventBus::onMessage(const QByteArray& channel, const QByteArray& payload)
{
    if (channel == HeartbeatChannel)
        return onHeartbeat(QString::fromUtf8(payload));
    std::optional<ClusterEvent> event = ClusterEvent::decode(payload);
    if (!event) {
        qCWarning(lcCluster) << "an event from another node could not be read; ignored";
        return;
    }
    if (event->origin == m_instance)
        return;
    ++m_received;
    Q_EMIT remoteEventLag(currentTimeMs() - event->publishedAtMs);
    Q_EMIT eventReceived(*event);
}

} // namespace chat::server
