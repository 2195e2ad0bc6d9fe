#pragma once

#include <QRandomGenerator>

namespace chat::client {

// Exponential reconnect delays with jitter so that a restarted server is not hit by every client at the
// same instant: attempt n waits a random time in [base*2^n / 2, base*2^n], capped. The default cap keeps
// a client at most 1.5 s behind a server that comes back (a failed attempt on a closed port costs
// next to nothing); a network that comes back is noticed at once (ChatConnection::watchNetwork).
class Backoff {
public:
    static constexpr int DefaultCapMs = 1500;

    explicit Backoff(int baseMs = 500, int capMs = DefaultCapMs)
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
