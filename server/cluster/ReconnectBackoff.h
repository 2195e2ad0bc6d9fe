#pragma once

#include <QRandomGenerator>

namespace chat::server {

// Reconnect delays that double from an initial value up to a maximum, each spread by +-20 % so that
// the nodes of a cluster do not all knock on a restarted Redis in the same millisecond.
class ReconnectBackoff {
public:
    ReconnectBackoff(int initialMs, int maxMs);

    int nextDelayMs();
    void reset() { m_failures = 0; }
    int failures() const { return m_failures; }

private:
    int m_initialMs;
    int m_maxMs;
    int m_failures = 0;
    QRandomGenerator m_random { QRandomGenerator::securelySeeded() };
};

} // namespace chat::server
