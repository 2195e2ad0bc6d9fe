#pragma once

#include "TestClient.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QUrl>

namespace chat::test {

// A client that behaves as chat-client's outbox does: when its connection drops it reconnects (through
// the balancer), resumes its session with the token, and sends an unacknowledged message again with the
// same client_id until the server acknowledges it.
class ResilientSender {
public:
    ResilientSender(const QUrl& url, const QString& username);

    bool signUp();
    TestClient& client() { return *m_client; }
    qint64 userId() const { return m_userId; }

    // Sends without waiting (pipelining); finish with sendUntilAcked and the same arguments.
    void startSend(qint64 roomId, const QString& clientId, const QString& body);
    // The message's seq once acknowledged; 0 if the deadline passed first. Picks up a startSend() of the
    // same client_id first.
    qint64 sendUntilAcked(qint64 roomId, const QString& clientId, const QString& body, int deadlineMs = 60000);
    const QHash<QString, qint64>& acknowledged() const { return m_acked; }
    int reconnects() const { return m_reconnects; }

private:
    bool reconnect(QDeadlineTimer deadline);

    QUrl m_url;
    QString m_username;
    std::unique_ptr<TestClient> m_client;
    QString m_token;
    qint64 m_userId = 0;
    int m_reconnects = 0;
    QHash<QString, qint64> m_acked; // client_id -> seq
    QHash<QString, QJsonValue> m_started; // client_id -> request id on the current connection
};

} // namespace chat::test
