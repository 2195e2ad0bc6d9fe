#pragma once

#include <QRandomGenerator>

namespace chat::client {

// Exponential reconnect delays with "full jitter" so that a restarted server is not hit by every
// client at the same instant: attempt n waits a random time in [base*2^n / 2, base*2^n], capped.
class Backoff {
public:
    explicit Backoff(int baseMs = 500, int capMs = 30000)
        : m_baseMs(baseMs)
        , m_capMs(capMs)
    {
    }

    int nextDelayMs();
    void reset() { m_attempt = 0; }
    int attempts() const { return m_attempt; }
    void setSeed(quint32 seed) { m_random.seed(seed); }

private:
    int m_baseMs;
    int m_capMs;
    int m_attempt = 0;
    QRandomGenerator m_random { QRandomGenerator::securelySeeded() };
};

} // namespace chat::client
