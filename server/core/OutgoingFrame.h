#pragma once

#include <QByteArray>

namespace chat::server {

// A message to clients, encoded once: its JSON and the complete WebSocket text frame (RFC 6455 header
// and unmasked payload). Every recipient's socket queues the same implicitly shared bytes, so a fan-out
// to thousands costs one encoding and one buffer, not one conversion and one copy per socket.
class OutgoingFrame {
public:
    OutgoingFrame(QByteArray json); // NOLINT(google-explicit-constructor): an encoded message is a frame

    const QByteArray& json() const { return m_json; }
    const QByteArray& wire() const { return m_wire; }
    // The header of an unmasked binary frame of `payloadSize` bytes: for payloads assembled in place after it.
    static QByteArray binaryHeader(qint64 payloadSize);

private:
    QByteArray m_json;
    QByteArray m_wire;
};

} // namespace chat::server
