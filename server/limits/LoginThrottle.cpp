#include "LoginThrottle.h"

#include "config/ServerConfig.h"

#include <algorithm>

namespace chat::server {

namespace {
// The most known addresses kept per account (the most recent ones): a phone, a laptop, home, office...
constexpr int MaxKnownAddresses = 16;
} // namespace

LoginThrottle::LoginThrottle(const SecurityConfig& security)
    : m_byAccount(security.loginAttemptsPerAccount, qint64(security.loginWindowSeconds) * 1000)
    , m_byAddress(security.loginAttemptsPerAddress, qint64(security.loginWindowSeconds) * 1000)
    , m_knownForMs(qint64(security.loginKnownAddressDays) * 86400 * 1000)
{
}

bool LoginThrottle::isKnownAddress(const QString& account, const QString& address, qint64 nowMs) const
{
    const auto known = m_knownAddresses.constFind(account);
    if (known == m_knownAddresses.constEnd())
        return false;
    const auto at = known->constFind(address);
    return at != known->constEnd() && at.value() > nowMs - m_knownForMs;
}

qint64 LoginThrottle::retryAfterMs(const QString& account, const QString& address, qint64 nowMs)
{
    const qint64 byAddress = m_byAddress.retryAfterMs(address, nowMs);
    if (isKnownAddress(account, address, nowMs))
        return byAddress;
    return std::max(byAddress, m_byAccount.retryAfterMs(account, nowMs));
}

void LoginThrottle::recordFailure(const QString& account, const QString& address, qint64 nowMs)
{
    m_byAccount.record(account, nowMs);
    m_byAddress.record(address, nowMs);
}

void LoginThrottle::recordSuccess(const QString& account, const QString& address, qint64 nowMs)
{
    if (m_knownForMs <= 0 || address.isEmpty())
        return;
    QHash<QString, qint64>& known = m_knownAddresses[account];
    known.insert(address, nowMs);
    if (known.size() > MaxKnownAddresses)
        known.erase(std::min_element(known.begin(), known.end()));
}

void LoginThrottle::prune(qint64 nowMs)
{
    m_byAccount.prune(nowMs);
    m_byAddress.prune(nowMs);
    for (auto account = m_knownAddresses.begin(); account != m_knownAddresses.end();) {
        account->removeIf(
            [&](std::pair<const QString&, qint64&> entry) { return entry.second <= nowMs - m_knownForMs; });
        account = account->isEmpty() ? m_knownAddresses.erase(account) : std::next(account);
    }
}

} // namespace chat::server
