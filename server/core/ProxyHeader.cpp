#include "ProxyHeader.h"

#include <QList>

namespace chat::server {

std::optional<QHostAddress> ProxyHeader::parse(const QByteArray& line)
{
    if (line.size() > MaxLength || !line.endsWith("\r\n"))
        return std::nullopt;
    const QList<QByteArray> fields = line.chopped(2).split(' ');
    if (fields.value(0) != "PROXY")
        return std::nullopt;
    if (fields.value(1) == "UNKNOWN")
        return QHostAddress();
    if (fields.size() != 6 || (fields.at(1) != "TCP4" && fields.at(1) != "TCP6"))
        return std::nullopt;
    const QHostAddress source(QString::fromLatin1(fields.at(2)));
    const QHostAddress destination(QString::fromLatin1(fields.at(3)));
    const auto expected = fields.at(1) == "TCP4" ? QAbstractSocket::IPv4Protocol : QAbstractSocket::IPv6Protocol;
    if (source.protocol() != expected || destination.protocol() != expected)
        return std::nullopt;
    // QHostAddress takes "fe80::1%anything": a scope would let one client pose as any number of addresses.
    if (!source.scopeId().isEmpty() || !destination.scopeId().isEmpty())
        return std::nullopt;
    for (const QByteArray& port : { fields.at(4), fields.at(5) }) {
        bool ok = false;
        const uint value = port.toUInt(&ok);
        if (!ok || value > 65535 || port.startsWith('+'))
            return std::nullopt;
    }
    return source;
}

} // namespace chat::server
