#include "ClientSession.h"

#include "Clock.h"
#include "FileTransfer.h"
#include "FrameReader.h"
#include "LingeringClose.h"
#include "Listener.h"
#include "Logging.h"
#include "RequestRouter.h"

#include <QHostAddress>

#include <algorithm>

#include <atomic>

namespace chat::server {

namespace {
std::atomic<quint64> nextConnectionId { 1 };

// Every frame costs from a general budget, which is kept well above the message budget so that only
// floods meet it; a client that far below an empty budget keeps flooding after being told to stop.
double framesPerSecond(const Limits& limits)
{
    return std::max(50.0, 2.0 * limits.messagesPerSecond);
}
double frameBurst(const Limits& limits)
{
    return std::max(200.0, 2.0 * limits.messageBurst);
}
constexpr qint64 TypingIntervalMs = 2000;
// How long a closing connection waits for the answers still under way, and then for its peer to hang up.
constexpr int CloseGraceMs = 5000;

QString idKey(const QJsonValue& id)
{
    return id.isString() ? QLatin1Char('s') + id.toString()
                         : QLatin1Char('n') + QString::number(id.toDouble(), 'g', 17);
}
} // namespace

ClientSession::ClientSession(
    QWebSocket* socket, QAbstractSocket* transport, const ServerConfig& config, RequestRouter& router, QObject* parent)
    : QObject(parent)
    , m_socket(socket)
    , m_transport(transport)
    , m_config(config)
    , m_router(router)
    , m_connectionId(nextConnectionId++)
    , m_peerAddress(transport && transport->property(Listener::ClientAddressProperty).isValid()
              ? transport->property(Listener::ClientAddressProperty).toString()
              : socket->peerAddress().toString())
    , m_frameBucket(framesPerSecond(config.limits), frameBurst(config.limits))
    , m_sendBucket(config.limits.messagesPerSecond, config.limits.messageBurst)
    , m_searchBucket(config.limits.searchesPerSecond, config.limits.searchBurst)
    , m_uploadBucket(config.limits.uploadsPerMinute / 60.0, config.limits.uploadsPerMinute)
    , m_lastHeardMs(currentTimeMs())
{
    m_socket->setParent(this);
    // Frames between the announced limit and twice it get a too_large answer; beyond that the socket closes (1009).
    // File chunks (binary) have their own limit: a chunk and its header, with the same margin.
    const quint64 textCeiling = quint64(config.limits.maxFrameBytes) * 2;
    const quint64 binaryCeiling = quint64(config.limits.fileChunkBytes + files::ChunkHeaderBytes) * 2;
    m_socket->setMaxAllowedIncomingMessageSize(std::max(textCeiling, binaryCeiling));
    m_socket->setMaxAllowedIncomingFrameSize(std::max(textCeiling, binaryCeiling));

    connect(m_socket, &QWebSocket::textMessageReceived, this,
        [this](const QString& text) { onTextMessage(text.toUtf8()); });
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, &ClientSession::onBinaryMessage);
    connect(m_socket, &QWebSocket::pong, this, [this] { m_lastHeardMs = currentTimeMs(); });
    if (m_transport) {
        // QWebSocket stops reading here (see FrameReader for why); it still writes pings and the close frame.
        m_reader = new FrameReader(qint64(textCeiling), qint64(binaryCeiling), this);
        disconnect(m_transport, &QIODevice::readyRead, m_socket, nullptr);
        connect(m_transport, &QIODevice::readyRead, this, &ClientSession::readTransport);
        connect(m_reader, &FrameReader::textMessageReceived, this, &ClientSession::onTextMessage);
        connect(m_reader, &FrameReader::binaryMessageReceived, this, &ClientSession::onBinaryMessage);
        connect(m_reader, &FrameReader::pingReceived, this, &ClientSession::onPingReceived);
        connect(m_reader, &FrameReader::pongReceived, this, [this] { m_lastHeardMs = currentTimeMs(); });
        connect(m_reader, &FrameReader::closeReceived, this, &ClientSession::onCloseReceived);
        connect(m_reader, &FrameReader::protocolError, this, &ClientSession::close);
        // Bytes that came with the handshake are read once the hub has greeted the connection.
        QMetaObject::invokeMethod(this, &ClientSession::readTransport, Qt::QueuedConnection);
    }
    connect(m_socket, &QWebSocket::disconnected, this, [this] { Q_EMIT disconnected(this); });
    if (m_transport)
        connect(m_transport, &QIODevice::bytesWritten, this, &ClientSession::outputWritten);
    else
        connect(m_socket, &QWebSocket::bytesWritten, this, &ClientSession::outputWritten);

    m_authTimer.setSingleShot(true);
    m_authTimer.setInterval(config.connection.authTimeoutMs);
    connect(&m_authTimer, &QTimer::timeout, this, [this] {
        m_authDeadlinePassed = true;
        closeIfNotSignedIn();
    });
    m_authTimer.start();

    m_closeDeadline.setSingleShot(true);
    m_closeDeadline.setInterval(CloseGraceMs);
    connect(&m_closeDeadline, &QTimer::timeout, this, &ClientSession::sendCloseFrame);
    if (m_transport)
        LingeringClose::install(m_transport, parent ? parent : this, CloseGraceMs);

    m_pingTimer.setInterval(config.connection.pingIntervalSeconds * 1000);
    connect(&m_pingTimer, &QTimer::timeout, this, &ClientSession::onPing);
    m_pingTimer.start();
}

ClientSession::~ClientSession()
{
    // Destroyed while answers were still under way (the server is stopping): the close frame goes now.
    if (m_closing)
        sendCloseFrame();
}

void ClientSession::authenticate(qint64 userId, const QByteArray& tokenHash)
{
    m_userId = userId;
    m_tokenHash = tokenHash;
    m_authTimer.stop();
    Q_EMIT authenticated(this);
}

void ClientSession::setAuthPending(bool pending)
{
    m_authPending = pending;
    // A sign-in that finishes now is followed at once by authenticate(): judge after that.
    if (!pending && m_authDeadlinePassed)
        QTimer::singleShot(0, this, &ClientSession::closeIfNotSignedIn);
}

void ClientSession::closeIfNotSignedIn()
{
    // A sign-in sent in time is not cut off by the deadline while the server is still checking it.
    if (!isAuthenticated() && !m_authPending)
        close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("sign in took too long"));
}

void ClientSession::deauthenticate()
{
    const qint64 previous = m_userId;
    m_userId = 0;
    m_tokenHash.clear();
    if (previous != 0)
        Q_EMIT deauthenticated(this, previous);
    m_authDeadlinePassed = false;
    m_authTimer.start();
}

void ClientSession::sendResult(const QJsonValue& id, const QJsonObject& result)
{
    send(jsonrpc::encodeResult(id, result));
    settleRequest(id);
}

void ClientSession::sendError(const QJsonValue& id, const RpcError& error)
{
    send(jsonrpc::encodeError(id, error));
    settleRequest(id);
}

void ClientSession::trackRequest(const QJsonValue& id)
{
    ++m_unanswered[idKey(id)];
}

void ClientSession::settleRequest(const QJsonValue& id)
{
    if (id.isNull() || id.isUndefined())
        return;
    auto it = m_unanswered.find(idKey(id));
    if (it == m_unanswered.end())
        return;
    if (--it.value() == 0)
        m_unanswered.erase(it);
    if (m_closing && m_unanswered.isEmpty())
        sendCloseFrame();
}

void ClientSession::send(const OutgoingFrame& frame)
{
    if (m_closeFrameSent || m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    // A burst (one group commit answers hundreds of sends) can queue more than the limit for a reader
    // that keeps up; only what the kernel will not take either counts as a slow reader.
    if (m_socket->bytesToWrite() > m_config.connection.maxPendingBytes)
        m_socket->flush();
    if (m_socket->bytesToWrite() > m_config.connection.maxPendingBytes) {
        qCWarning(lcSession) << "connection" << m_connectionId << "reads too slowly; closing it";
        m_closing = m_closeFrameSent = true;
        if (m_transport)
            LingeringClose::uninstall(m_transport, parent() ? parent() : this);
        m_socket->abort();
        return;
    }
    // QWebSocket writes each of its own frames whole and at once, so a complete frame written to the
    // transport between them is safe, and queues the shared bytes instead of a converted copy.
    if (m_transport)
        m_transport->write(frame.wire());
    else
        m_socket->sendTextMessage(QString::fromUtf8(frame.json()));
}

void ClientSession::sendBinaryWire(const QByteArray& wire, qsizetype payloadAt)
{
    if (m_closeFrameSent || m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    if (m_transport)
        m_transport->write(wire);
    else
        m_socket->sendBinaryMessage(wire.sliced(payloadAt));
}

qint64 ClientSession::pendingOutputBytes() const
{
    return m_socket->bytesToWrite();
}

void ClientSession::close(QWebSocketProtocol::CloseCode code, const QString& reason)
{
    if (m_closing)
        return;
    m_closing = true;
    m_closeCode = code;
    m_closeReason = reason;
    if (m_unanswered.isEmpty())
        sendCloseFrame();
    else
        m_closeDeadline.start();
}

void ClientSession::sendCloseFrame()
{
    if (m_closeFrameSent)
        return;
    m_closeFrameSent = true;
    m_closeDeadline.stop();
    m_socket->close(m_closeCode, m_closeReason);
    m_socket->flush(); // the close frame must leave before the socket may be destroyed at shutdown
}

bool ClientSession::allowTyping(qint64 roomId, qint64 now)
{
    auto it = m_lastTypingMs.find(roomId);
    if (it != m_lastTypingMs.end() && now - it.value() < TypingIntervalMs)
        return false;
    m_lastTypingMs.insert(roomId, now);
    return true;
}

bool ClientSession::admitFrame()
{
    const qint64 now = currentTimeMs();
    m_lastHeardMs = now;
    if (m_frameBucket.tryTake(now))
        return true;
    // Every refused frame still costs a token, so a client that ignores rate_limited sinks below the floor.
    m_frameBucket.takeAnyway(now);
    if (m_frameBucket.level(now) <= -frameBurst(m_config.limits)) {
        qCWarning(lcSession) << "connection" << m_connectionId << "keeps flooding; closing it";
        close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("too many requests"));
        return false;
    }
    return false;
}

void ClientSession::readTransport()
{
    if (m_transport && m_transport->isOpen())
        m_reader->feed(m_transport->readAll());
}

void ClientSession::onPingReceived(const QByteArray& payload)
{
    m_lastHeardMs = currentTimeMs();
    if (m_closeFrameSent || !m_transport)
        return;
    QByteArray pong;
    pong.append(char(0x8a)); // final pong frame; server frames are unmasked
    pong.append(char(payload.size())); // control payloads are at most 125 bytes
    pong.append(payload);
    m_transport->write(pong);
}

void ClientSession::onCloseReceived(QWebSocketProtocol::CloseCode code)
{
    // The answer to a close frame echoes its code (RFC 6455 5.5.1), when it is one an endpoint may send.
    const bool sendable = code >= 1000 && code <= 4999 && code != 1004 && code != 1005 && code != 1006 && code != 1015;
    close(sendable ? code : QWebSocketProtocol::CloseCodeProtocolError, QString());
}

void ClientSession::onTextMessage(const QByteArray& utf8)
{
    if (m_closing)
        return;
    const qint64 now = currentTimeMs();
    if (!admitFrame()) {
        if (!m_closing)
            sendError(QJsonValue::Null,
                RpcError::rateLimited(
                    m_frameBucket.msUntilAvailable(now), QStringLiteral("Too many requests: slow down")));
        return;
    }
    if (utf8.size() > m_config.limits.maxFrameBytes * 2) { // only the QWebSocket reader lets these through
        close(QWebSocketProtocol::CloseCodeTooMuchData, QStringLiteral("message too big"));
        return;
    }
    if (utf8.size() > m_config.limits.maxFrameBytes) {
        sendError(QJsonValue::Null,
            RpcError::tooLarge(QStringLiteral("A frame has at most %1 bytes").arg(m_config.limits.maxFrameBytes)));
        return;
    }
    jsonrpc::Decoded decoded = jsonrpc::decode(utf8);
    if (decoded.failure) {
        if (decoded.failure->answered)
            sendError(decoded.failure->id, decoded.failure->error);
        return;
    }
    if (decoded.message->isRequest())
        trackRequest(decoded.message->id);
    m_router.route(*this, std::move(*decoded.message));
}

void ClientSession::onBinaryMessage(const QByteArray& data)
{
    if (m_closing)
        return;
    if (data.size() > m_config.limits.fileChunkBytes + files::ChunkHeaderBytes) {
        if (admitFrame())
            sendError(QJsonValue::Null,
                RpcError::tooLarge(
                    QStringLiteral("A file chunk has at most %1 bytes of data").arg(m_config.limits.fileChunkBytes)));
        return;
    }
    // A chunk the upload expects is paced by the upload's window, not the request budget.
    const auto outcome = isAuthenticated() ? m_router.routeBinary(*this, data) : RequestRouter::BinaryOutcome::Unknown;
    if (outcome == RequestRouter::BinaryOutcome::Accepted)
        return;
    if (!admitFrame() || outcome == RequestRouter::BinaryOutcome::Answered)
        return;
    sendError(QJsonValue::Null,
        RpcError::invalidRequest(QStringLiteral("A binary frame must be a chunk of one of your uploads")));
}

void ClientSession::onPing()
{
    if (currentTimeMs() - m_lastHeardMs > qint64(m_config.connection.idleTimeoutSeconds) * 1000) {
        qCInfo(lcSession) << "connection" << m_connectionId << "went silent; closing it";
        close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("idle timeout"));
        return;
    }
    m_socket->ping();
}

} // namespace chat::server
