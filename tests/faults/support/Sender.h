#pragma once

#include "RpcConnection.h"
#include "TrafficLedgers.h"

#include <QObject>
#include <QUrl>

namespace chat::test {

// One connection of a sending user, writing to its ledger: resumes the session, sends again every message
// that has no answer yet (same client_id, as a real client's outbox does), then keeps `window` new messages
// in flight until stopped or disconnected.
class Sender : public QObject {
    Q_OBJECT
public:
    Sender(SendLedger& ledger, int window, QObject* parent = nullptr);
    void start(const QUrl& url);
    void stop() { m_stopped = true; } // sends nothing new; answers still count
    int ackedHere() const { return m_ackedHere; }

Q_SIGNALS:
    void acknowledged();

private:
    void resumed();
    void send(const QString& clientId);
    void sendNew();

    SendLedger& m_ledger;
    const int m_window;
    RpcConnection m_connection;
    int m_inFlight = 0;
    int m_ackedHere = 0;
    bool m_stopped = false;
};

} // namespace chat::test
