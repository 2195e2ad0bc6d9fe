// login: a storm of password logins (Argon2id, deliberately slow) while chatting pairs keep talking at a
// fixed rate; logins/s and the chat latency with and without the storm. Hashing runs off the socket
// thread, so the chat must not feel it. The ceiling for logins is Argon2id's own speed on one core.
#include "EventWait.h"
#include "Traffic.h"
#include "Workloads.h"
#include "auth/PasswordHasher.h"

#include "Params.h"
#include "Protocol.h"

#include <QElapsedTimer>

using namespace chat;
using chat::server::PasswordHasher;

namespace {

// Each storm connection logs in, logs out and logs in again, as long as `running` holds.
class LoginStorm {
public:
    LoginStorm(Fleet& fleet, int first, int count)
        : m_fleet(fleet)
        , m_first(first)
        , m_count(count)
    {
    }

    void start()
    {
        m_running = true;
        for (int user = m_first; user < m_first + m_count; ++user)
            logIn(user);
    }
    void stop() { m_running = false; }
    bool idle() const { return m_busy == 0; }
    qint64 logins() const { return m_logins; }
    qint64 failures() const { return m_failures; }

private:
    void logIn(int user)
    {
        ++m_busy;
        const params::Credentials credentials { m_fleet.username(user), BenchSetup::password };
        m_fleet.client(user)->call(
            protocol::method::AuthLogin, credentials.toJson(), [this, user](const jsonrpc::Message& reply) {
                if (reply.error) {
                    ++m_failures;
                    --m_busy;
                    return;
                }
                ++m_logins;
                m_fleet.client(user)->call(protocol::method::AuthLogout, {}, [this, user](const jsonrpc::Message&) {
                    --m_busy;
                    if (m_running)
                        logIn(user);
                });
            });
    }

    Fleet& m_fleet;
    int m_first;
    int m_count;
    bool m_running = false;
    int m_busy = 0;
    qint64 m_logins = 0;
    qint64 m_failures = 0;
};

double argon2VerificationsPerSecond()
{
    const QString hash = PasswordHasher::hash(BenchSetup::password);
    QElapsedTimer timer;
    timer.start();
    int verified = 0;
    while (timer.elapsed() < 2000 || verified < 3) {
        if (!PasswordHasher::verify(hash, BenchSetup::password))
            qFatal("Argon2id verification failed");
        ++verified;
    }
    return verified / (double(timer.nsecsElapsed()) / 1e9);
}

} // namespace

void runLogin(const BenchOptions& options, Report& report)
{
    PasswordHasher::initialize();
    const double rate = options.loginChatShare * dmPeak(options, report);
    const QString workload = QStringLiteral("login storm (%1 connections, chat at %2 msg/s)")
                                 .arg(options.stormConnections)
                                 .arg(rate, 0, 'f', 0);
    Figure logins { workload, QStringLiteral("logins/s"), QStringLiteral("1/s") };
    Figure calmP99 { workload, QStringLiteral("chat latency p99 without the storm"), QStringLiteral("ms") };
    Figure stormP50 { workload, QStringLiteral("chat latency p50 during the storm"), QStringLiteral("ms") };
    Figure stormP99 { workload, QStringLiteral("chat latency p99 during the storm"), QStringLiteral("ms") };
    const Fleet::Layout layout { options.pairs, 2, true, options.stormConnections };
    for (int run = 0; run < options.runs; ++run) {
        Fleet fleet(LoadClient::Kind::Product);
        if (!fleet.start(layout) || !fleet.connectUsers(0, options.pairs * 2)
            || !fleet.connectUsers(options.pairs * 2, options.stormConnections, false))
            qFatal("chat-server did not start or not every connection opened");
        fleet.waitForQuietServer();
        const TrafficResult calm = Traffic(fleet, options.pairs, 2, pacedChat(options, rate)).run();
        LoginStorm storm(fleet, options.pairs * 2, options.stormConnections);
        QElapsedTimer stormTime;
        stormTime.start();
        storm.start();
        const TrafficResult stormy = Traffic(fleet, options.pairs, 2, pacedChat(options, rate)).run();
        const double seconds = double(stormTime.nsecsElapsed()) / 1e9;
        const qint64 loginCount = storm.logins();
        storm.stop();
        waitUntil([&storm] { return storm.idle(); }, 30000);
        if (storm.failures() > 0)
            qWarning("%lld logins failed", storm.failures());
        logins.product.append(double(loginCount) / seconds);
        calmP99.product.append(calm.latencyMs.p99);
        stormP50.product.append(stormy.latencyMs.p50);
        stormP99.product.append(stormy.latencyMs.p99);
        if (options.withCeiling) {
            logins.ceiling.append(argon2VerificationsPerSecond());
            Fleet ceiling(LoadClient::Kind::Ceiling);
            if (!ceiling.start(layout) || !ceiling.connectUsers(0, options.pairs * 2))
                qFatal("ceiling did not start");
            ceiling.waitForQuietServer();
            const TrafficResult plain = Traffic(ceiling, options.pairs, 2, pacedChat(options, rate)).run();
            calmP99.ceiling.append(plain.latencyMs.p99);
            stormP50.ceiling.append(plain.latencyMs.p50);
            stormP99.ceiling.append(plain.latencyMs.p99);
        }
    }
    logins.note = QStringLiteral("ceiling: Argon2id verifications per second on one core of this machine "
                                 "(chat-server has one core to itself)");
    stormP99.target = QStringLiteral("≤ 20 ms");
    stormP99.met = stormP99.productSpread().median <= 20;
    stormP99.note
        = QStringLiteral("ceiling: the same chat at the same rate on the ceiling server, which has no logins");
    for (const Figure* figure : { &logins, &calmP99, &stormP50, &stormP99 })
        report.add(*figure);
}
