#include "RpcConnection.h"

#include "JsonRpc.h"
#include "Protocol.h"

namespace chat::test {

RpcConnection::RpcConnection(QObject* parent)
    : QObject(parent)
{
    m_socket.setMaxAllowedIncomingMessageSize(64 * 1024 * 1024);
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &RpcConnection::onText);
    connect(&m_socket, &QWebSocket::disconnected, this, [this] {
        m_pending.clear();
        Q_EMIT disconnected();
    });
}

RpcConnection::~RpcConnection()
{
    // The socket says goodbye while it is destroyed, after the members declared below it are gone.
    m_socket.disconnect(this);
}

void RpcConnection::openSession(const QUrl& url, const QString& token)
{
    m_token = token;
    m_socket.open(url);
}

void RpcConnection::call(const QString& method, const QJsonObject& params, Callback callback)
{
    const qint64 id = m_nextId++;
    m_pending.insert(id, std::move(callback));
    m_socket.sendTextMessage(QString::fromUtf8(jsonrpc::encodeRequest(id, method, params)));
}

void RpcConnection::onText(const QString& text)
{
    jsonrpc::Decoded decoded = jsonrpc::decode(text.toUtf8());
    if (!decoded.message)
        return;
    const jsonrpc::Message& message = *decoded.message;
    if (message.isNotification()) {
        if (message.method != protocol::notification::ServerHello)
            return;
        call(protocol::method::AuthResume, { { protocol::key::Token, m_token } },
            [this](const QJsonObject&, const std::optional<RpcError>& error) {
                if (error)
                    Q_EMIT refused(error->reason);
                else
                    Q_EMIT resumed();
            });
        return;
    }
    if (!message.isResponse() || !message.id.isDouble())
        return;
    const Callback callback = m_pending.take(message.id.toInteger());
    if (callback)
        callback(message.result, message.error);
}

} // namespace chat::test
