#pragma once

#include "ReconnectBackoff.h"
#include "RedisReply.h"
#include "RedisSettings.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTimer>

#include <functional>

struct redisAsyncContext;
class RedisQtAdapter;

namespace chat::server {

// One hiredis async connection on Qt's event loop: connect, AUTH, SELECT, CLIENT SETNAME, a probe
// watchdog, and reconnects with backoff until stop(). RedisConnection and RedisSubscriber each own one.
class RedisLink : public QObject {
    Q_OBJECT
public:
    using ReplyHandler = std::function<void(const RedisReply&)>;
    // hiredis calls it for every reply routed to the command, and with a null reply when the link goes.
    using RawCallback = void (*)(redisAsyncContext*, void* reply, void* privdata);

    RedisLink(const RedisSettings& settings, const QString& role, QObject* parent = nullptr);
    ~RedisLink() override;

    void start();
    // Ends the link; commands in flight get an error reply before stop() returns.
    void stop();
    bool isReady() const { return m_state == State::Ready; }
    int reconnectCount() const { return m_reconnects; }
    QString lastError() const { return m_lastError; }
    qint64 lastRoundTripMs() const { return m_lastRoundTripMs; }
    QString describe() const;

    // On a ready link: `done` runs once, with the reply or with an error reply if the link goes first.
    // Returns false, and never calls `done`, when the link is not ready.
    bool send(const QList<QByteArray>& args, ReplyHandler done);
    bool sendRaw(const QList<QByteArray>& args, RawCallback callback, void* privdata);

    // Replaces the PING probe (a subscribed link cannot route PING replies in hiredis 0.14). The probe
    // sends something whose answer leads to noteAlive().
    void setProbe(std::function<void()> probe) { m_probe = std::move(probe); }
    void noteAlive();

Q_SIGNALS:
    void ready(); // connected and the handshake answered
    void lost(); // a ready link went down; reconnecting follows unless stopped

private:
    enum class State { Idle, Waiting, Connecting, Ready };
    struct Pending;

    void connectNow();
    bool queue(redisAsyncContext* context, const QList<QByteArray>& args, RawCallback callback, void* privdata);
    void queueHandshake();
    void handshakeAnswered(int generation, int step, const QByteArray& command, const RedisReply& reply);
    void becomeReady();
    void sendProbe();
    void probeTimedOut();
    void dropLink(const QString& cause);
    void detach(redisAsyncContext* context);
    void linkDown(const QString& cause);
    void shutdown(bool notify);

    static void onConnected(const redisAsyncContext* context, int status);
    static void onDisconnected(const redisAsyncContext* context, int status);
    static void onReply(redisAsyncContext* context, void* reply, void* privdata);

    const RedisSettings m_settings;
    const QString m_role;
    State m_state = State::Idle;
    redisAsyncContext* m_context = nullptr;
    RedisQtAdapter* m_adapter = nullptr;
    int m_generation = 0;
    int m_handshakeSteps = 0;
    bool m_everReady = false;
    bool m_notify = true; // false while destroyed: no signals, no reply handlers
    bool m_stopping = false;
    int m_reconnects = 0;
    QString m_lastError;
    qint64 m_lastRoundTripMs = -1;
    ReconnectBackoff m_backoff;
    QTimer m_retryTimer;
    QTimer m_probeTimer;
    QTimer m_deadline; // handshake or probe answer
    QElapsedTimer m_probeSent;
    std::function<void()> m_probe;
};

} // namespace chat::server
