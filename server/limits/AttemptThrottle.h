#pragma once

#include <QHash>
#include <QList>
#include <QString>

namespace chat::server {

// Counts attempts per key (an account, an address) in a sliding window and says when the key may try again.
class AttemptThrottle {
public:
    AttemptThrottle(int maxAttempts, qint64 windowMs);

    // 0 when the key may try now, else the milliseconds until its oldest attempt leaves the window.
    qint64 retryAfterMs(const QString& key, qint64 nowMs);
    void record(const QString& key, qint64 nowMs);
    void clear(const QString& key);
    // Forgets keys with no attempt in the window; call now and then so the table stays small.
    void prune(qint64 nowMs);

private:
    int m_maxAttempts;
    qint64 m_windowMs;
    QHash<QString, QList<qint64>> m_attempts;
};

} // namespace chat::server
