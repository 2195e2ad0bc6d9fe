#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QTcpSocket>
#include <QUrl>

#include <optional>

namespace chat::test {

// A WebSocket client written by hand on a QTcpSocket, for what QWebSocket cannot do: bytes before the
// handshake (a PROXY protocol header, as HAProxy sends). Text frames only, small ones.
class RawWebSocket {
public:
    // Connects, writes `prefix`, then the HTTP upgrade; true once the server answered 101.
    bool open(const QUrl& url, const QByteArray& prefix, int timeoutMs = 10000);
    void sendText(const QByteArray& text);
    // The next text frame's payload; nothing if none arrived in time or the connection closed.
    std::optional<QByteArray> readText(int timeoutMs = 10000);
    // The next text frame that is a JSON-RPC answer (skips notifications).
    std::optional<QJsonObject> readAnswer(int timeoutMs = 10000);
    bool waitForClosed(int timeoutMs = 10000);

private:
    QTcpSocket m_socket;
    QByteArray m_buffer;
};

} // namespace chat::test
