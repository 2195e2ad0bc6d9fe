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
    bool isOnline(qint64 userId) const { return m_sessionsByUser.contains(userId); }
    QList<ClientSession*> sessionsOf(qint64 userId) const;

    // The same encoded frame goes to each recipient; `except` is skipped (typically the originating session).
    void sendToUsers(const QList<qint64>& userIds, const OutgoingFrame& frame, const ClientSession* except = nullptr);
    void sendToSignedIn(const OutgoingFrame& frame, const ClientSession* except = nullptr);
    // Ends every signed-in connection of a user (password changed, account disabled).
    void signOutEverywhere(qint64 userId);
    void closeAll();

Q_SIGNALS:
    void userOnlineChanged(qint64 userId, bool online);

private:
    void onAuthenticated(ClientSession* session);
    void onDeauthenticated(ClientSession* session, qint64 userId);
    void onDisconnected(ClientSession* session);
    void detach(ClientSession* session, qint64 userId);
    void broadcastPresence(qint64 userId, bool online);
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
