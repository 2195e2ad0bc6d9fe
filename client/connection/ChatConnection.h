#pragma once

#include "Backoff.h"
#include "HistorySource.h"
#include "Limits.h"
#include "Params.h"
#include "RoomUpdate.h"
#include "RpcClient.h"
#include "SearchSource.h"
#include "Types.h"

#include <QObject>
#include <QTimer>
#include <QUrl>

namespace chat::client {

// The session with one chat-server: signs in (password or saved token), keeps the state the UI shows,
// reconnects with backoff after a loss and resumes with the token, and turns notifications into typed
// signals.
class ChatConnection : public QObject, public HistorySource, public SearchSource {
    Q_OBJECT
public:
    enum class State { Offline, Connecting, SigningIn, Online, Reconnecting };
    Q_ENUM(State)
    enum class AuthMode { Login, Signup };

    explicit ChatConnection(QObject* parent = nullptr);

    void signIn(const QUrl& url, AuthMode mode, const params::Credentials& credentials);
    void resume(const QUrl& url, const QString& token);
    // Like resume(), for a session the client already shows (from its local cache): `me` is known at once,
    // an unreachable server means reconnecting with backoff rather than a failed sign-in, and success is
    // sessionRestored().
    void resumeKnownSession(const QUrl& url, const QString& token, const User& me);
    void signOut(); // revokes the token on the server, then goes offline
    void dropConnection(); // closes the socket as a network loss would; reconnects when signed in
    void reconnectNow(); // while reconnecting: try at once instead of waiting out the backoff

    State state() const { return m_state; }
    bool isOnline() const { return m_state == State::Online; }
    bool canReconnectNow() const { return m_state == State::Reconnecting; }
    const User& me() const { return m_me; }
    QString token() const { return m_token; }
    QUrl url() const { return m_url; }
    const Limits& limits() const { return m_limits; }
    // The optional parts of the protocol the server announced in server.hello (none from older servers).
    const QStringList& features() const { return m_features; }
    int reconnectAttempts() const { return m_backoff.attempts(); }
    void setBackoff(const Backoff& backoff) { m_backoff = backoff; }

    // `done` runs once (never if `context` is gone): result, server error, timeout or lost connection.
    void call(const QString& method, const QJsonObject& params, QObject* context, RpcCallback done);
    void notify(const QString& method, const QJsonObject& params);
    // File transfers (protocol.md, "Files"): chunk frames go out as binary frames while online.
    void sendBinary(const QByteArray& frame);
    void fetchHistory(const HistoryQuery& request, QObject* context, HistorySource::Callback done) override;
    void fetchChanges(
        qint64 roomId, qint64 since, int limit, QObject* context, HistorySource::ChangesCallback done) override;
    void searchMessages(const params::Search& request, QObject* context, SearchSource::Callback done) override;

    static QString describe(State state);

Q_SIGNALS:
    void stateChanged(chat::client::ChatConnection::State state);
    void signedIn(const chat::User& me);
    void signInFailed(const chat::RpcError& error);
    // A reconnect met a certificate the user has not trusted for this server (reasons in CertificateTrust);
    // it keeps trying, so a certificate put right lets it back in.
    void certificateRefused(const chat::RpcError& error);
    void sessionRestored(); // signed in again after a reconnect: time to re-sync
    void signedOut(const QString& reason); // logout, or a token the server no longer accepts

    void messageReceived(const chat::Message& message);
    void messageChanged(const chat::Message& message); // edited, deleted or reacted to
    void receiptReceived(qint64 roomId, qint64 userId, qint64 seq); // userId has read the room up to seq
    void presenceChanged(qint64 userId, bool online);
    void userAdded(const chat::User& user);
    void roomUpdated(const chat::client::RoomUpdate& update);
    void typingReceived(qint64 roomId, qint64 userId);
    void fileProgressReceived(const QString& uploadId, qint64 received); // file.progress: bytes the server holds
    void downloadChunkReceived(const QString& downloadId, qint64 offset, const QByteArray& data);

private:
    void setState(State state);
    void onConnected();
    void onDisconnected(const QString& why);
    void onNotification(const QString& method, const QJsonObject& params);
    void onBinary(const QByteArray& frame);
    void authenticate();
    void onAuthenticated(const RpcResult& result);
    void scheduleReconnect();
    void endRevokedSession(const QString& reason);
    RpcError certificateError(const RpcClient::CertificateProblem& problem) const;
    void watchNetwork();

    RpcClient m_rpc;
    State m_state = State::Offline;
    QUrl m_url;
    AuthMode m_mode = AuthMode::Login;
    params::Credentials m_credentials;
    QString m_token;
    User m_me;
    Limits m_limits;
    QStringList m_features;
    bool m_hasSession = false; // signed in once: losses lead to reconnects rather than failures
    Backoff m_backoff;
    QTimer m_reconnectTimer;
};

} // namespace chat::client
