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
    connect(&m_socket, &QWebSocket::binaryMessageReceived, this, [this](const QByteArray& frame) {
        if (onBinary)
            onBinary(frame);
    });
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
    // Words rather than one repeated letter, so that the search index does the work real text makes it do.
    static const QStringList words = QStringLiteral(
        "the deploy is on friday and we still need a review of the release notes before lunch please check "
        "database latency metrics staging server looks green today tomorrow meeting agenda customer ticket "
        "fixed merged branch rollback config cache index query budget roadmap coffee thanks great")
                                         .split(QLatin1Char(' '));
    QString body = QStringLiteral("b|%1|%2|").arg(sender).arg(sentAtNs);
    quint64 state = quint64(sentAtNs) * 6364136223846793005ULL + quint64(sender);
    while (body.size() < bytes) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        body.append(words.at(int((state >> 33) % quint64(words.size())))).append(QLatin1Char(' '));
    }
    body.truncate(bytes);
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
    if (!onNotification && text.startsWith(notificationStart) && text.indexOf(serverHelloMarker) < 0)
        return;
    const jsonrpc::Decoded decoded = jsonrpc::decode(text.toUtf8());
    if (!decoded.message)
        return;
    if (decoded.message->isNotification()) {
        if (decoded.message->method == protocol::notification::ServerHello && onOpen)
            onOpen();
        else if (onNotification)
            onNotification(*decoded.message);
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
