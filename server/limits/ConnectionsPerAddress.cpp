#include "ConnectionsPerAddress.h"

namespace chat::server {

ConnectionsPerAddress::ConnectionsPerAddress(int limit)
    : m_limit(limit)
{
}

ConnectionsPerAddress::Verdict ConnectionsPerAddress::admit(const QString& address)
{
    const int open = m_open.value(address);
    if (qint64(open) >= 2 * qint64(m_limit))
        return Verdict::Drop;
    m_open.insert(address, open + 1);
    return open + 1 > m_limit ? Verdict::Refuse : Verdict::Admit;
}

void ConnectionsPerAddress::release(const QString& address)
{
    auto it = m_open.find(address);
    if (it == m_open.end())
        return;
    if (--it.value() <= 0)
        m_open.erase(it);
}

} // namespace chat::server
