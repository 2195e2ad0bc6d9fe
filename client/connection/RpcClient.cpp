#include "RpcClient.h"

#include "ClientLogging.h"
#include "JsonRpc.h"

namespace chat::client {

namespace {
constexpr int PingIntervalMs = 15000;
constexpr qint64 SilenceLimitMs = 40000;
} // namespace

RpcClient::RpcClient(QObject* parent)
    : QObject(parent)
{
    m_clock.start();
    m_deadlineTimer.setInterval(250);
    connect(&m_deadlineTimer, &QTimer::timeout, this, &RpcClient::expireOverdue);
    // A network that silently drops packets never closes the socket: ping, and give up on a quiet line.
    m_pingTimer.setInterval(PingIntervalMs);
    connect(&m_pingTimer, &QTimer::timeout, this, [this] {
        if (!isConnected())
            return;
        if (m_clock.elapsed() - m_lastHeardMs > SilenceLimitMs) {
            qCInfo(lcConnection) << "no sign of the server for" << SilenceLimitMs << "ms; dropping the connection";
            m_socket.abort();
            return;
        }
        m_socket.ping();
    });
    connect(&m_socket, &QWebSocket::pong, this, [this] { m_lastHeardMs = m_clock.elapsed(); });
    connect(&m_socket, &QWebSocket::connected, this, [this] {
        m_lastHeardMs = m_clock.elapsed();
        m_pingTimer.start();
    });
    connect(&m_socket, &QWebSocket::connected, this, &RpcClient::connected);
    connect(&m_socket, &QWebSocket::disconnected, this, &RpcClient::onDisconnected);
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &RpcClient::onTextMessage);
    connect(&m_socket, &QWebSocket::binaryMessageReceived, this, [this](const QByteArray& frame) {
        m_lastHeardMs = m_clock.elapsed();
        Q_EMIT binaryReceived(frame);
    });
    connect(&m_socket, &QWebSocket::sslErrors, this, &RpcClient::onSslErrors);
    // Qt 6.4 has no QWebSocket::errorOccurred.
    connect(&m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
        [this](QAbstractSocket::SocketError) {
            m_lastSocketError = m_socket.errorString();
            qCInfo(lcConnection) << "socket error:" << m_lastSocketError;
        });
}

RpcClient::~RpcClient()
{
    m_socket.disconnect(this);
    m_pending.clear();
}

void RpcClient::open(const QUrl& url)
{
    m_lastSocketError.clear();
    m_certificateProblem.reset();
    m_url = url;
    // A new attempt replaces the old socket quietly: its loss is not news to the owner.
    m_replacing = true;
    m_socket.abort();
    m_replacing = false;
    m_socket.open(url);
}

void RpcClient::onSslErrors(const QList<QSslError>& errors)
{
    // wss:// verifies against the system's CAs; this runs only when that failed. Only the very certificate
    // the user trusted for this host and port gets past it, whatever else is wrong with it.
    QSslCertificate certificate = m_socket.sslConfiguration().peerCertificate();
    if (certificate.isNull() && !errors.isEmpty())
        certificate = errors.first().certificate();
    const CertificateTrust::Verdict verdict = CertificateTrust().judge(m_url, certificate);
    if (verdict == CertificateTrust::Verdict::Trusted) {
        m_socket.ignoreSslErrors(errors);
        return;
    }
    QStringList details;
    for (const QSslError& error : errors)
        details.append(error.errorString());
    m_certificateProblem = CertificateProblem { verdict, CertificateTrust::fingerprintOf(certificate),
        details.join(QStringLiteral("; ")) };
    qCWarning(lcConnection) << "refused the certificate of" << CertificateTrust::placeOf(m_url) << "("
                            << m_certificateProblem->fingerprint << "):" << m_certificateProblem->details
                            << (verdict == CertificateTrust::Verdict::Changed ? "- not the one trusted before" : "");
}

void RpcClient::close()
{
    m_socket.close();
}

void RpcClient::call(const QString& method, const QJsonObject& params, QObject* context, RpcCallback done)
{
    const qint64 id = m_nextId++;
    m_pending.insert(id, Pending { context, std::move(done), m_clock.elapsed() + m_timeoutMs });
    if (!isConnected()) {
        // Answer asynchronously so that callers never re-enter themselves.
        QTimer::singleShot(0, this, [this, id] {
            finish(id, RpcResult { {}, RpcError::unavailable(tr("Not connected to the server")) });
        });
        return;
    }
    m_socket.sendTextMessage(QString::fromUtf8(jsonrpc::encodeRequest(id, method, params)));
    if (!m_deadlineTimer.isActive())
        m_deadlineTimer.start();
}

void RpcClient::notify(const QString& method, const QJsonObject& params)
{
    if (isConnected())
        m_socket.sendTextMessage(QString::fromUtf8(jsonrpc::encodeNotification(method, params)));
}

void RpcClient::sendBinary(const QByteArray& frame)
{
    if (isConnected())
        m_socket.sendBinaryMessage(frame);
}

qint64 RpcClient::bytesToWrite() const
{
    return m_socket.bytesToWrite();
}

void RpcClient::onTextMessage(const QString& text)
{
    m_lastHeardMs = m_clock.elapsed();
    const jsonrpc::Decoded decoded = jsonrpc::decode(text.toUtf8());
    if (!decoded.message) {
        qCWarning(lcConnection) << "undecodable frame from the server:" << decoded.failure->error.message;
        return;
    }
    const jsonrpc::Message& message = *decoded.message;
    if (message.isNotification()) {
        Q_EMIT notificationReceived(message.method, message.params);
        return;
    }
    if (message.isResponse() && message.id.isDouble())
        finish(message.id.toInteger(), RpcResult { message.result, message.error });
    else if (message.isResponse() && message.error)
        qCWarning(lcConnection) << "server error without a request:" << message.error->message;
}

void RpcClient::onDisconnected()
{
    m_pingTimer.stop();
    if (m_replacing) {
        failAll(RpcError::unavailable(tr("The connection to the server was lost")));
        return;
    }
    const QString why = m_lastSocketError.isEmpty() ? m_socket.closeReason() : m_lastSocketError;
    failAll(RpcError::unavailable(tr("The connection to the server was lost")));
    Q_EMIT disconnected(why);
}

void RpcClient::expireOverdue()
{
    const qint64 now = m_clock.elapsed();
    QList<qint64> overdue;
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it) {
        if (it->deadline <= now)
            overdue.append(it.key());
    }
    for (qint64 id : overdue)
        finish(id, RpcResult { {}, RpcError::unavailable(tr("The server did not answer in time")) });
    if (m_pending.isEmpty())
        m_deadlineTimer.stop();
}

void RpcClient::failAll(const RpcError& error)
{
    const QList<qint64> ids = m_pending.keys();
    for (qint64 id : ids)
        finish(id, RpcResult { {}, error });
    m_deadlineTimer.stop();
}

void RpcClient::finish(qint64 id, const RpcResult& result)
{
    const Pending pending = m_pending.take(id);
    if (pending.done && pending.context)
        pending.done(result);
}

} // namespace chat::client
