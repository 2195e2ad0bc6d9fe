#include "Backoff.h"

#include <algorithm>

namespace chat::client {

int Backoff::nextDelayMs()
{
    const int shift = std::min(m_attempt, 16);
    const qint64 ceiling = std::min<qint64>(qint64(m_baseMs) << shift, m_capMs);
    ++m_attempt;
    const qint64 floor = ceiling / 2;
    return int(floor + m_random.bounded(ceiling - floor + 1));
}

} // namespace chat::client
