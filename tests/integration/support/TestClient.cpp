#include "TestClient.h"

#include "Protocol.h"

#include <QJsonArray>
#include <QTest>

namespace chat::test {

namespace key = protocol::key;

namespace {
QString idKey(const QJsonValue& id)
{
    return id.isString() ? id.toString() : QString::number(id.toInteger());
}
} // namespace

TestClient::TestClient(QObject* parent)
    : QObject(parent)
{
    m_socket.setMaxAllowedIncomingMessageSize(64 * 1024 * 1024);
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &TestClient::onText);
    connect(
        &m_socket, &QWebSocket::binaryMessageReceived, this, [this](const QByteArray& data) { m_binary.append(data); });
}

bool TestClient::connectTo(const QUrl& url, int timeoutMs)
{
    m_helloReceived = false;
    m_socket.open(url);
    return QTest::qWaitFor([this] { return m_helloReceived; }, timeoutMs);
}

void TestClient::onText(const QString& text)
{
    jsonrpc::Decoded decoded = jsonrpc::decode(text.toUtf8());
    if (!decoded.message)
        return;
    jsonrpc::Message& message = *decoded.message;
    if (message.isNotification()) {
        if (message.method == protocol::notification::ServerHello) {
            m_hello = message.params;
            m_helloReceived = true;
            return;
        }
        if (message.method == protocol::notification::Presence)
            m_presence[message.params.value(key::UserId).toInteger()].append(
                message.params.value(key::Online).toBool());
        if (message.method == protocol::notification::PresenceBatch) {
            for (const QJsonValue& change : message.params.value(key::Users).toArray())
                m_presence[change.toObject().value(key::UserId).toInteger()].append(
                    change.toObject().value(key::Online).toBool());
        }
        m_notifications.append(std::move(message));
    } else if (message.isResponse()) {
        if (message.id.isNull())
            m_nullIdErrors.append(std::move(message));
        else
            m_replies.insert(idKey(message.id), std::move(message));
    }
}

QJsonValue TestClient::sendRequest(const QString& method, const QJsonObject& params)
{
    const QJsonValue id = m_nextId++;
    m_socket.sendTextMessage(QString::fromUtf8(jsonrpc::encodeRequest(id, method, params)));
    return id;
}

Reply TestClient::waitForReply(const QJsonValue& id, int timeoutMs)
{
    const QString keyOfId = idKey(id);
    Reply reply;
    // A connection that drops cannot answer any more: stop waiting then.
    if (!QTest::qWaitFor([&] { return m_replies.contains(keyOfId) || !isConnected(); }, timeoutMs)
        || !m_replies.contains(keyOfId))
        return reply;
    const jsonrpc::Message message = m_replies.take(keyOfId);
    reply.answered = true;
    reply.result = message.result;
    reply.error = message.error;
    return reply;
}

Reply TestClient::call(const QString& method, const QJsonObject& params, int timeoutMs)
{
    return waitForReply(sendRequest(method, params), timeoutMs);
}

void TestClient::notify(const QString& method, const QJsonObject& params)
{
    m_socket.sendTextMessage(QString::fromUtf8(jsonrpc::encodeNotification(method, params)));
}

Reply TestClient::waitForAnyError(int timeoutMs)
{
    Reply reply;
    if (!QTest::qWaitFor([this] { return !m_nullIdErrors.isEmpty(); }, timeoutMs))
        return reply;
    const jsonrpc::Message message = m_nullIdErrors.takeFirst();
    reply.answered = true;
    reply.error = message.error;
    return reply;
}

std::optional<QJsonObject> TestClient::waitForNotification(const QString& method, int timeoutMs)
{
    return waitForNotificationWhere(
        method, [](const QJsonObject&) { return true; }, timeoutMs);
}

std::optional<QJsonObject> TestClient::waitForRoomUpdated(qint64 roomId, int timeoutMs)
{
    return waitForNotificationWhere(
        protocol::notification::RoomUpdated,
        [roomId](const QJsonObject& params) {
            return params.value(protocol::key::Room).toObject().value(protocol::key::Id).toInteger() == roomId;
        },
        timeoutMs);
}

std::optional<QJsonObject> TestClient::waitForNotificationWhere(
    const QString& method, const std::function<bool(const QJsonObject&)>& matches, int timeoutMs)
{
    auto find = [this, &method, &matches] {
        for (qsizetype i = 0; i < m_notifications.size(); ++i) {
            if (m_notifications.at(i).method == method && matches(m_notifications.at(i).params))
                return i;
        }
        return qsizetype(-1);
    };
    if (!QTest::qWaitFor([&] { return find() >= 0; }, timeoutMs))
        return std::nullopt;
    return m_notifications.takeAt(find()).params;
}

int TestClient::pendingNotifications(const QString& method) const
{
    int count = 0;
    for (const jsonrpc::Message& message : m_notifications)
        count += message.method == method ? 1 : 0;
    return count;
}

std::optional<bool> TestClient::waitForPresence(qint64 userId, int timeoutMs)
{
    if (!QTest::qWaitFor([&] { return !m_presence.value(userId).isEmpty(); }, timeoutMs))
        return std::nullopt;
    return m_presence[userId].takeFirst();
}

bool TestClient::waitForDisconnected(int timeoutMs)
{
    return QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::UnconnectedState; }, timeoutMs);
}

Reply TestClient::signup(const QString& username, const QString& password)
{
    Reply reply = call(protocol::method::AuthSignup, { { key::Username, username }, { key::Password, password } });
    if (reply.ok()) {
        m_userId = reply.result.value(key::User).toObject().value(key::Id).toInteger();
        m_token = reply.result.value(key::Token).toString();
    }
    return reply;
}

Reply TestClient::login(const QString& username, const QString& password)
{
    Reply reply = call(protocol::method::AuthLogin, { { key::Username, username }, { key::Password, password } });
    if (reply.ok()) {
        m_userId = reply.result.value(key::User).toObject().value(key::Id).toInteger();
        m_token = reply.result.value(key::Token).toString();
    }
    return reply;
}

std::optional<QByteArray> TestClient::takeBinary(int timeoutMs)
{
    if (m_binary.isEmpty() && !QTest::qWaitFor([this] { return !m_binary.isEmpty(); }, timeoutMs))
        return std::nullopt;
    return m_binary.takeFirst();
}

} // namespace chat::test
