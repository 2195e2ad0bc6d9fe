#pragma once

#include "RpcConnection.h"
#include "TrafficLedgers.h"

#include <QObject>
#include <QRandomGenerator>
#include <QUrl>

namespace chat::test {

// One connection of a reading user, writing to its ledger: resumes the session, then goes round its rooms
// reading every message after the last one it read (messages.history after=) and moving its read marker
// (rooms.read), now and then past the room's end, which the server must clamp. It notes in the ledger
// anything that must not be: a gap in seqs, a message that differs from what it read before, an error.
class Reader : public QObject {
    Q_OBJECT
public:
    Reader(ReadLedger& ledger, quint32 seed, QObject* parent = nullptr);
    void start(const QUrl& url);

private:
    void readNext();
    void onPage(qint64 roomId, const QJsonObject& page);

    ReadLedger& m_ledger;
    QRandomGenerator m_random;
    RpcConnection m_connection;
    int m_nextRoom = 0;
};

} // namespace chat::test
