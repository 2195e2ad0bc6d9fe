#pragma once

#include <QtGlobal>

namespace chat::server {

// Classic token bucket: `ratePerSecond` sustained, `burst` at once. Time is passed in so tests control it.
class TokenBucket {
public:
    TokenBucket(double ratePerSecond, double burst);

    bool tryTake(qint64 nowMs, double cost = 1.0);
    // Takes even when that leaves the bucket in debt: a client that ignores refusals digs itself deeper.
    void takeAnyway(qint64 nowMs, double cost = 1.0);
    // How long until `cost` tokens are available (0 if they are now).
    qint64 msUntilAvailable(qint64 nowMs, double cost = 1.0);
    double level(qint64 nowMs);
    void giveBack(double cost = 1.0); // a taken token that turned out not to be owed

private:
    void refill(qint64 nowMs);

    double m_rate;
    double m_burst;
    double m_tokens;
    qint64 m_lastMs = -1;
};

} // namespace chat::server
