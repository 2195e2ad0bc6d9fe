#include "Reader.h"

#include "Protocol.h"

#include <QJsonArray>

namespace chat::test {

namespace key = protocol::key;

Reader::Reader(ReadLedger& ledger, quint32 seed, QObject* parent)
    : QObject(parent)
    , m_ledger(ledger)
    , m_random(seed)
{
    connect(&m_connection, &RpcConnection::resumed, this, &Reader::readNext);
    connect(&m_connection, &RpcConnection::refused, this,
        [this](const QString& reason) { m_ledger.violations.append(QStringLiteral("auth.resume: ") + reason); });
}

void Reader::start(const QUrl& url)
{
    m_connection.openSession(url, m_ledger.token);
}

void Reader::readNext()
{
    const qint64 roomId = m_ledger.rooms.at(m_nextRoom++ % m_ledger.rooms.size());
    m_connection.call(protocol::method::MessagesHistory,
        { { key::RoomId, roomId }, { key::After, m_ledger.readUpTo.value(roomId) }, { key::Limit, 100 } },
        [this, roomId](const QJsonObject& page, const std::optional<RpcError>& error) {
            if (error) {
                m_ledger.violations.append(QStringLiteral("messages.history: ") + error->reason);
                return;
            }
            onPage(roomId, page);
        });
}

void Reader::onPage(qint64 roomId, const QJsonObject& page)
{
    ++m_ledger.pages;
    qint64 upTo = m_ledger.readUpTo.value(roomId);
    const QJsonArray messages = page.value(key::Messages).toArray();
    for (const QJsonValue& value : messages) {
        const QJsonObject message = value.toObject();
        const qint64 seq = message.value(key::Seq).toInteger();
        if (seq != upTo + 1)
            m_ledger.violations.append(QStringLiteral("room %1: seq %2 after %3").arg(roomId).arg(seq).arg(upTo));
        upTo = seq;
        const QString where = QStringLiteral("%1/%2").arg(roomId).arg(seq);
        const QString what = QStringLiteral("%1/%2/%3")
                                 .arg(message.value(key::SenderId).toInteger())
                                 .arg(message.value(key::ClientId).toString(), message.value(key::Body).toString());
        const QString before = m_ledger.readMessages.value(where);
        if (!before.isEmpty() && before != what)
            m_ledger.violations.append(QStringLiteral("room/seq %1 was %2, now %3").arg(where, before, what));
        m_ledger.readMessages.insert(where, what);
    }
    m_ledger.readUpTo.insert(roomId, upTo);
    // Now and then a marker past the end: the server must keep it at the room's last seq.
    const qint64 marker = upTo + (m_random.bounded(4) == 0 ? 5 : 0);
    m_connection.call(protocol::method::RoomsRead, { { key::RoomId, roomId }, { key::Seq, marker } },
        [this](const QJsonObject&, const std::optional<RpcError>& error) {
            if (error)
                m_ledger.violations.append(QStringLiteral("rooms.read: ") + error->reason);
            else
                readNext();
        });
}

} // namespace chat::test
