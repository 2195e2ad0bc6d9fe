#include "OutgoingFrame.h"

#include <QtEndian>

namespace chat::server {

namespace {

QByteArray headerOf(char firstByte, quint64 size)
{
    QByteArray header;
    header.reserve(10);
    header.append(firstByte);
    if (size < 126) {
        header.append(char(size));
    } else if (size <= 0xFFFF) {
        header.append(char(126));
        char length[2];
        qToBigEndian(quint16(size), length);
        header.append(length, sizeof length);
    } else {
        header.append(char(127));
        char length[8];
        qToBigEndian(size, length);
        header.append(length, sizeof length);
    }
    return header;
}

QByteArray frameOf(char firstByte, const QByteArray& payload)
{
    QByteArray wire = headerOf(firstByte, quint64(payload.size()));
    wire.reserve(wire.size() + payload.size());
    wire.append(payload);
    return wire;
}

} // namespace

OutgoingFrame::OutgoingFrame(QByteArray json)
    : m_json(std::move(json))
    , m_wire(frameOf(char(0x81), m_json)) // final text frame
{
}

QByteArray OutgoingFrame::binaryHeader(qint64 payloadSize)
{
    return headerOf(char(0x82), quint64(payloadSize));
}

} // namespace chat::server
