#include "LoadClient.h"

#include "Protocol.h"

using namespace chat;

namespace {
constexpr QStringView chatMarker = u"b|";
constexpr QStringView productChatMarker = u"\"body\":\"b|";
constexpr QStringView messageNewMarker = u"\"method\":\"message.new\"";
constexpr QStringView notificationStart = u"{\"jsonrpc\"";
constexpr QStringView serverHelloMarker = u"\"method\":\"server.hello\"";
} // namespace

LoadClient::LoadClient(Kind kind, int index, QObject* parent)
    : QObject(parent)
    , m_kind(kind)
    , m_index(index)
{
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &LoadClient::onText);
    connect(&m_socket, &QWebSocket::disconnected, this, [this] {
        if (onClosed)
            onClosed();
    });
    if (kind == Kind::Ceiling) {
        connect(&m_socket, &QWebSocket::connected, this, [this] {
            if (onOpen)
                onOpen();
        });
    }
}

void LoadClient::call(const QString& method, const QJsonObject& params, Reply done)
{
    const qint64 id = m_nextId++;
    m_pending.insert(id, std::move(done));
    m_socket.sendTextMessage(QString::fromUtf8(jsonrpc::encodeRequest(id, method, params)));
}

QString LoadClient::chatBody(int sender, qint64 sentAtNs, int bytes)
{
    QString body = QStringLiteral("b|%1|%2|").arg(sender).arg(sentAtNs);
    if (body.size() < bytes)
        body.append(QString(bytes - body.size(), QLatin1Char('x')));
    return body;
}

void LoadClient::onText(const QString& text)
{
    if (m_kind == Kind::Ceiling) {
        takeChat(text, 0);
        return;
    }
    // message.new carries the body; an acknowledgement carries it too, so check which one this is.
    const qsizetype body = text.indexOf(productChatMarker);
    if (body >= 0 && text.indexOf(messageNewMarker) >= 0) {
        takeChat(text, body + productChatMarker.size() - chatMarker.size());
        return;
    }
    // Other notifications (presence bursts after a mass connect are large) are skipped unparsed, so that
    // the generator's own JSON work does not slow what it measures. chat-server writes keys in order:
    // a notification starts with "jsonrpc", an answer with "error" or "id".
    if (text.startsWith(notificationStart) && text.indexOf(serverHelloMarker) < 0)
        return;
    const jsonrpc::Decoded decoded = jsonrpc::decode(text.toUtf8());
    if (!decoded.message)
        return;
    if (decoded.message->isNotification()) {
        if (decoded.message->method == protocol::notification::ServerHello && onOpen)
            onOpen();
        return;
    }
    auto it = m_pending.find(decoded.message->id.toInteger());
    if (it == m_pending.end())
        return;
    Reply done = std::move(it.value());
    m_pending.erase(it);
    done(*decoded.message);
}

bool LoadClient::takeChat(const QString& text, qsizetype from)
{
    // "b|<sender>|<ns>|"
    if (!QStringView(text).mid(from).startsWith(chatMarker))
        return false;
    const qsizetype senderStart = from + chatMarker.size();
    const qsizetype senderEnd = text.indexOf(QLatin1Char('|'), senderStart);
    const qsizetype timeEnd = senderEnd < 0 ? -1 : text.indexOf(QLatin1Char('|'), senderEnd + 1);
    if (timeEnd < 0)
        return false;
    const int sender = QStringView(text).sliced(senderStart, senderEnd - senderStart).toInt();
    const qint64 sentAt = QStringView(text).sliced(senderEnd + 1, timeEnd - senderEnd - 1).toLongLong();
    if (sender != m_index && onChat)
        onChat(sender, sentAt);
    return true;
}
