#include "TokenBucket.h"

#include <algorithm>
#include <cmath>

namespace chat::server {

TokenBucket::TokenBucket(double ratePerSecond, double burst)
    : m_rate(ratePerSecond)
    , m_burst(burst)
    , m_tokens(burst)
{
}

void TokenBucket::refill(qint64 nowMs)
{
    if (m_lastMs >= 0 && nowMs > m_lastMs)
        m_tokens = std::min(m_burst, m_tokens + double(nowMs - m_lastMs) * m_rate / 1000.0);
    if (nowMs > m_lastMs)
        m_lastMs = nowMs;
}

bool TokenBucket::tryTake(qint64 nowMs, double cost)
{
    refill(nowMs);
    if (m_tokens < cost)
        return false;
    m_tokens -= cost;
    return true;
}

void TokenBucket::takeAnyway(qint64 nowMs, double cost)
{
    refill(nowMs);
    m_tokens -= cost;
}

qint64 TokenBucket::msUntilAvailable(qint64 nowMs, double cost)
{
    refill(nowMs);
    if (m_tokens >= cost || m_rate <= 0)
        return 0;
    return qint64(std::ceil((cost - m_tokens) * 1000.0 / m_rate));
}

double TokenBucket::level(qint64 nowMs)
{
    refill(nowMs);
    return m_tokens;
}

void TokenBucket::giveBack(double cost)
{
    m_tokens = std::min(m_burst, m_tokens + cost);
}

} // namespace chat::server
