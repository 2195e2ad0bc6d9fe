#include "OutgoingFrame.h"

#include <QtEndian>

namespace chat::server {

OutgoingFrame::OutgoingFrame(QByteArray json)
    : m_json(std::move(json))
{
    constexpr char finalTextFrame = char(0x81);
    const quint64 size = quint64(m_json.size());
    m_wire.reserve(m_json.size() + 10);
    m_wire.append(finalTextFrame);
    if (size < 126) {
        m_wire.append(char(size));
    } else if (size <= 0xFFFF) {
        m_wire.append(char(126));
        char length[2];
        qToBigEndian(quint16(size), length);
        m_wire.append(length, sizeof length);
    } else {
        m_wire.append(char(127));
        char length[8];
        qToBigEndian(size, length);
        m_wire.append(length, sizeof length);
    }
    m_wire.append(m_json);
}

} // namespace chat::server
