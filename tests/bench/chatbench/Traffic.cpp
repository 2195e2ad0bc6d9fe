#include "Traffic.h"

#include "EventWait.h"
#include "LoadCpu.h"

#include <QTimer>

Traffic::Traffic(Fleet& fleet, int rooms, int membersPerRoom, const TrafficSpec& spec)
    : m_fleet(fleet)
    , m_rooms(rooms)
    , m_membersPerRoom(membersPerRoom)
    , m_spec(spec)
{
    for (int room = 0; room < rooms; ++room) {
        for (int member = 0; member < membersPerRoom; ++member) {
            const int user = room * membersPerRoom + member;
            if (member < spec.sendersPerRoom) {
                m_senderOfUser.insert(user, m_senders.size());
                m_senders.append(Sender { user });
            }
            fleet.client(user)->onChat = [this, user](int sender, qint64 sentAtNs) { onChat(user, sender, sentAtNs); };
        }
    }
}

qint64 Traffic::inFlight(const Sender& sender) const
{
    return sender.sent - sender.deliveries / (m_membersPerRoom - 1);
}

void Traffic::sendFrom(Sender& sender, qint64 stampNs)
{
    ++sender.sent;
    m_fleet.send(sender.user, LoadClient::chatBody(sender.user, stampNs, m_spec.bodyBytes), [this](bool ok) {
        if (!ok)
            ++m_errors;
        else if (m_measuring)
            ++m_acked;
    });
}

void Traffic::onChat(int /*receiver*/, int senderUser, qint64 sentAtNs)
{
    const auto it = m_senderOfUser.constFind(senderUser);
    if (it == m_senderOfUser.cend())
        return;
    Sender& sender = m_senders[*it];
    ++sender.deliveries;
    if (m_measuring) {
        ++m_delivered;
        m_latencyMs.append(double(m_clock.nsecsElapsed() - sentAtNs) / 1e6);
    }
    // Closed loop: a message delivered to every other member makes room for the next one.
    while (m_sending && m_spec.rate <= 0 && inFlight(sender) < m_spec.window)
        sendFrom(sender, m_clock.nsecsElapsed());
}

void Traffic::sendDue()
{
    if (!m_sending || m_senders.isEmpty())
        return;
    const double intervalNs = 1e9 / m_spec.rate;
    const qint64 now = m_clock.nsecsElapsed();
    while (m_openLoopStartNs + qint64(double(m_scheduled) * intervalNs) <= now) {
        Sender& sender = m_senders[m_nextSender];
        m_nextSender = (m_nextSender + 1) % m_senders.size();
        sendFrom(sender, m_openLoopStartNs + qint64(double(m_scheduled) * intervalNs));
        ++m_scheduled;
    }
}

TrafficResult Traffic::run()
{
    m_clock.start();
    m_sending = true;
    QTimer pacer;
    if (m_spec.rate > 0) {
        pacer.setTimerType(Qt::PreciseTimer);
        pacer.setInterval(1);
        QObject::connect(&pacer, &QTimer::timeout, [this] { sendDue(); });
        m_openLoopStartNs = m_clock.nsecsElapsed();
        pacer.start();
    } else {
        for (Sender& sender : m_senders) {
            for (int i = 0; i < m_spec.window; ++i)
                sendFrom(sender, m_clock.nsecsElapsed());
        }
    }
    runFor(m_spec.warmupMs);

    const QList<ProcessCpu> serverCpuBefore = m_fleet.cpuSeconds();
    const double loadCpuBefore = loadCpuSeconds();
    const qint64 windowStart = m_clock.nsecsElapsed();
    m_measuring = true;
    runFor(m_spec.measureMs);
    m_measuring = false;
    const double seconds = double(m_clock.nsecsElapsed() - windowStart) / 1e9;

    TrafficResult result;
    const QList<ProcessCpu> serverCpuAfter = m_fleet.cpuSeconds();
    for (qsizetype i = 0; i < serverCpuAfter.size(); ++i) {
        const double share = (serverCpuAfter.at(i).seconds - serverCpuBefore.at(i).seconds) / seconds;
        result.processCpu.append({ serverCpuAfter.at(i).name, share });
        result.serverCpu += share;
    }
    result.loadCpu = (loadCpuSeconds() - loadCpuBefore) / seconds;
    m_sending = false;
    pacer.stop();
    result.drained = waitUntil(
        [this] {
            for (const Sender& sender : std::as_const(m_senders)) {
                if (inFlight(sender) > 0)
                    return false;
            }
            return true;
        },
        30000);
    for (int user = 0; user < m_rooms * m_membersPerRoom; ++user)
        m_fleet.client(user)->onChat = nullptr;
    result.sendsPerSecond = double(m_acked) / seconds;
    result.deliveriesPerSecond = double(m_delivered) / seconds;
    result.latencyMs = Percentiles::of(m_latencyMs);
    result.errors = m_errors;
    return result;
}
