#include "FrameReader.h"

#include <QtEndian>

#include <cstring>

namespace chat::server {

namespace {

// XORs the payload with the 4-byte mask, eight bytes at a time: file chunks are 256 KiB.
void unmask(char* data, qsizetype size, const char* mask)
{
    char wide[8];
    for (int i = 0; i < 8; ++i)
        wide[i] = mask[i % 4];
    quint64 mask8;
    std::memcpy(&mask8, wide, 8);
    qsizetype i = 0;
    for (; i + 8 <= size; i += 8) {
        quint64 word;
        std::memcpy(&word, data + i, 8);
        word ^= mask8;
        std::memcpy(data + i, &word, 8);
    }
    for (; i < size; ++i)
        data[i] = char(data[i] ^ mask[i % 4]);
}

enum Opcode { Continuation = 0x0, Text = 0x1, Binary = 0x2, Close = 0x8, Ping = 0x9, Pong = 0xa };
constexpr qsizetype MaxControlPayload = 125;
} // namespace

FrameReader::FrameReader(qint64 maxMessageBytes, qint64 maxBinaryBytes, QObject* parent)
    : QObject(parent)
    , m_maxMessageBytes(maxMessageBytes)
    , m_maxBinaryBytes(maxBinaryBytes > 0 ? maxBinaryBytes : maxMessageBytes)
{
}

void FrameReader::feed(const QByteArray& bytes)
{
    if (m_failed)
        return;
    m_buffer += bytes;
    while (!m_failed && readFrame()) { }
    if (m_failed)
        m_buffer.clear();
}

bool FrameReader::fail(QWebSocketProtocol::CloseCode code, const QString& reason)
{
    m_failed = true;
    Q_EMIT protocolError(code, reason);
    return false;
}

bool FrameReader::readFrame()
{
    if (m_buffer.size() < 2)
        return false;
    const auto* bytes = reinterpret_cast<const uchar*>(m_buffer.constData());
    const bool final = bytes[0] & 0x80;
    const int opcode = bytes[0] & 0x0f;
    if (bytes[0] & 0x70)
        return fail(QWebSocketProtocol::CloseCodeProtocolError, QStringLiteral("reserved bits set"));
    if (!(bytes[1] & 0x80))
        return fail(QWebSocketProtocol::CloseCodeProtocolError, QStringLiteral("client frames must be masked"));
    quint64 length = bytes[1] & 0x7f;
    qsizetype header = 2;
    if (length == 126) {
        if (m_buffer.size() < 4)
            return false;
        length = qFromBigEndian<quint16>(bytes + 2);
        header = 4;
    } else if (length == 127) {
        if (m_buffer.size() < 10)
            return false;
        length = qFromBigEndian<quint64>(bytes + 2);
        header = 10;
    }
    const bool control = opcode >= Close;
    if (control && (length > MaxControlPayload || !final))
        return fail(QWebSocketProtocol::CloseCodeProtocolError,
            QStringLiteral("control frames are short and never fragmented"));
    // Checked before the payload arrives, so that an oversized frame is never buffered.
    const bool binary = opcode == Binary || (opcode == Continuation && m_messageOpcode == Binary);
    const quint64 ceiling = quint64(binary ? m_maxBinaryBytes : m_maxMessageBytes);
    if (!control && (length > ceiling || quint64(m_message.size()) + length > ceiling))
        return fail(QWebSocketProtocol::CloseCodeTooMuchData, QStringLiteral("message too big"));
    if (quint64(m_buffer.size()) < quint64(header) + 4 + length)
        return false;

    const char* mask = m_buffer.constData() + header;
    QByteArray payload = m_buffer.mid(header + 4, qsizetype(length));
    unmask(payload.data(), payload.size(), mask);
    m_buffer.remove(0, header + 4 + qsizetype(length));

    if (control) {
        dispatchControl(opcode, payload);
        return !m_failed;
    }
    if (opcode == Continuation && m_messageOpcode == 0)
        return fail(
            QWebSocketProtocol::CloseCodeProtocolError, QStringLiteral("a continuation with nothing to continue"));
    if (opcode != Continuation && m_messageOpcode != 0)
        return fail(
            QWebSocketProtocol::CloseCodeProtocolError, QStringLiteral("a new message inside a fragmented one"));
    if (opcode != Continuation && opcode != Text && opcode != Binary)
        return fail(QWebSocketProtocol::CloseCodeProtocolError, QStringLiteral("reserved opcode"));
    if (opcode != Continuation)
        m_messageOpcode = opcode;
    m_message += payload;
    if (!final)
        return true;

    const QByteArray message = std::exchange(m_message, {});
    const int messageOpcode = std::exchange(m_messageOpcode, 0);
    if (messageOpcode == Binary) {
        Q_EMIT binaryMessageReceived(message);
        return true;
    }
    if (!QByteArrayView(message).isValidUtf8())
        return fail(QWebSocketProtocol::CloseCodeWrongDatatype, QStringLiteral("invalid UTF-8"));
    Q_EMIT textMessageReceived(message);
    return true;
}

void FrameReader::dispatchControl(int opcode, const QByteArray& payload)
{
    switch (opcode) {
    case Ping:
        Q_EMIT pingReceived(payload);
        return;
    case Pong:
        Q_EMIT pongReceived();
        return;
    case Close: {
        m_failed = true; // nothing after a close frame counts
        const quint16 code = payload.size() >= 2 ? qFromBigEndian<quint16>(payload.constData())
                                                 : quint16(QWebSocketProtocol::CloseCodeNormal);
        Q_EMIT closeReceived(QWebSocketProtocol::CloseCode(code));
        return;
    }
    default:
        fail(QWebSocketProtocol::CloseCodeProtocolError, QStringLiteral("reserved opcode"));
    }
}

} // namespace chat::server
