#pragma once

#include "Fleet.h"
#include "Percentiles.h"

#include <QElapsedTimer>
#include <QList>

// Chat traffic over a connected fleet: some members of each room send, every other member receives.
// Closed loop: each sender keeps `window` messages in flight (sent, not yet delivered to every other
// member) and sends the next as one completes. Open loop: `rate` messages per second in total, each
// stamped with the time it was scheduled, so a server that falls behind shows it in the latency.
struct TrafficSpec {
    int sendersPerRoom = 2;
    int window = 4;
    double rate = 0; // > 0: open loop at this many messages/s
    int bodyBytes = 100;
    int warmupMs = 1000;
    int measureMs = 5000;
};

struct TrafficResult {
    double sendsPerSecond = 0; // sends acknowledged by the server (product) or written (ceiling)
    double deliveriesPerSecond = 0; // chat frames received by other members
    Percentiles latencyMs; // send (scheduled) → receive
    double serverCpu = 0; // share of one core over the measured window, all server-side processes
    QList<ProcessCpu> processCpu; // each of them (ProcessCpu::seconds holds the share of one core)
    double loadCpu = 0;
    qint64 errors = 0;
    bool drained = true; // every message sent was delivered after the load stopped
};

class Traffic {
public:
    Traffic(Fleet& fleet, int rooms, int membersPerRoom, const TrafficSpec& spec);
    TrafficResult run();

private:
    struct Sender {
        int user = 0;
        qint64 sent = 0;
        qint64 deliveries = 0;
    };

    void sendFrom(Sender& sender, qint64 stampNs);
    void onChat(int receiver, int sender, qint64 sentAtNs);
    void sendDue(); // open loop: catch up with the schedule
    qint64 inFlight(const Sender& sender) const;

    Fleet& m_fleet;
    int m_rooms;
    int m_membersPerRoom;
    TrafficSpec m_spec;
    QList<Sender> m_senders;
    QHash<int, qsizetype> m_senderOfUser;
    QElapsedTimer m_clock;
    bool m_sending = false;
    bool m_measuring = false;
    qint64 m_openLoopStartNs = 0;
    qint64 m_scheduled = 0;
    qsizetype m_nextSender = 0;
    qint64 m_acked = 0;
    qint64 m_delivered = 0;
    qint64 m_errors = 0;
    QList<double> m_latencyMs;
};
