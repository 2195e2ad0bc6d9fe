#include "ReadReceipts.h"

#include <algorithm>

namespace chat::client {

void ReadReceipts::setAll(const QHash<qint64, qint64>& seqByUser)
{
    m_seqByUser = seqByUser;
}

bool ReadReceipts::note(qint64 userId, qint64 seq)
{
    qint64& known = m_seqByUser[userId];
    if (seq <= known)
        return false;
    known = seq;
    return true;
}

QList<qint64> ReadReceipts::seenBy(qint64 seq, qint64 senderId, qint64 me) const
{
    QList<qint64> users;
    for (auto it = m_seqByUser.cbegin(); it != m_seqByUser.cend(); ++it) {
        if (it.key() != senderId && it.key() != me && it.value() >= seq)
            users.append(it.key());
    }
    std::sort(users.begin(), users.end());
    return users;
}

} // namespace chat::client
