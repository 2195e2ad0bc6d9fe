#include "RawWebSocket.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

namespace chat::test {

bool RawWebSocket::open(const QUrl& url, const QByteArray& prefix, int timeoutMs)
{
    m_socket.connectToHost(url.host(), quint16(url.port()));
    if (!m_socket.waitForConnected(timeoutMs))
        return false;
    const QByteArray key = QByteArray::number(QRandomGenerator::global()->generate64()).toBase64();
    m_socket.write(prefix
        + "GET / HTTP/1.1\r\nHost: " + url.host().toLatin1() + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        + "Sec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n\r\n");
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

void RawWebSocket::sendText(const QByteArray& text)
{
    // Client frames are masked (RFC 6455 5.3); payloads here stay under 64 KiB.
    QByteArray frame;
    frame.append(char(0x81));
    if (text.size() < 126) {
        frame.append(char(0x80 | text.size()));
    } else {
        frame.append(char(0x80 | 126));
        frame.append(char((text.size() >> 8) & 0xff));
        frame.append(char(text.size() & 0xff));
    }
    const quint32 mask = QRandomGenerator::global()->generate();
    const char maskBytes[4] = { char(mask >> 24), char(mask >> 16), char(mask >> 8), char(mask) };
    frame.append(maskBytes, 4);
    for (qsizetype i = 0; i < text.size(); ++i)
        frame.append(char(text.at(i) ^ maskBytes[i % 4]));
    m_socket.write(frame);
}

std::optional<QByteArray> RawWebSocket::readText(int timeoutMs)
{
    // Server frames are unmasked; returns the first complete text frame.
    auto complete = [this]() -> qsizetype {
        if (m_buffer.size() < 2)
            return -1;
        qsizetype length = quint8(m_buffer.at(1)) & 0x7f;
        qsizetype header = 2;
        if (length == 126) {
            if (m_buffer.size() < 4)
                return -1;
            length = (quint8(m_buffer.at(2)) << 8) | quint8(m_buffer.at(3));
            header = 4;
        } else if (length == 127) {
            return -1; // not expected from these tests
        }
        return m_buffer.size() >= header + length ? header : -1;
    };
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (!QTest::qWaitFor(
                [&] {
                    m_buffer += m_socket.readAll();
                    return complete() >= 0 || m_socket.state() != QAbstractSocket::ConnectedState;
                },
                int(deadline.remainingTime())))
            return std::nullopt;
        const qsizetype header = complete();
        if (header < 0)
            return std::nullopt;
        const int opcode = m_buffer.at(0) & 0x0f;
        const qsizetype length = header == 2 ? (quint8(m_buffer.at(1)) & 0x7f)
                                             : ((quint8(m_buffer.at(2)) << 8) | quint8(m_buffer.at(3)));
        const QByteArray payload = m_buffer.mid(header, length);
        m_buffer.remove(0, header + length);
        if (opcode == 0x1)
            return payload;
        if (opcode == 0x8)
            return std::nullopt;
    }
    return std::nullopt;
}

std::optional<QJsonObject> RawWebSocket::readAnswer(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (auto text = readText(int(deadline.remainingTime()))) {
        const QJsonObject json = QJsonDocument::fromJson(*text).object();
        if (json.contains(QLatin1String("id")))
            return json;
    }
    return std::nullopt;
}

bool RawWebSocket::waitForClosed(int timeoutMs)
{
    return m_socket.state() == QAbstractSocket::UnconnectedState
        || m_socket.waitForDisconnected(timeoutMs);
}

} // namespace chat::test
