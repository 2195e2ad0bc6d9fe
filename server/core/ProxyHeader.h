#pragma once

#include <QByteArray>
#include <QHostAddress>

#include <optional>

namespace chat::server {

// The PROXY protocol version 1 header that HAProxy (`send-proxy`) writes before the client's own bytes,
// e.g. "PROXY TCP4 203.0.113.7 10.0.0.2 51234 7447\r\n": who the client really is behind the balancer.
struct ProxyHeader {
    static constexpr int MaxLength = 107; // the specification's longest v1 line, CRLF included

    // The client's address from a complete header line (CRLF included). An "UNKNOWN" header (the balancer's
    // own health checks) yields a null address; anything malformed yields nothing.
    static std::optional<QHostAddress> parse(const QByteArray& line);
};

} // namespace chat::server
