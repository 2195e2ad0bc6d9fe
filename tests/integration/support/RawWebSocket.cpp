#include "RawWebSocket.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>
#include <QtEndian>

namespace chat::test {

namespace {

struct FrameHeader {
    qsizetype headerBytes = 0;
    qsizetype payloadBytes = 0;
};

// The header of the first frame in `buffer` once the whole frame is there. Server frames are unmasked.
std::optional<FrameHeader> completeFrame(const QByteArray& buffer)
{
    if (buffer.size() < 2)
        return std::nullopt;
    const auto* bytes = reinterpret_cast<const uchar*>(buffer.constData());
    qsizetype length = bytes[1] & 0x7f;
    qsizetype header = 2;
    if (length == 126) {
        if (buffer.size() < 4)
            return std::nullopt;
        length = qFromBigEndian<quint16>(bytes + 2);
        header = 4;
    } else if (length == 127) {
        if (buffer.size() < 10)
            return std::nullopt;
        length = qsizetype(qFromBigEndian<quint64>(bytes + 2));
        header = 10;
    }
    if (buffer.size() < header + length)
        return std::nullopt;
    return FrameHeader { header, length };
}

} // namespace

bool RawWebSocket::open(const QUrl& url, const QByteArray& prefix, int timeoutMs)
{
    m_socket.connectToHost(url.host(), quint16(url.port()));
    if (!QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::ConnectedState; }, timeoutMs))
        return false;
    const QByteArray key = QByteArray::number(QRandomGenerator::global()->generate64()).toBase64();
    m_socket.write(prefix + "GET / HTTP/1.1\r\nHost: " + url.host().toLatin1()
        + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" + "Sec-WebSocket-Key: " + key
        + "\r\nSec-WebSocket-Version: 13\r\n\r\n");
    const bool answered = QTest::qWaitFor(
        [this] {
            m_buffer += m_socket.readAll();
            return m_buffer.contains("\r\n\r\n") || m_socket.state() != QAbstractSocket::ConnectedState;
        },
        timeoutMs);
    if (!answered || !m_buffer.startsWith("HTTP/1.1 101"))
        return false;
    m_buffer.remove(0, m_buffer.indexOf("\r\n\r\n") + 4);
    return true;
}

void RawWebSocket::sendFrame(quint8 opcode, const QByteArray& payload, bool final)
{
    QByteArray frame;
    frame.append(char((final ? 0x80 : 0x00) | (opcode & 0x0f)));
    if (payload.size() < 126) {
        frame.append(char(0x80 | payload.size()));
    } else if (payload.size() <= 0xffff) {
        frame.append(char(0x80 | 126));
        char length[2];
        qToBigEndian<quint16>(quint16(payload.size()), length);
        frame.append(length, 2);
    } else {
        frame.append(char(0x80 | 127));
        char length[8];
        qToBigEndian<quint64>(quint64(payload.size()), length);
        frame.append(length, 8);
    }
    // Client frames are masked (RFC 6455 5.3).
    const quint32 mask = QRandomGenerator::global()->generate();
    const char maskBytes[4] = { char(mask >> 24), char(mask >> 16), char(mask >> 8), char(mask) };
    frame.append(maskBytes, 4);
    const qsizetype start = frame.size();
    frame.resize(start + payload.size());
    char* out = frame.data() + start;
    for (qsizetype i = 0; i < payload.size(); ++i)
        out[i] = char(payload.at(i) ^ maskBytes[i % 4]);
    m_socket.write(frame);
}

std::optional<int> RawWebSocket::closeCode() const
{
    if (m_closeCode)
        return m_closeCode;
    if (m_socket.state() == QAbstractSocket::UnconnectedState)
        return 1006;
    return std::nullopt;
}

std::optional<QByteArray> RawWebSocket::readText(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    QByteArray message;
    while (!m_closeCode) {
        QTest::qWaitFor(
            [&] {
                m_buffer += m_socket.readAll();
                return completeFrame(m_buffer) || m_socket.state() != QAbstractSocket::ConnectedState;
            },
            int(deadline.remainingTime()));
        m_buffer += m_socket.readAll();
        const std::optional<FrameHeader> frame = completeFrame(m_buffer);
        if (!frame)
            return std::nullopt;
        const bool final = quint8(m_buffer.at(0)) & 0x80;
        const int opcode = m_buffer.at(0) & 0x0f;
        const QByteArray payload = m_buffer.mid(frame->headerBytes, frame->payloadBytes);
        m_buffer.remove(0, frame->headerBytes + frame->payloadBytes);
        if (opcode == Close) {
            m_closeCode = payload.size() >= 2 ? qFromBigEndian<quint16>(payload.constData()) : 1005;
            m_closeReason = payload.mid(2);
            sendFrame(Close, payload.left(2));
            return std::nullopt;
        }
        if (opcode == Text || opcode == Continuation)
            message += payload;
        if ((opcode == Text || opcode == Continuation) && final)
            return message;
    }
    return std::nullopt;
}

std::optional<QByteArray> RawWebSocket::readAnswerText(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (auto text = readText(int(deadline.remainingTime()))) {
        if (QJsonDocument::fromJson(*text).object().contains(QLatin1String("id")))
            return text;
    }
    return std::nullopt;
}

std::optional<QJsonObject> RawWebSocket::readAnswer(int timeoutMs)
{
    if (auto text = readAnswerText(timeoutMs))
        return QJsonDocument::fromJson(*text).object();
    return std::nullopt;
}

bool RawWebSocket::waitForClosed(int timeoutMs)
{
    // Reads on, so that a close frame still on its way is seen before the connection ends.
    QDeadlineTimer deadline(timeoutMs);
    while (m_socket.state() != QAbstractSocket::UnconnectedState && !deadline.hasExpired()) {
        if (!m_closeCode) {
            readText(int(deadline.remainingTime()));
            continue;
        }
        QTest::qWaitFor(
            [this] { return m_socket.state() == QAbstractSocket::UnconnectedState; }, int(deadline.remainingTime()));
    }
    return m_socket.state() == QAbstractSocket::UnconnectedState;
}

} // namespace chat::test
