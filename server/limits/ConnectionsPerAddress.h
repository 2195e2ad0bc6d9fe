#pragma once

#include <QHash>
#include <QString>

namespace chat::server {

// Open connections per client address, handshakes in progress included. Up to the limit a connection is
// admitted; up to twice the limit it is refused with a reason the client can show; beyond that it is dropped
// at once, so a flood from one address costs at most twice the limit in sockets.
class ConnectionsPerAddress {
public:
    enum class Verdict { Admit, Refuse, Drop };

    explicit ConnectionsPerAddress(int limit);

    // Admit and Refuse count the connection until release(); Drop does not count it.
    Verdict admit(const QString& address);
    void release(const QString& address);
    int count(const QString& address) const { return m_open.value(address); }

private:
    int m_limit;
    QHash<QString, int> m_open;
};

} // namespace chat::server
