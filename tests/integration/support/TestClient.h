#pragma once

#include "JsonRpc.h"
#include "RpcError.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QUrl>
#include <QWebSocket>

#include <functional>
#include <optional>

namespace chat::test {

struct Reply {
    bool answered = false;
    QJsonObject result;
    std::optional<RpcError> error;

    bool ok() const { return answered && !error; }
    QString reason() const { return error ? error->reason : QString(); }
};

// A protocol-level client over a real QWebSocket, written as a script would use the wire protocol:
// call() sends a request and waits for its answer; notifications queue up until a test takes them.
class TestClient : public QObject {
    Q_OBJECT
public:
    explicit TestClient(QObject* parent = nullptr);

    bool connectTo(const QUrl& url, int timeoutMs = 10000); // waits for server.hello
    void open(const QUrl& url) { m_socket.open(url); } // no waiting
    QJsonObject hello() const { return m_hello; }
    void setSslConfiguration(const QSslConfiguration& tls) { m_socket.setSslConfiguration(tls); }
    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }

    Reply call(const QString& method, const QJsonObject& params = {}, int timeoutMs = 10000);
    QJsonValue sendRequest(const QString& method, const QJsonObject& params); // no waiting; returns the id
    Reply waitForReply(const QJsonValue& id, int timeoutMs = 10000);
    void notify(const QString& method, const QJsonObject& params);
    void sendRaw(const QString& text) { m_socket.sendTextMessage(text); }
    void sendRawBinary(const QByteArray& data) { m_socket.sendBinaryMessage(data); }
    Reply waitForAnyError(int timeoutMs = 10000); // an error answer with a null id (frame-level errors)

    // The next queued notification of `method` (removed from the queue), waiting for it if needed.
    std::optional<QJsonObject> waitForNotification(const QString& method, int timeoutMs = 10000);
    std::optional<QJsonObject> waitForNotificationWhere(
        const QString& method, const std::function<bool(const QJsonObject&)>& matches, int timeoutMs = 10000);
    // The next room.updated about `roomId`; updates of other rooms stay queued.
    std::optional<QJsonObject> waitForRoomUpdated(qint64 roomId, int timeoutMs = 10000);
    int pendingNotifications(const QString& method) const;
    // The next presence change announced for `userId`, from `presence` or `presence.batch`.
    std::optional<bool> waitForPresence(qint64 userId, int timeoutMs = 10000);
    int pendingPresence(qint64 userId) const { return int(m_presence.value(userId).size()); }
    void clearNotifications() { m_notifications.clear(); }

    bool waitForDisconnected(int timeoutMs = 10000);
    QWebSocketProtocol::CloseCode closeCode() const { return m_socket.closeCode(); }
    QString closeReason() const { return m_socket.closeReason(); }
    void close() { m_socket.close(); }
    void abort() { m_socket.abort(); } // the connection drops: no close frame
    // Binary frames from the server (file chunks), in order; takeBinary() waits for the next one.
    std::optional<QByteArray> takeBinary(int timeoutMs = 10000);
    int pendingBinary() const { return int(m_binary.size()); }

    // Shortcuts that fail the calling test through their return values.
    Reply signup(const QString& username, const QString& password = QStringLiteral("correct horse"));
    Reply login(const QString& username, const QString& password = QStringLiteral("correct horse"));
    qint64 userId() const { return m_userId; }
    QString token() const { return m_token; }

private:
    void onText(const QString& text);

    QWebSocket m_socket;
    QList<QByteArray> m_binary;
    QJsonObject m_hello;
    bool m_helloReceived = false;
    qint64 m_nextId = 1;
    QHash<QString, jsonrpc::Message> m_replies;
    QList<jsonrpc::Message> m_nullIdErrors;
    QList<jsonrpc::Message> m_notifications;
    QHash<qint64, QList<bool>> m_presence;
    qint64 m_userId = 0;
    QString m_token;
};

} // namespace chat::test
