#pragma once

#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace chat::test {

// What one sending user has sent, across connections and server restarts: the truth the tests check the
// store against.
struct SendLedger {
    struct Sent {
        qint64 roomId = 0;
        QString body;
    };
    struct Acked {
        qint64 roomId = 0;
        qint64 seq = 0;
        QString body;
    };

    QString name; // the username; client_ids are "<name>-<n>"
    QString token;
    qint64 userId = 0;
    QList<qint64> rooms; // sends go round these
    int nextNumber = 0;
    QMap<QString, Sent> unanswered; // client_id -> sent without an answer yet: stored or not, nobody knows
    QHash<QString, Acked> acked; // client_id -> what the server acknowledged
    QStringList errors; // error answers, "client_id: reason"
};

// What one reading user has read: the highest seq per room (every seq below it was read, densely), and
// every message read, by (room, seq), as "sender_id/client_id/body".
struct ReadLedger {
    QString name;
    QString token;
    QList<qint64> rooms;
    QHash<qint64, qint64> readUpTo;
    QHash<QString, QString> readMessages; // "room/seq" -> "sender_id/client_id/body"
    QStringList violations; // what the reader saw that must not be (gaps, changed messages, errors)
    qint64 pages = 0;
};

} // namespace chat::test
