#pragma once

#include <QHash>
#include <QList>

namespace chat::client {

// How far each member of one room has read (rooms.receipts, then receipt notifications): the "seen by" of a
// message with seq S is every member other than its sender (and me) whose position is at least S.
class ReadReceipts {
public:
    void setAll(const QHash<qint64, qint64>& seqByUser); // replaces what was known (rooms.receipts)
    bool note(qint64 userId, qint64 seq); // a receipt: positions never move backwards; true when it moved
    void clear() { m_seqByUser.clear(); }
    bool isEmpty() const { return m_seqByUser.isEmpty(); }
    qint64 positionOf(qint64 userId) const { return m_seqByUser.value(userId); }
    QList<qint64> seenBy(qint64 seq, qint64 senderId, qint64 me) const; // ascending user ids

private:
    QHash<qint64, qint64> m_seqByUser;
};

} // namespace chat::client
