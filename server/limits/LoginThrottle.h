#pragma once

#include "AttemptThrottle.h"

#include <QHash>
#include <QString>

namespace chat::server {

struct SecurityConfig;

// When a password sign-in may be tried. Failures are counted per account and per address in a sliding window.
// The per-account count bounds an attacker's guesses at one account however many addresses they use; an
// address that signed in to the account with its password recently (a known address) is held by its
// per-address count only, so the owner still gets in while someone else is guessing.
class LoginThrottle {
public:
    explicit LoginThrottle(const SecurityConfig& security);

    // 0 when the sign-in may be tried now, else the milliseconds to wait.
    qint64 retryAfterMs(const QString& account, const QString& address, qint64 nowMs);
    void recordFailure(const QString& account, const QString& address, qint64 nowMs);
    // The account's failures stay counted: the owner's success does not give an attacker fresh guesses.
    void recordSuccess(const QString& account, const QString& address, qint64 nowMs);
    // Forgets what no longer matters; call now and then so the tables stay small.
    void prune(qint64 nowMs);

private:
    bool isKnownAddress(const QString& account, const QString& address, qint64 nowMs) const;

    AttemptThrottle m_byAccount;
    AttemptThrottle m_byAddress;
    qint64 m_knownForMs;
    // account -> address -> time of its last successful password sign-in
    QHash<QString, QHash<QString, qint64>> m_knownAddresses;
};

} // namespace chat::server
