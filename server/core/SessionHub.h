#pragma once

#include "OutgoingFrame.h"
#include "config/ServerConfig.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QTimer>

class QAbstractSocket;
class QWebSocket;

namespace chat::server {

class ClientSession;
class RequestRouter;

// Every open connection, who is signed in on which, presence, and fan-out of encoded frames.
class SessionHub : public QObject {
    Q_OBJECT
public:
    SessionHub(const ServerConfig& config, RequestRouter& router, QObject* parent = nullptr);
    ~SessionHub() override;

    void adopt(QWebSocket* socket, QAbstractSocket* transport);
    int connectionCount() const { return int(m_sessions.size()); }
    int signedInCount() const;
    // Users with at least one signed-in connection on this node.
    QList<qint64> localUsers() const { return m_sessionsByUser.keys(); }

    // The same encoded frame goes to each recipient; `except` is skipped (typically the originating session).
    void sendToUsers(const QList<qint64>& userIds, const OutgoingFrame& frame, const ClientSession* except = nullptr);
    // To every signed-in connection but those of `exceptUser`.
    void sendToSignedIn(const OutgoingFrame& frame, qint64 exceptUser = 0);
    void sendToUserExceptConnection(qint64 userId, const OutgoingFrame& frame, quint64 exceptConnectionId);
    // Tells each signed-in connection of the user why (session.revoked) and closes it.
    void revokeSessionsOf(qint64 userId, const QString& reason);
    // A user's online state changed somewhere in the cluster: every signed-in connection hears it, coalesced.
    void announcePresence(qint64 userId, bool online);
    void closeAll();

Q_SIGNALS:
    // This node's first connection of a user signed in, or its last one went.
    void localPresenceChanged(qint64 userId, bool online);

private:
    void onAuthenticated(ClientSession* session);
    void onDeauthenticated(ClientSession* session, qint64 userId);
    void onDisconnected(ClientSession* session);
    void detach(ClientSession* session, qint64 userId);
    int presenceDelayMs() const;
    void flushPresence();

    const ServerConfig& m_config;
    RequestRouter& m_router;
    QSet<ClientSession*> m_sessions;
    QHash<qint64, QList<ClientSession*>> m_sessionsByUser;
    QHash<qint64, bool> m_pendingPresence;
    QTimer m_presenceTimer;
};

} // namespace chat::server
