#pragma once

#include "EventBus.h"
#include "cluster/RedisConnection.h"
#include "cluster/RedisSubscriber.h"

#include <QElapsedTimer>
#include <QHash>
#include <QTimer>

#include <functional>

namespace chat::server {

// The event path across nodes, through Redis pub/sub (channel chat:events). Each event is encoded once
// per publishing node; a node skips its own events when they come back. Pub/sub delivers at most once, so
// whenever a link comes back the node catches up from the store (catchUpNeeded) and asks every other node
// to do the same (they may have missed what it published meanwhile).
//
// Presence across nodes: each node keeps the set chat:online:<node> of its users and publishes a heartbeat
// (chat:heartbeat) every 2 s; a node unheard of for 8 s is down: its users go offline and its set is removed.
class RedisEventBus final : public EventBus {
    Q_OBJECT
public:
    using LocalUsers = std::function<QList<qint64>()>;

    RedisEventBus(const RedisSettings& settings, const QString& nodeName, const QString& instance,
        LocalUsers localUsers, QObject* parent = nullptr);
    ~RedisEventBus() override;

    void start();
    void stop();

    void publish(ClusterEvent event) override;
    QString nodeName() const override { return m_nodeName; }
    bool isHealthy() const override { return m_commands.isConnected() && m_subscriber.isSubscribed(); }

    int reconnectCount() const { return m_commands.reconnectCount() + m_subscriber.reconnectCount(); }
    qint64 eventsPublished() const { return m_published; }
    qint64 eventsReceived() const { return m_received; }

    static constexpr int HeartbeatIntervalMs = 2000;
    static constexpr int NodeTimeoutMs = 8000;

Q_SIGNALS:
    // Publish-to-arrival time of an event from another node (wall clocks of both).
    void remoteEventLag(qint64 ms);

private:
    void onSubscribed();
    void onCommandsConnected();
    void onMessage(const QByteArray& channel, const QByteArray& payload);
    void onHeartbeat(const QString& node);
    void sendHeartbeat();
    void checkNodes();
    void registerSelf();
    void loadOtherNodes();
    void loadNode(const QString& node);
    QByteArray onlineKey(const QString& node) const;

    const QString m_nodeName;
    const QString m_instance;
    LocalUsers m_localUsers;
    RedisConnection m_commands;
    RedisSubscriber m_subscriber;
    QTimer m_heartbeat;
    QElapsedTimer m_clock;
    QHash<QString, qint64> m_lastHeard; // other nodes, by m_clock
    bool m_subscribedBefore = false;
    bool m_commandsConnectedBefore = false;
    qint64 m_published = 0;
    qint64 m_received = 0;
};

} // namespace chat::server
