#pragma once

#include "core/ProxyHeader.h"

#include <QByteArray>
#include <QString>

// What the PROXY header fuzz target and the corpus replay test do with one input: the bytes as the line a
// balancer sent before the handshake. Returns an empty string, or the broken property.
namespace chat::fuzz {

inline QString exerciseProxyHeader(const QByteArray& line)
{
    const std::optional<QHostAddress> client = server::ProxyHeader::parse(line);
    if (!client)
        return {};
    if (line.size() > server::ProxyHeader::MaxLength || !line.startsWith("PROXY ") || !line.endsWith("\r\n"))
        return QStringLiteral("accepted a line that is not a PROXY header");
    if (client->isNull())
        return line.startsWith("PROXY UNKNOWN") ? QString() : QStringLiteral("a null address without UNKNOWN");
    const bool v4 = client->protocol() == QAbstractSocket::IPv4Protocol;
    if (!v4 && client->protocol() != QAbstractSocket::IPv6Protocol)
        return QStringLiteral("an address that is neither IPv4 nor IPv6");
    if (!line.startsWith(v4 ? "PROXY TCP4 " : "PROXY TCP6 "))
        return QStringLiteral("the address family does not match the header's");
    // The address as HAProxy would write it again names the same client.
    const QByteArray rewritten = QByteArray(v4 ? "PROXY TCP4 " : "PROXY TCP6 ") + client->toString().toLatin1() + ' '
        + (v4 ? "127.0.0.1" : "::1") + " 1 2\r\n";
    const std::optional<QHostAddress> again = server::ProxyHeader::parse(rewritten);
    if (!again || *again != *client)
        return QStringLiteral("the parsed address does not parse again: %1").arg(QString::fromLatin1(rewritten));
    return {};
}

} // namespace chat::fuzz
