#include "RedisLink.h"

#include "ClusterLogging.h"
#include "HiredisQtAdapter.h"

#include <hiredis/async.h>
#include <hiredis/hiredis.h>

#include <memory>
#include <vector>

namespace chat::server {

// A command's reply handler, owned by hiredis's callback list until the reply (or the link's end) comes.
struct RedisLink::Pending {
    RedisLink* link;
    ReplyHandler done;
};

namespace {

QString handshakeProblem(const QByteArray& command, const QString& redisText)
{
    if (redisText.startsWith(QLatin1String("NOAUTH")))
        return QStringLiteral("Redis requires a password and none is configured (%1)").arg(redisText);
    if (command == "AUTH") {
        if (redisText.contains(QLatin1String("without any password configured")))
            return QStringLiteral("a password is configured but Redis has none (%1)").arg(redisText);
        return QStringLiteral("wrong password: Redis refused AUTH (%1)").arg(redisText);
    }
    return QStringLiteral("%1 failed (%2)").arg(QString::fromLatin1(command), redisText);
}

} // namespace

RedisLink::RedisLink(const RedisSettings& settings, const QString& role, QObject* parent)
    : QObject(parent)
    , m_settings(settings)
    , m_role(role)
    , m_backoff(settings.backoffInitialMs, settings.backoffMaxMs)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &RedisLink::connectNow);
    m_probeTimer.setInterval(m_settings.pingIntervalMs);
    connect(&m_probeTimer, &QTimer::timeout, this, &RedisLink::sendProbe);
    m_deadline.setSingleShot(true);
    m_deadline.setInterval(m_settings.pingTimeoutMs);
    connect(&m_deadline, &QTimer::timeout, this, &RedisLink::probeTimedOut);
}

RedisLink::~RedisLink()
{
    shutdown(false);
}

QString RedisLink::describe() const
{
    return QStringLiteral("redis %1 (%2)").arg(m_settings.address(), m_role);
}

void RedisLink::start()
{
    if (m_state != State::Idle)
        return;
    m_notify = true;
    connectNow();
}

void RedisLink::stop()
{
    shutdown(true);
}

void RedisLink::shutdown(bool notify)
{
    m_notify = notify;
    m_stopping = true;
    m_retryTimer.stop();
    if (m_context)
        dropLink(QStringLiteral("stopped"));
    m_stopping = false;
    m_state = State::Idle;
}

void RedisLink::connectNow()
{
    m_state = State::Connecting;
    ++m_generation;
    redisAsyncContext* context = redisAsyncConnect(m_settings.host.toUtf8().constData(), m_settings.port);
    if (!context) {
        linkDown(QStringLiteral("cannot allocate a hiredis context"));
        return;
    }
    if (context->err) {
        const QString cause = QStringLiteral("cannot connect: %1").arg(QString::fromUtf8(context->errstr));
        redisAsyncFree(context);
        linkDown(cause);
        return;
    }
    m_context = context;
    m_adapter = new RedisQtAdapter;
    m_adapter->setContext(context);
    context->data = this;
    redisAsyncSetConnectCallback(context, &RedisLink::onConnected);
    redisAsyncSetDisconnectCallback(context, &RedisLink::onDisconnected);
    queueHandshake();
    m_deadline.start(); // connect and handshake, like a probe: hiredis has no timeout of its own
}

void RedisLink::queueHandshake()
{
    QList<QList<QByteArray>> steps;
    if (!m_settings.password.isEmpty())
        steps.append({ QByteArrayLiteral("AUTH"), m_settings.password });
    steps.append({ QByteArrayLiteral("SELECT"), QByteArray::number(m_settings.db) });
    if (!m_settings.clientName.isEmpty())
        steps.append({ QByteArrayLiteral("CLIENT"), QByteArrayLiteral("SETNAME"),
            (m_settings.clientName + QLatin1Char('.') + m_role).toUtf8() });
    m_handshakeSteps = int(steps.size());
    const int generation = m_generation;
    for (int step = 0; step < steps.size(); ++step) {
        const QByteArray command = steps[step].first();
        auto* pending = new Pending { this, [this, generation, step, command](const RedisReply& reply) {
                                         handshakeAnswered(generation, step, command, reply);
                                     } };
        if (!queue(m_context, steps[step], &RedisLink::onReply, pending))
            delete pending;
    }
}

void RedisLink::handshakeAnswered(int generation, int step, const QByteArray& command, const RedisReply& reply)
{
    if (generation != m_generation || m_state != State::Connecting || !m_context)
        return; // an answer for a link that is already gone
    if (reply.isError())
        return dropLink(handshakeProblem(command, reply.errorText));
    if (step == m_handshakeSteps - 1)
        becomeReady();
}

void RedisLink::becomeReady()
{
    m_deadline.stop();
    m_state = State::Ready;
    if (m_everReady) {
        ++m_reconnects;
        qCInfo(lcCluster).noquote() << describe() << "reconnected after" << m_backoff.failures() << "failed attempts";
    } else {
        qCInfo(lcCluster).noquote() << describe() << "connected, database" << m_settings.db;
    }
    m_everReady = true;
    m_backoff.reset();
    m_lastError.clear();
    m_probeTimer.start();
    Q_EMIT ready();
}

bool RedisLink::queue(redisAsyncContext* context, const QList<QByteArray>& args, RawCallback callback, void* privdata)
{
    std::vector<const char*> argv;
    std::vector<size_t> lengths;
    argv.reserve(size_t(args.size()));
    lengths.reserve(size_t(args.size()));
    for (const QByteArray& arg : args) {
        argv.push_back(arg.constData());
        lengths.push_back(size_t(arg.size()));
    }
    return redisAsyncCommandArgv(context, callback, privdata, int(argv.size()), argv.data(), lengths.data())
        == REDIS_OK;
}

bool RedisLink::send(const QList<QByteArray>& args, ReplyHandler done)
{
    if (m_state != State::Ready || args.isEmpty())
        return false;
    auto* pending = new Pending { this, std::move(done) };
    if (queue(m_context, args, &RedisLink::onReply, pending))
        return true;
    delete pending;
    return false;
}

bool RedisLink::sendRaw(const QList<QByteArray>& args, RawCallback callback, void* privdata)
{
    return m_state == State::Ready && !args.isEmpty() && queue(m_context, args, callback, privdata);
}

void RedisLink::onReply(redisAsyncContext*, void* reply, void* privdata)
{
    std::unique_ptr<Pending> pending(static_cast<Pending*>(privdata));
    if (!pending->done || !pending->link->m_notify)
        return;
    if (reply)
        pending->done(RedisReply::fromHiredis(*static_cast<redisReply*>(reply)));
    else
        pending->done(RedisReply::error(QStringLiteral("the connection to Redis was lost before the reply")));
}

void RedisLink::sendProbe()
{
    if (m_state != State::Ready || m_deadline.isActive())
        return; // the previous probe is still out; its deadline decides
    m_probeSent.start();
    m_deadline.start();
    if (m_probe)
        return m_probe();
    send({ QByteArrayLiteral("PING") }, [this](const RedisReply& reply) {
        if (!reply.isError())
            noteAlive();
    });
}

void RedisLink::noteAlive()
{
    if (m_state != State::Ready || !m_deadline.isActive())
        return;
    m_deadline.stop();
    m_lastRoundTripMs = m_probeSent.elapsed();
}

void RedisLink::probeTimedOut()
{
    if (m_state == State::Connecting)
        dropLink(QStringLiteral("no answer to the connection handshake within %1 ms").arg(m_settings.pingTimeoutMs));
    else if (m_state == State::Ready)
        dropLink(QStringLiteral("no answer to a probe within %1 ms").arg(m_settings.pingTimeoutMs));
}

// Unhooks the Qt adapter from a context that is still alive: its destructor writes into the context, and
// hiredis would call its cleanup hook again while freeing.
void RedisLink::detach(redisAsyncContext* context)
{
    context->data = nullptr;
    if (!m_adapter)
        return;
    if (context->ev.cleanup)
        context->ev.cleanup(context->ev.data);
    delete m_adapter;
    m_adapter = nullptr;
    context->ev.addRead = nullptr;
    context->ev.delRead = nullptr;
    context->ev.addWrite = nullptr;
    context->ev.delWrite = nullptr;
    context->ev.cleanup = nullptr;
}

void RedisLink::dropLink(const QString& cause)
{
    redisAsyncContext* context = m_context;
    if (!context)
        return;
    m_context = nullptr;
    detach(context);
    ++m_generation;
    redisAsyncFree(context); // replies still due get the error reply now (deferred if inside a callback)
    linkDown(cause);
}

void RedisLink::onConnected(const redisAsyncContext* context, int status)
{
    auto* link = static_cast<RedisLink*>(context->data);
    if (!link || status == REDIS_OK)
        return;
    // hiredis frees the context when this returns
    const QString cause = QStringLiteral("cannot connect: %1").arg(QString::fromUtf8(context->errstr));
    link->m_context = nullptr;
    link->detach(const_cast<redisAsyncContext*>(context));
    link->linkDown(cause);
}

void RedisLink::onDisconnected(const redisAsyncContext* context, int status)
{
    auto* link = static_cast<RedisLink*>(context->data);
    if (!link)
        return; // a link we dropped ourselves
    const QString cause = status == REDIS_OK || !context->errstr || !*context->errstr
        ? QStringLiteral("the connection was closed")
        : QStringLiteral("connection lost: %1").arg(QString::fromUtf8(context->errstr));
    link->m_context = nullptr;
    link->detach(const_cast<redisAsyncContext*>(context));
    link->linkDown(cause);
}

void RedisLink::linkDown(const QString& cause)
{
    const bool wasReady = m_state == State::Ready;
    m_deadline.stop();
    m_probeTimer.stop();
    if (m_stopping) {
        m_state = State::Idle;
        if (m_notify)
            qCInfo(lcCluster).noquote() << describe() << "stopped";
        if (wasReady && m_notify)
            Q_EMIT lost();
        return;
    }
    const int delay = m_backoff.nextDelayMs();
    const QString line = QStringLiteral("%1: %2; retrying in %3 ms").arg(describe(), cause).arg(delay);
    // The first failure of a kind is a warning; the same failure again, every few seconds, is noise.
    if (wasReady || cause != m_lastError)
        qCWarning(lcCluster).noquote() << line;
    else
        qCDebug(lcCluster).noquote() << line;
    m_lastError = cause;
    m_state = State::Waiting;
    m_retryTimer.start(delay);
    if (wasReady)
        Q_EMIT lost();
}

} // namespace chat::server
