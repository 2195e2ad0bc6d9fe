#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QTcpSocket>
#include <QUrl>

#include <optional>

namespace chat::test {

// A WebSocket client written by hand on a QTcpSocket, for what QWebSocket cannot do: bytes before the
// handshake (a PROXY protocol header, as HAProxy sends), fragments split anywhere, frames of any size or
// opcode, and telling a close frame from a dropped connection.
class RawWebSocket {
public:
    enum Opcode : quint8 { Continuation = 0x0, Text = 0x1, Binary = 0x2, Close = 0x8, Ping = 0x9, Pong = 0xa };

    // Connects, writes `prefix`, then the HTTP upgrade; true once the server answered 101.
    bool open(const QUrl& url, const QByteArray& prefix = {}, int timeoutMs = 10000);
    void sendText(const QByteArray& text) { sendFrame(Text, text); }
    // One masked frame, as RFC 6455 5.2 lays it out; `final` false leaves a fragmented message open.
    void sendFrame(quint8 opcode, const QByteArray& payload, bool final = true);
    void sendRaw(const QByteArray& bytes) { m_socket.write(bytes); }
    // The next text message's payload; nothing if none arrived in time or the connection closed.
    std::optional<QByteArray> readText(int timeoutMs = 10000);
    // The next text frame that is a JSON-RPC answer (skips notifications).
    std::optional<QJsonObject> readAnswer(int timeoutMs = 10000);
    // The same, as the bytes the server sent, for a test that decodes them itself.
    std::optional<QByteArray> readAnswerText(int timeoutMs = 10000);
    bool waitForClosed(int timeoutMs = 10000);
    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    // The code of the server's close frame once one arrived; 1006 (abnormal) if the connection ended
    // without one; nothing while neither happened.
    std::optional<int> closeCode() const;
    QByteArray closeReason() const { return m_closeReason; }

private:
    QTcpSocket m_socket;
    QByteArray m_buffer;
    std::optional<int> m_closeCode;
    QByteArray m_closeReason;
};

} // namespace chat::test
