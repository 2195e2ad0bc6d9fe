#include "OutgoingFrame.h"

#include <QtEndian>

namespace chat::server {

namespace {

QByteArray frameOf(char firstByte, const QByteArray& payload)
{
    const quint64 size = quint64(payload.size());
    QByteArray wire;
    wire.reserve(payload.size() + 10);
    wire.append(firstByte);
    if (size < 126) {
        wire.append(char(size));
    } else if (size <= 0xFFFF) {
        wire.append(char(126));
        char length[2];
        qToBigEndian(quint16(size), length);
        wire.append(length, sizeof length);
    } else {
        wire.append(char(127));
        char length[8];
        qToBigEndian(size, length);
        wire.append(length, sizeof length);
    }
    wire.append(payload);
    return wire;
}

} // namespace

OutgoingFrame::OutgoingFrame(QByteArray json)
    : m_json(std::move(json))
    , m_wire(frameOf(char(0x81), m_json)) // final text frame
{
}

QByteArray OutgoingFrame::binaryWire(const QByteArray& payload)
{
    return frameOf(char(0x82), payload); // final binary frame
}

} // namespace chat::server
