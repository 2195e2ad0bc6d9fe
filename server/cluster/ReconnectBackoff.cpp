#include "ReconnectBackoff.h"

#include <algorithm>

namespace chat::server {

ReconnectBackoff::ReconnectBackoff(int initialMs, int maxMs)
    : m_initialMs(std::max(1, initialMs))
    , m_maxMs(std::max(m_initialMs, maxMs))
{
}

int ReconnectBackoff::nextDelayMs()
{
    const int shift = std::min(m_failures, 20);
    const qint64 delay = std::min<qint64>(qint64(m_initialMs) << shift, m_maxMs);
    ++m_failures;
    const double jitter = 0.8 + 0.4 * m_random.generateDouble();
    return int(std::max<qint64>(1, qint64(double(delay) * jitter)));
}

} // namespace chat::server
