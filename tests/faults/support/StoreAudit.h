#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace chat::test {

// Reads a chat database file directly, with no server running, and checks what must hold whatever
// happened to the server: per room, seqs 1..last_seq with none missing and none beyond; one message per
// (sender, client_id); read markers never past the room's last seq.
class StoreAudit {
public:
    struct Stored {
        qint64 roomId = 0;
        qint64 seq = 0;
        QString body;
    };

    explicit StoreAudit(const QString& databasePath);
    // Reads everything; false (see problems()) when the file cannot be read.
    bool run();

    QStringList problems() const { return m_problems; }
    // "sender_id/client_id" -> the stored message
    const QHash<QString, Stored>& messages() const { return m_messages; }
    // "room_id/seq" -> "sender_id/client_id/body", as a Reader notes what it read
    const QHash<QString, QString>& messagesBySeq() const { return m_bySeq; }
    qint64 messageCount() const { return m_messageCount; }
    qint64 roomCount() const { return m_roomCount; }
    static QString keyOf(qint64 senderId, const QString& clientId);

private:
    QString m_path;
    QStringList m_problems;
    QHash<QString, Stored> m_messages;
    QHash<QString, QString> m_bySeq;
    qint64 m_messageCount = 0;
    qint64 m_roomCount = 0;
};

} // namespace chat::test
