#include "ResilientSender.h"

#include "Protocol.h"

#include <QDeadlineTimer>
#include <QTest>

namespace chat::test {

namespace key = protocol::key;

ResilientSender::ResilientSender(const QUrl& url, const QString& username)
    : m_url(url)
    , m_username(username)
    , m_client(std::make_unique<TestClient>())
{
}

bool ResilientSender::signUp()
{
    if (!m_client->connectTo(m_url) || !m_client->signup(m_username).ok())
        return false;
    m_token = m_client->token();
    m_userId = m_client->userId();
    return true;
}

bool ResilientSender::reconnect(QDeadlineTimer deadline)
{
    while (!deadline.hasExpired()) {
        m_client = std::make_unique<TestClient>();
        if (m_client->connectTo(m_url, 3000)
            && m_client->call(protocol::method::AuthResume, { { key::Token, m_token } }, 5000).ok()) {
            ++m_reconnects;
            return true;
        }
        // The balancer may still route to the dead node until its health check fails: try again shortly.
        QTest::qWaitFor([] { return false; }, 100);
    }
    return false;
}

void ResilientSender::startSend(qint64 roomId, const QString& clientId, const QString& body)
{
    m_started.insert(clientId,
        m_client->sendRequest(protocol::method::MessagesSend,
            { { key::RoomId, roomId }, { key::Body, body }, { key::ClientId, clientId } }));
}

qint64 ResilientSender::sendUntilAcked(qint64 roomId, const QString& clientId, const QString& body, int deadlineMs)
{
    const QDeadlineTimer deadline(deadlineMs);
    const QJsonValue started = m_started.take(clientId);
    bool first = true;
    while (!deadline.hasExpired()) {
        const bool resume = std::exchange(first, false) && !started.isUndefined();
        if (!resume && !m_client->isConnected() && !reconnect(deadline))
            return 0;
        const Reply reply = resume
            ? m_client->waitForReply(started, 5000)
            : m_client->call(protocol::method::MessagesSend,
                { { key::RoomId, roomId }, { key::Body, body }, { key::ClientId, clientId } }, 5000);
        if (reply.ok()) {
            const qint64 seq = reply.result.value(key::MessageObj).toObject().value(key::Seq).toInteger();
            m_acked.insert(clientId, seq);
            return seq;
        }
        if (reply.answered && reply.reason() != QLatin1String("unavailable")
            && reply.reason() != QLatin1String("rate_limited"))
            return 0; // refused for good
        if (reply.answered)
            QTest::qWaitFor([] { return false; }, 200); // the store is away: try again in a moment
        else if (m_client->isConnected())
            m_client->close(); // no answer on a live-looking connection: start over on a new one
    }
    return 0;
}

} // namespace chat::test
