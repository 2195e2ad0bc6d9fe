#pragma once

#include "RedisLink.h"
#include "RedisReply.h"
#include "RedisSettings.h"

#include <QByteArray>
#include <QList>
#include <QObject>

#include <functional>

namespace chat::server {

// A Redis connection for commands (hiredis async on Qt's event loop) that reconnects by itself until
// stop(). Replies come back as plain RedisReply copies, always from the event loop. No blocking commands
// (BLPOP, XREAD BLOCK ...): the watchdog's PING would wait behind them and take the link for dead.
class RedisConnection : public QObject {
    Q_OBJECT
public:
    using ReplyHandler = std::function<void(const RedisReply&)>;

    explicit RedisConnection(const RedisSettings& settings, QObject* parent = nullptr);
    ~RedisConnection() override;

    void start();
    void stop();

    // Sends one command. `done` runs exactly once: with the reply, or with an error reply when the link is
    // down (queued, never inside this call) or goes down before the reply.
    void command(const QList<QByteArray>& args, ReplyHandler done = {});

    bool isConnected() const;
    // How many times the link came back after it had been up.
    int reconnectCount() const;
    // Why the link is down (empty while connected); never contains the password.
    QString lastError() const;
    // Round trip of the latest watchdog PING, -1 before the first.
    qint64 lastRoundTripMs() const;

Q_SIGNALS:
    void connected();
    void disconnected();

private:
    RedisLink m_link;
};

} // namespace chat::server
