#include "SessionHub.h"

#include <algorithm>

#include "ClientSession.h"
#include "JsonRpc.h"
#include "Logging.h"
#include "Protocol.h"
#include "events/ClusterEvent.h"

#include <QJsonArray>
#include <QWebSocket>

namespace chat::server {

namespace key = protocol::key;

SessionHub::SessionHub(const ServerConfig& config, RequestRouter& router, QObject* parent)
    : QObject(parent)
    , m_config(config)
    , m_router(router)
{
    // Presence is coalesced: a burst of N people arriving costs one frame per recipient, not N.
    m_presenceTimer.setSingleShot(true);
    connect(&m_presenceTimer, &QTimer::timeout, this, &SessionHub::flushPresence);
}

SessionHub::~SessionHub()
{
    // Sessions are children of the hub; detach first so their destruction signals nothing half-dead.
    for (ClientSession* session : std::as_const(m_sessions))
        session->disconnect(this);
}

namespace {

// The optional parts of the protocol this server speaks (server.hello `features`).
QJsonArray serverFeatures()
{
    namespace feature = protocol::feature;
    QJsonArray features;
    for (QLatin1String name : { feature::Edit, feature::Delete, feature::Reply, feature::Reactions, feature::Mentions,
             feature::Receipts, feature::Notify, feature::Changes, feature::Search, feature::Files })
        features.append(name);
    return features;
}

} // namespace

void SessionHub::adopt(QWebSocket* socket, QAbstractSocket* transport)
{
    if (connectionCount() >= m_config.connection.maxConnections) {
        qCWarning(lcServer) << "connection limit reached; refusing" << socket->peerAddress().toString();
        socket->close(QWebSocketProtocol::CloseCode(1013) /* try again later */, QStringLiteral("server is full"));
        socket->deleteLater();
        return;
    }
    auto* session = new ClientSession(socket, transport, m_config, m_router, this);
    m_sessions.insert(session);
    connect(session, &ClientSession::authenticated, this, &SessionHub::onAuthenticated);
    connect(session, &ClientSession::deauthenticated, this, &SessionHub::onDeauthenticated);
    connect(session, &ClientSession::disconnected, this, &SessionHub::onDisconnected);

    const QJsonObject hello {
        { key::Protocol, protocol::Version },
        { key::Server, QStringLiteral("%1/%2").arg(QStringLiteral("chat-server"), QStringLiteral(CHAT_VERSION)) },
        { key::Name, m_config.serverName },
        { key::Limits, m_config.limits.toJson() },
        { key::Features, serverFeatures() },
    };
    session->send(jsonrpc::encodeNotification(protocol::notification::ServerHello, hello));
}

int SessionHub::signedInCount() const
{
    int count = 0;
    for (const QList<ClientSession*>& sessions : std::as_const(m_sessionsByUser))
        count += int(sessions.size());
    return count;
}

void SessionHub::sendToUsers(const QList<qint64>& userIds, const OutgoingFrame& frame, const ClientSession* except)
{
    for (qint64 userId : userIds) {
        auto it = m_sessionsByUser.constFind(userId);
        if (it == m_sessionsByUser.constEnd())
            continue;
        for (ClientSession* session : it.value()) {
            if (session != except)
                session->send(frame);
        }
    }
}

void SessionHub::sendToSignedIn(const OutgoingFrame& frame, qint64 exceptUser)
{
    for (auto it = m_sessionsByUser.constBegin(); it != m_sessionsByUser.constEnd(); ++it) {
        if (it.key() == exceptUser)
            continue;
        for (ClientSession* session : it.value())
            session->send(frame);
    }
}

void SessionHub::sendToUserExceptConnection(qint64 userId, const OutgoingFrame& frame, quint64 exceptConnectionId)
{
    const QList<ClientSession*> sessions = m_sessionsByUser.value(userId);
    for (ClientSession* session : sessions) {
        if (session->connectionId() != exceptConnectionId)
            session->send(frame);
    }
}

void SessionHub::revokeSessionsOf(qint64 userId, const QString& reason)
{
    const QList<ClientSession*> sessions = m_sessionsByUser.value(userId);
    if (sessions.isEmpty())
        return;
    const QString message = reason == revocation::AccountDisabled
        ? QStringLiteral("Your account was disabled by an administrator")
        : QStringLiteral("Your password was changed: sign in again");
    const OutgoingFrame frame = jsonrpc::encodeNotification(
        protocol::notification::SessionRevoked, { { key::Reason, reason }, { key::Message, message } });
    qCInfo(lcServer) << "ending" << sessions.size() << "sessions of user" << userId << "(" << reason << ")";
    for (ClientSession* session : sessions) {
        session->send(frame);
        session->close(QWebSocketProtocol::CloseCodePolicyViolated, message);
    }
}

void SessionHub::closeAll()
{
    for (ClientSession* session : std::as_const(m_sessions))
        session->close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("server shutting down"));
}

void SessionHub::onAuthenticated(ClientSession* session)
{
    QList<ClientSession*>& sessions = m_sessionsByUser[session->userId()];
    const bool cameOnline = sessions.isEmpty();
    sessions.append(session);
    if (cameOnline)
        Q_EMIT localPresenceChanged(session->userId(), true);
}

void SessionHub::onDeauthenticated(ClientSession* session, qint64 userId)
{
    detach(session, userId);
}

void SessionHub::onDisconnected(ClientSession* session)
{
    if (!m_sessions.remove(session))
        return;
    if (session->isAuthenticated())
        detach(session, session->userId());
    session->deleteLater();
}

void SessionHub::detach(ClientSession* session, qint64 userId)
{
    auto it = m_sessionsByUser.find(userId);
    if (it == m_sessionsByUser.end())
        return;
    it->removeAll(session);
    if (it->isEmpty()) {
        m_sessionsByUser.erase(it);
        Q_EMIT localPresenceChanged(userId, false);
    }
}

void SessionHub::announcePresence(qint64 userId, bool online)
{
    m_pendingPresence.insert(userId, online);
    if (!m_presenceTimer.isActive())
        m_presenceTimer.start(presenceDelayMs());
}

int SessionHub::presenceDelayMs() const
{
    // Every change goes to every signed-in connection, so a mass reconnect costs O(n²) frames; waiting
    // longer on a big server (100 ms up to 1,000 connections, 1 s from 10,000) makes that 10x fewer.
    return std::clamp(int(m_sessions.size() / 10), 100, 1000);
}

void SessionHub::flushPresence()
{
    if (m_pendingPresence.isEmpty())
        return;
    QByteArray frame;
    if (m_pendingPresence.size() == 1) {
        const auto change = m_pendingPresence.constBegin();
        frame = jsonrpc::encodeNotification(
            protocol::notification::Presence, { { key::UserId, change.key() }, { key::Online, change.value() } });
    } else {
        QJsonArray users;
        for (auto change = m_pendingPresence.constBegin(); change != m_pendingPresence.constEnd(); ++change)
            users.append(QJsonObject { { key::UserId, change.key() }, { key::Online, change.value() } });
        frame = jsonrpc::encodeNotification(protocol::notification::PresenceBatch, { { key::Users, users } });
    }
    m_pendingPresence.clear();
    sendToSignedIn(frame);
}

} // namespace chat::server
