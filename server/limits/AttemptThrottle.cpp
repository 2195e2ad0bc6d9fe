#include "AttemptThrottle.h"

namespace chat::server {

AttemptThrottle::AttemptThrottle(int maxAttempts, qint64 windowMs)
    : m_maxAttempts(maxAttempts)
    , m_windowMs(windowMs)
{
}

qint64 AttemptThrottle::retryAfterMs(const QString& key, qint64 nowMs)
{
    auto it = m_attempts.find(key);
    if (it == m_attempts.end())
        return 0;
    QList<qint64>& times = it.value();
    while (!times.isEmpty() && times.first() <= nowMs - m_windowMs)
        times.removeFirst();
    if (times.size() < m_maxAttempts)
        return 0;
    return times.first() + m_windowMs - nowMs;
}

void AttemptThrottle::record(const QString& key, qint64 nowMs)
{
    QList<qint64>& times = m_attempts[key];
    times.append(nowMs);
    while (times.size() > m_maxAttempts)
        times.removeFirst();
}

void AttemptThrottle::clear(const QString& key)
{
    m_attempts.remove(key);
}

void AttemptThrottle::prune(qint64 nowMs)
{
    for (auto it = m_attempts.begin(); it != m_attempts.end();) {
        if (it->isEmpty() || it->last() <= nowMs - m_windowMs)
            it = m_attempts.erase(it);
        else
            ++it;
    }
}

} // namespace chat::server
