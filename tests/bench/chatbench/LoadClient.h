#pragma once

#include "JsonRpc.h"

#include <QHash>
#include <QObject>
#include <QUrl>
#include <QWebSocket>

#include <functional>

// One connection of the load generator. Thousands share one event loop, so everything is a callback
// and chat frames are recognised without a JSON parse (the body carries the bench's own marker).
class LoadClient : public QObject {
public:
    enum class Kind { Product, Ceiling };
    using Reply = std::function<void(const chat::jsonrpc::Message&)>;

    LoadClient(Kind kind, int index, QObject* parent = nullptr);

    int index() const { return m_index; }
    void open(const QUrl& url) { m_socket.open(url); }
    void close() { m_socket.close(); }
    qint64 bytesToWrite() const { return m_socket.bytesToWrite(); }

    // Product: a JSON-RPC request whose answer goes to `done`.
    void call(const QString& method, const QJsonObject& params, Reply done);
    // Ceiling: a frame as it is.
    void sendFrame(const QString& text) { m_socket.sendTextMessage(text); }
    void sendBinary(const QByteArray& frame) { m_socket.sendBinaryMessage(frame); }

    // Product: after server.hello. Ceiling: once the WebSocket is open.
    std::function<void()> onOpen;
    // A chat body from another connection: "b|<sender index>|<sent at, ns>|padding".
    std::function<void(int sender, qint64 sentAtNs)> onChat;
    std::function<void()> onClosed;
    // Product: other notifications, parsed only when this is set (file transfers); binary frames (file chunks).
    std::function<void(const chat::jsonrpc::Message&)> onNotification;
    std::function<void(const QByteArray&)> onBinary;

    // The body of a chat message, `bytes` long, stamped with its sender and the time it was (meant to be) sent.
    static QString chatBody(int sender, qint64 sentAtNs, int bytes);

private:
    void onText(const QString& text);
    bool takeChat(const QString& text, qsizetype from);

    Kind m_kind;
    int m_index;
    QWebSocket m_socket;
    QHash<qint64, Reply> m_pending;
    qint64 m_nextId = 1;
};
