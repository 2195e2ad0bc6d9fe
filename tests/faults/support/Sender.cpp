#include "Sender.h"

#include "Protocol.h"

namespace chat::test {

namespace key = protocol::key;

Sender::Sender(SendLedger& ledger, int window, QObject* parent)
    : QObject(parent)
    , m_ledger(ledger)
    , m_window(window)
{
    connect(&m_connection, &RpcConnection::resumed, this, &Sender::resumed);
    connect(&m_connection, &RpcConnection::refused, this,
        [this](const QString& reason) { m_ledger.errors.append(QStringLiteral("auth.resume: ") + reason); });
}

void Sender::start(const QUrl& url)
{
    m_connection.openSession(url, m_ledger.token);
}

void Sender::resumed()
{
    const QStringList again = m_ledger.unanswered.keys();
    for (const QString& clientId : again)
        send(clientId);
    while (m_inFlight < m_window && !m_stopped)
        sendNew();
}

void Sender::sendNew()
{
    const int number = m_ledger.nextNumber++;
    const QString clientId = QStringLiteral("%1-%2").arg(m_ledger.name).arg(number);
    const qint64 roomId = m_ledger.rooms.at(number % m_ledger.rooms.size());
    m_ledger.unanswered.insert(clientId, { roomId, QStringLiteral("%1 says %2").arg(m_ledger.name).arg(number) });
    send(clientId);
}

void Sender::send(const QString& clientId)
{
    const SendLedger::Sent sent = m_ledger.unanswered.value(clientId);
    ++m_inFlight;
    m_connection.call(protocol::method::MessagesSend,
        { { key::RoomId, sent.roomId }, { key::Body, sent.body }, { key::ClientId, clientId } },
        [this, clientId, sent](const QJsonObject& result, const std::optional<RpcError>& error) {
            --m_inFlight;
            if (error) {
                m_ledger.errors.append(clientId + QStringLiteral(": ") + error->reason);
                return; // stays unanswered: the next connection sends it again
            }
            const QJsonObject message = result.value(key::MessageObj).toObject();
            m_ledger.unanswered.remove(clientId);
            m_ledger.acked.insert(clientId,
                { message.value(key::RoomId).toInteger(), message.value(key::Seq).toInteger(),
                    message.value(key::Body).toString() });
            ++m_ackedHere;
            Q_EMIT acknowledged();
            if (!m_stopped)
                sendNew();
        });
}

} // namespace chat::test
