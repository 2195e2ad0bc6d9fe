#pragma once

#include "core/OutgoingFrame.h"

#include <QByteArray>
#include <QString>
#include <QtEndian>

// What the frame writer fuzz target and the corpus replay test do with one input: a payload of a length the
// input chooses goes through OutgoingFrame, and an independent RFC 6455 reader must get it back unchanged.
// Returns an empty string, or the broken property.
namespace chat::fuzz {

namespace detail {

struct ReadFrame {
    QString problem;
    QByteArray payload;
};

// RFC 6455 section 5.2, for a server's frame: final, text, unmasked, the length in its shortest encoding.
inline ReadFrame readServerFrame(const QByteArray& wire)
{
    if (wire.size() < 2)
        return { QStringLiteral("shorter than a frame header"), {} };
    const auto byte = [&wire](qsizetype i) { return quint8(wire.at(i)); };
    if (byte(0) != 0x81)
        return { QStringLiteral("not a final text frame without extension bits"), {} };
    if (byte(1) & 0x80)
        return { QStringLiteral("a server frame is masked"), {} };
    quint64 length = byte(1) & 0x7f;
    qsizetype header = 2;
    if (length == 126) {
        if (wire.size() < 4)
            return { QStringLiteral("16-bit length cut off"), {} };
        length = qFromBigEndian<quint16>(wire.constData() + 2);
        header = 4;
        if (length < 126)
            return { QStringLiteral("a 16-bit length for a payload that fits in 7 bits"), {} };
    } else if (length == 127) {
        if (wire.size() < 10)
            return { QStringLiteral("64-bit length cut off"), {} };
        length = qFromBigEndian<quint64>(wire.constData() + 2);
        header = 10;
        if (length >> 63)
            return { QStringLiteral("the most significant bit of a 64-bit length is set"), {} };
        if (length <= 0xFFFF)
            return { QStringLiteral("a 64-bit length for a payload that fits in 16 bits"), {} };
    }
    if (quint64(wire.size() - header) != length)
        return { QStringLiteral("the length says %1 bytes, %2 follow").arg(length).arg(wire.size() - header), {} };
    return { {}, wire.mid(header) };
}

} // namespace detail

// The first three bytes choose the payload's length (up to 128 KiB, so all three length encodings are
// reached without huge inputs); the rest, repeated, fills it.
inline QString exerciseOutgoingFrame(const QByteArray& input)
{
    if (input.size() < 3)
        return {};
    const auto byte = [&input](qsizetype i) { return quint32(quint8(input.at(i))); };
    const qsizetype length = qsizetype(((byte(0) << 16) | (byte(1) << 8) | byte(2)) % (128 * 1024 + 1));
    const QByteArray fill = input.size() > 3 ? input.mid(3) : QByteArray(" ");
    const QByteArray payload = fill.repeated(length / fill.size() + 1).left(length);

    const server::OutgoingFrame frame(payload);
    if (frame.json() != payload)
        return QStringLiteral("json() is not the payload it was given");
    const detail::ReadFrame read = detail::readServerFrame(frame.wire());
    if (!read.problem.isEmpty())
        return read.problem;
    if (read.payload != payload)
        return QStringLiteral("the frame carries other bytes than the payload");
    return {};
}

} // namespace chat::fuzz
