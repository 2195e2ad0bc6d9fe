#pragma once

#include "JsonRpc.h"
#include "OutgoingFrame.h"
#include "RpcError.h"
#include "config/ServerConfig.h"
#include "limits/TokenBucket.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QWebSocket>

namespace chat::server {

class FrameReader;
class RequestRouter;

// One WebSocket connection: frames in (size and flood limits, decoding), replies and notifications out,
// who is signed in on it, and its timers. What a request means is the router's business.
class ClientSession : public QObject {
    Q_OBJECT
public:
    // `transport`, when given, is the socket under `socket`; encoded frames are written to it directly.
    ClientSession(QWebSocket* socket, QAbstractSocket* transport, const ServerConfig& config, RequestRouter& router,
        QObject* parent = nullptr);
    ~ClientSession() override;

    quint64 connectionId() const { return m_connectionId; }
    QString peerAddress() const { return m_peerAddress; }

    bool isAuthenticated() const { return m_userId != 0; }
    qint64 userId() const { return m_userId; }
    QByteArray tokenHash() const { return m_tokenHash; }
    void authenticate(qint64 userId, const QByteArray& tokenHash);
    void deauthenticate();
    // Auth requests are answered asynchronously; this stops a second one from racing the first.
    bool isAuthPending() const { return m_authPending; }
    void setAuthPending(bool pending);

    void sendResult(const QJsonValue& id, const QJsonObject& result);
    void sendError(const QJsonValue& id, const RpcError& error);
    void send(const OutgoingFrame& frame); // an already encoded message, shared between recipients
    // One binary message (a file chunk), already framed: `wire` is OutgoingFrame::binaryHeader() and the payload
    // from `payloadAt` on.
    void sendBinaryWire(const QByteArray& wire, qsizetype payloadAt);
    qint64 pendingOutputBytes() const; // written by the server, not yet taken by the kernel
    // Stops reading requests at once; the close frame follows the answers to requests already under way
    // (or comes after a few seconds, whichever is first), and the socket lingers so that all of it arrives.
    void close(QWebSocketProtocol::CloseCode code, const QString& reason);

    TokenBucket& sendBucket() { return m_sendBucket; }
    TokenBucket& searchBucket() { return m_searchBucket; }
    TokenBucket& uploadBucket() { return m_uploadBucket; }
    // True at most once per interval per room: typing notifications are relayed sparingly.
    bool allowTyping(qint64 roomId, qint64 nowMs);

Q_SIGNALS:
    void authenticated(ClientSession* session);
    void deauthenticated(ClientSession* session, qint64 userId);
    void disconnected(ClientSession* session);
    void outputWritten(); // some pending output went to the kernel

private:
    void readTransport();
    void onTextMessage(const QByteArray& utf8);
    void onBinaryMessage(const QByteArray& data);
    void onPingReceived(const QByteArray& payload);
    void onCloseReceived(QWebSocketProtocol::CloseCode code);
    void onPing();
    bool admitFrame();
    void closeIfNotSignedIn();
    void trackRequest(const QJsonValue& id);
    void settleRequest(const QJsonValue& id);
    void sendCloseFrame();

    QWebSocket* m_socket;
    QPointer<QAbstractSocket> m_transport;
    FrameReader* m_reader = nullptr; // reads the transport when there is one; else QWebSocket does
    const ServerConfig& m_config;
    RequestRouter& m_router;
    quint64 m_connectionId;
    QString m_peerAddress;
    qint64 m_userId = 0;
    QByteArray m_tokenHash;
    bool m_authPending = false;
    bool m_authDeadlinePassed = false;
    bool m_closing = false; // no more requests are read
    bool m_closeFrameSent = false; // nothing more is written
    QWebSocketProtocol::CloseCode m_closeCode = QWebSocketProtocol::CloseCodeNormal;
    QString m_closeReason;
    QHash<QString, int> m_unanswered; // ids of requests routed but not yet answered, with their counts
    QTimer m_closeDeadline;
    TokenBucket m_frameBucket;
    TokenBucket m_sendBucket;
    TokenBucket m_searchBucket;
    TokenBucket m_uploadBucket;
    QHash<qint64, qint64> m_lastTypingMs;
    QTimer m_authTimer;
    QTimer m_pingTimer;
    qint64 m_lastHeardMs;
};

} // namespace chat::server
