#include "ChatConnection.h"

#include "ClientLogging.h"
#include "FileTransfer.h"
#include "Protocol.h"

#include <QJsonArray>
#include <QNetworkInformation>

namespace chat::client {

namespace key = protocol::key;
namespace method = protocol::method;
namespace note = protocol::notification;

ChatConnection::ChatConnection(QObject* parent)
    : QObject(parent)
    , m_rpc(this)
{
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, [this] {
        setState(State::Reconnecting);
        m_rpc.open(m_url);
    });
    connect(&m_rpc, &RpcClient::connected, this, &ChatConnection::onConnected);
    connect(&m_rpc, &RpcClient::disconnected, this, &ChatConnection::onDisconnected);
    connect(&m_rpc, &RpcClient::notificationReceived, this, &ChatConnection::onNotification);
    connect(&m_rpc, &RpcClient::binaryReceived, this, &ChatConnection::onBinary);
    watchNetwork();
}

void ChatConnection::watchNetwork()
{
    // Network back (Wi-Fi rejoined, cable in, resumed from sleep): try at once rather than after the backoff.
    if (!QNetworkInformation::instance()
        && !QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability))
        return;
    connect(QNetworkInformation::instance(), &QNetworkInformation::reachabilityChanged, this,
        [this](QNetworkInformation::Reachability reachability) {
            qCInfo(lcConnection) << "network reachability:" << reachability;
            if (reachability != QNetworkInformation::Reachability::Disconnected)
                reconnectNow();
        });
}

void ChatConnection::reconnectNow()
{
    if (!canReconnectNow())
        return;
    qCInfo(lcConnection) << "reconnecting now";
    m_reconnectTimer.stop();
    m_backoff.reset();
    m_rpc.open(m_url);
}

void ChatConnection::signIn(const QUrl& url, AuthMode mode, const params::Credentials& credentials)
{
    m_reconnectTimer.stop();
    m_url = url;
    m_mode = mode;
    m_credentials = credentials;
    m_token.clear();
    m_hasSession = false;
    m_backoff.reset();
    setState(State::Connecting);
    m_rpc.open(url);
}

void ChatConnection::resume(const QUrl& url, const QString& token)
{
    m_reconnectTimer.stop();
    m_url = url;
    m_credentials = {};
    m_token = token;
    m_hasSession = false;
    m_backoff.reset();
    setState(State::Connecting);
    m_rpc.open(url);
}

void ChatConnection::resumeKnownSession(const QUrl& url, const QString& token, const User& me)
{
    resume(url, token);
    m_me = me;
    m_hasSession = true;
}

void ChatConnection::signOut()
{
    m_reconnectTimer.stop();
    const bool wasOnline = isOnline();
    m_hasSession = false;
    m_token.clear();
    m_me = {};
    auto goOffline = [this] {
        setState(State::Offline);
        m_rpc.close();
        Q_EMIT signedOut(QString());
    };
    if (!wasOnline)
        return goOffline();
    m_rpc.call(method::AuthLogout, {}, this, [goOffline](const RpcResult&) { goOffline(); });
}

void ChatConnection::dropConnection()
{
    m_rpc.close();
}

void ChatConnection::call(const QString& methodName, const QJsonObject& params, QObject* context, RpcCallback done)
{
    m_rpc.call(methodName, params, context, std::move(done));
}

namespace {
QList<Message> messagesIn(const QJsonObject& result)
{
    QList<Message> messages;
    const QJsonArray array = result.value(key::Messages).toArray();
    messages.reserve(array.size());
    for (const QJsonValue& value : array)
        messages.append(Message::fromJson(value.toObject()));
    return messages;
}
} // namespace

void ChatConnection::fetchHistory(const HistoryQuery& request, QObject* context, HistorySource::Callback done)
{
    m_rpc.call(method::MessagesHistory, request.toJson(), context, [done = std::move(done)](const RpcResult& result) {
        if (!result.ok())
            return done({}, result.error->message);
        done(HistoryPage { messagesIn(result.result), result.result.value(key::HasMore).toBool(),
                 result.result.value(key::HasNewer).toBool() },
            std::nullopt);
    });
}

void ChatConnection::fetchChanges(
    qint64 roomId, qint64 since, int limit, QObject* context, HistorySource::ChangesCallback done)
{
    const QJsonObject params { { key::RoomId, roomId }, { key::Since, since }, { key::Limit, limit } };
    m_rpc.call(method::MessagesChanges, params, context, [done = std::move(done)](const RpcResult& result) {
        if (!result.ok())
            return done({}, result.error->message);
        done(ChangesPage { messagesIn(result.result), result.result.value(key::LastChange).toInteger(),
                 result.result.value(key::HasMore).toBool() },
            std::nullopt);
    });
}

void ChatConnection::searchMessages(const params::Search& request, QObject* context, SearchSource::Callback done)
{
    m_rpc.call(method::MessagesSearch, request.toJson(), context, [done = std::move(done)](const RpcResult& result) {
        if (!result.ok())
            return done({}, result.error);
        done(SearchPage::fromJson(result.result), std::nullopt);
    });
}

void ChatConnection::notify(const QString& methodName, const QJsonObject& params)
{
    if (isOnline())
        m_rpc.notify(methodName, params);
}

void ChatConnection::sendBinary(const QByteArray& frame)
{
    if (isOnline())
        m_rpc.sendBinary(frame);
}

void ChatConnection::onBinary(const QByteArray& frame)
{
    const std::optional<files::Chunk> chunk = files::decodeChunk(frame);
    if (!chunk || chunk->kind != files::ChunkKind::Download) {
        qCWarning(lcConnection) << "ignoring a binary frame that is not a download chunk," << frame.size() << "bytes";
        return;
    }
    Q_EMIT downloadChunkReceived(chunk->id, qint64(chunk->offset), chunk->data);
}

QString ChatConnection::describe(State state)
{
    switch (state) {
    case State::Offline:
        return tr("Offline");
    case State::Connecting:
        return tr("Connecting…");
    case State::SigningIn:
        return tr("Signing in…");
    case State::Online:
        return tr("Online");
    case State::Reconnecting:
        return tr("Reconnecting…");
    }
    return {};
}

void ChatConnection::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    qCInfo(lcConnection) << "state:" << state;
    Q_EMIT stateChanged(state);
}

void ChatConnection::onConnected()
{
    setState(State::SigningIn);
    authenticate();
}

void ChatConnection::authenticate()
{
    if (!m_token.isEmpty()) {
        m_rpc.call(method::AuthResume, params::Resume { m_token }.toJson(), this,
            [this](const RpcResult& result) { onAuthenticated(result); });
        return;
    }
    const QString name = m_mode == AuthMode::Signup ? QString(method::AuthSignup) : QString(method::AuthLogin);
    m_rpc.call(name, m_credentials.toJson(), this, [this](const RpcResult& result) { onAuthenticated(result); });
}

void ChatConnection::onAuthenticated(const RpcResult& result)
{
    if (!result.ok()) {
        const RpcError error = *result.error;
        if (error.reason == reason::Unavailable && m_hasSession)
            return; // the socket went away mid-way: onDisconnected schedules the next attempt
        if (m_hasSession && error.reason != reason::TokenInvalid && error.reason != reason::AccountDisabled) {
            m_rpc.close(); // e.g. rate limited: try again later
            return;
        }
        const bool hadSession = m_hasSession;
        m_hasSession = false;
        m_token.clear();
        m_credentials.password.clear();
        setState(State::Offline);
        m_rpc.close();
        if (hadSession)
            Q_EMIT signedOut(error.reason);
        else
            Q_EMIT signInFailed(error);
        return;
    }
    m_credentials.password.clear();
    m_me = User::fromJson(result.result.value(key::User).toObject());
    if (result.result.contains(key::Token))
        m_token = result.result.value(key::Token).toString();
    m_backoff.reset();
    const bool restored = m_hasSession;
    m_hasSession = true;
    setState(State::Online);
    if (restored)
        Q_EMIT sessionRestored();
    else
        Q_EMIT signedIn(m_me);
}

void ChatConnection::onDisconnected(const QString& why)
{
    if (m_hasSession) {
        qCInfo(lcConnection) << "connection lost:" << why;
        if (const auto& problem = m_rpc.certificateProblem())
            Q_EMIT certificateRefused(certificateError(*problem));
        scheduleReconnect();
        return;
    }
    if (m_state == State::Connecting || m_state == State::SigningIn) {
        setState(State::Offline);
        if (const auto& problem = m_rpc.certificateProblem())
            return Q_EMIT signInFailed(certificateError(*problem));
        RpcError error = RpcError::unavailable(why.isEmpty()
                ? tr("The server at %1 cannot be reached.").arg(m_url.toDisplayString())
                : tr("The server at %1 cannot be reached: %2").arg(m_url.toDisplayString(), why));
        Q_EMIT signInFailed(error);
        return;
    }
    setState(State::Offline);
}

RpcError ChatConnection::certificateError(const RpcClient::CertificateProblem& problem) const
{
    RpcError error;
    error.code = errc::Unavailable;
    const bool changed = problem.verdict == CertificateTrust::Verdict::Changed;
    error.reason = changed ? CertificateTrust::ChangedReason : CertificateTrust::UntrustedReason;
    error.message = problem.details;
    error.extra.insert(CertificateTrust::FingerprintKey, problem.fingerprint);
    error.extra.insert(CertificateTrust::ServerKey, CertificateTrust::placeOf(m_url));
    return error;
}

void ChatConnection::endRevokedSession(const QString& reason)
{
    // An administrator ended the session (password changed, account disabled): the token is gone, so there
    // is nothing to reconnect to; the user signs in again.
    qCInfo(lcConnection) << "the server ended this session:" << reason;
    m_reconnectTimer.stop();
    m_hasSession = false;
    m_token.clear();
    m_me = {};
    setState(State::Offline);
    m_rpc.close();
    Q_EMIT signedOut(reason);
}

void ChatConnection::scheduleReconnect()
{
    setState(State::Reconnecting);
    const int delay = m_backoff.nextDelayMs();
    qCInfo(lcConnection) << "reconnecting in" << delay << "ms";
    m_reconnectTimer.start(delay);
}

void ChatConnection::onNotification(const QString& name, const QJsonObject& params)
{
    if (name == note::ServerHello) {
        m_limits = Limits::fromJson(params.value(key::Limits).toObject());
        m_features.clear();
        const QJsonArray features = params.value(key::Features).toArray();
        for (const QJsonValue& feature : features)
            m_features.append(feature.toString());
    } else if (name == note::MessageNew) {
        Q_EMIT messageReceived(Message::fromJson(params.value(key::MessageObj).toObject()));
    } else if (name == note::MessageChanged) {
        Q_EMIT messageChanged(Message::fromJson(params.value(key::MessageObj).toObject()));
    } else if (name == note::Receipt) {
        Q_EMIT receiptReceived(params.value(key::RoomId).toInteger(), params.value(key::UserId).toInteger(),
            params.value(key::Seq).toInteger());
    } else if (name == note::Presence) {
        Q_EMIT presenceChanged(params.value(key::UserId).toInteger(), params.value(key::Online).toBool());
    } else if (name == note::PresenceBatch) {
        const QJsonArray users = params.value(key::Users).toArray();
        for (const QJsonValue& user : users) {
            const QJsonObject change = user.toObject();
            Q_EMIT presenceChanged(change.value(key::UserId).toInteger(), change.value(key::Online).toBool());
        }
    } else if (name == note::UserNew) {
        Q_EMIT userAdded(User::fromJson(params.value(key::User).toObject()));
    } else if (name == note::RoomUpdated) {
        Q_EMIT roomUpdated(RoomUpdate::fromJson(params.value(key::Room).toObject()));
    } else if (name == note::Typing) {
        Q_EMIT typingReceived(params.value(key::RoomId).toInteger(), params.value(key::UserId).toInteger());
    } else if (name == note::FileProgress) {
        Q_EMIT fileProgressReceived(params.value(key::UploadId).toString(), params.value(key::Received).toInteger());
    } else if (name == note::SessionRevoked) {
        endRevokedSession(params.value(key::Reason).toString());
    } else {
        qCDebug(lcConnection) << "ignoring notification" << name;
    }
}

} // namespace chat::client
