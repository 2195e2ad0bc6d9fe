#pragma once

#include "RedisLink.h"
#include "RedisSettings.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QSet>

namespace chat::server {

// A Redis connection in pub/sub mode that subscribes to a fixed list of channels on every (re)connect.
// Pub/sub delivers at most once: after disconnected(), messages published until subscribed() are lost.
class RedisSubscriber : public QObject {
    Q_OBJECT
public:
    RedisSubscriber(const RedisSettings& settings, const QList<QByteArray>& channels, QObject* parent = nullptr);
    ~RedisSubscriber() override;

    void start();
    void stop();

    bool isSubscribed() const { return m_subscribed; }
    int reconnectCount() const;
    QString lastError() const;
    QList<QByteArray> channels() const { return m_channels; }

Q_SIGNALS:
    // Every channel is confirmed, after the first connect and after each reconnect.
    void subscribed();
    void messageReceived(const QByteArray& channel, const QByteArray& payload);
    void disconnected();

private:
    void subscribeAll();
    void handle(const RedisReply& reply);
    void onLost();
    static void onReply(struct redisAsyncContext* context, void* reply, void* privdata);

    const QList<QByteArray> m_channels;
    // A channel of this subscriber alone: re-subscribing to it is the watchdog's probe, because hiredis
    // 0.14 drops the answer to PING on a subscribed connection.
    const QByteArray m_probeChannel;
    QSet<QByteArray> m_unconfirmed;
    bool m_subscribed = false;
    RedisLink m_link;
};

} // namespace chat::server
