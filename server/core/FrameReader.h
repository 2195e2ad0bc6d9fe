#pragma once

#include <QByteArray>
#include <QObject>
#include <QWebSocketProtocol>

namespace chat::server {

// Reads the frames a client sends (RFC 6455 section 5) from the bytes of its connection and hands on
// whole messages. QWebSocket 6.4 checks UTF-8 frame by frame, so a character split across two fragments
// closes the connection with 1007; the RFC asks only that the whole message be valid UTF-8, which is what
// this checks. Anything else that breaks the RFC ends in protocolError() with the close code to send.
class FrameReader : public QObject {
    Q_OBJECT
public:
    // Binary messages (file chunks) have their own ceiling, `maxBinaryBytes`; 0: the same as text.
    explicit FrameReader(qint64 maxMessageBytes, qint64 maxBinaryBytes = 0, QObject* parent = nullptr);

    // Consumes `bytes`; stops at the first protocol error, after which it ignores everything.
    void feed(const QByteArray& bytes);

Q_SIGNALS:
    void textMessageReceived(const QByteArray& utf8);
    void binaryMessageReceived(const QByteArray& data);
    void pingReceived(const QByteArray& payload);
    void pongReceived();
    void closeReceived(QWebSocketProtocol::CloseCode code);
    void protocolError(QWebSocketProtocol::CloseCode code, const QString& reason);

private:
    bool readFrame(); // false when the buffer holds no whole frame (or reading stopped)
    bool fail(QWebSocketProtocol::CloseCode code, const QString& reason); // always false
    void dispatchControl(int opcode, const QByteArray& payload);

    qint64 m_maxMessageBytes;
    qint64 m_maxBinaryBytes;
    QByteArray m_buffer;
    QByteArray m_message; // the fragments so far of a message not yet finished
    int m_messageOpcode = 0; // 0 while no fragmented message is open
    bool m_failed = false;
};

} // namespace chat::server
