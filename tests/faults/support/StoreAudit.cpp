#include "StoreAudit.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace chat::test {

namespace {

// Rows of a query whose every row names a problem.
QStringList rowsOf(const QSqlDatabase& db, const QString& sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        return { QStringLiteral("cannot audit: ") + query.lastError().text() };
    QStringList rows;
    while (query.next())
        rows.append(query.value(0).toString());
    return rows;
}

} // namespace

StoreAudit::StoreAudit(const QString& databasePath)
    : m_path(databasePath)
{
}

QString StoreAudit::keyOf(qint64 senderId, const QString& clientId)
{
    return QStringLiteral("%1/%2").arg(senderId).arg(clientId);
}

bool StoreAudit::run()
{
    const QString name = QStringLiteral("store-audit-") + m_path;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(m_path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!db.open()) {
            m_problems.append(QStringLiteral("cannot open %1: %2").arg(m_path, db.lastError().text()));
        } else {
            m_problems += rowsOf(db,
                QStringLiteral("SELECT 'room ' || r.id || ' has ' || COUNT(m.id) || ' messages, seqs ' || "
                               "COALESCE(MIN(m.seq), 0) || '..' || COALESCE(MAX(m.seq), 0) || ', last_seq ' || "
                               "r.last_seq FROM rooms r LEFT JOIN messages m ON m.room_id = r.id GROUP BY r.id "
                               "HAVING COUNT(m.id) != r.last_seq OR COALESCE(MAX(m.seq), 0) != r.last_seq "
                               "OR COALESCE(MIN(m.seq), 1) != 1"));
            m_problems += rowsOf(db,
                QStringLiteral("SELECT 'client_id ' || client_id || ' of user ' || sender_id || ' stored ' || "
                               "COUNT(*) || ' times' FROM messages WHERE client_id IS NOT NULL "
                               "GROUP BY sender_id, client_id HAVING COUNT(*) > 1"));
            m_problems += rowsOf(db,
                QStringLiteral("SELECT 'user ' || m.user_id || ' read room ' || r.id || ' up to ' || m.last_read_seq "
                               "|| ', past its last seq ' || r.last_seq FROM room_members m "
                               "JOIN rooms r ON r.id = m.room_id WHERE m.last_read_seq > r.last_seq"));
            QSqlQuery rooms(db);
            if (rooms.exec(QStringLiteral("SELECT COUNT(*) FROM rooms")) && rooms.next())
                m_roomCount = rooms.value(0).toLongLong();
            QSqlQuery all(db);
            all.setForwardOnly(true);
            if (!all.exec(QStringLiteral("SELECT sender_id, client_id, room_id, seq, body FROM messages")))
                m_problems.append(QStringLiteral("cannot read messages: ") + all.lastError().text());
            while (all.next()) {
                ++m_messageCount;
                const qint64 senderId = all.value(0).toLongLong();
                const QString clientId = all.value(1).toString();
                const Stored stored { all.value(2).toLongLong(), all.value(3).toLongLong(), all.value(4).toString() };
                m_messages.insert(keyOf(senderId, clientId), stored);
                m_bySeq.insert(QStringLiteral("%1/%2").arg(stored.roomId).arg(stored.seq),
                    QStringLiteral("%1/%2/%3").arg(senderId).arg(clientId, stored.body));
            }
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return m_problems.isEmpty();
}

} // namespace chat::test
