// idle: many signed-in connections doing nothing; the server's memory per connection and the time to connect them.
#include "EventWait.h"
#include "Fleet.h"
#include "Workloads.h"

#include <QElapsedTimer>

namespace {

struct IdleResult {
    double kibPerConnection = 0;
    double connectSeconds = 0;
};

IdleResult measureIdle(LoadClient::Kind kind, int connections)
{
    Fleet fleet(kind);
    if (!fleet.start({ 0, 1, false, connections }))
        qFatal("%s did not start", qPrintable(fleet.name()));
    fleet.waitForQuietServer();
    const qint64 baseline = fleet.server().rssKiB();
    QElapsedTimer timer;
    timer.start();
    if (!fleet.connectUsers(0, connections))
        qFatal("not every idle connection to %s signed in", qPrintable(fleet.name()));
    IdleResult result;
    result.connectSeconds = double(timer.elapsed()) / 1000;
    fleet.waitForQuietServer(); // presence fan-out has finished
    result.kibPerConnection = double(fleet.server().rssKiB() - baseline) / connections;
    return result;
}

} // namespace

void runIdle(const BenchOptions& options, Report& report)
{
    Figure memory { QStringLiteral("idle %1").arg(options.idleConnections), QStringLiteral("server RSS per connection"),
        QStringLiteral("KiB") };
    Figure connect { memory.workload, QStringLiteral("time to connect all"), QStringLiteral("s") };
    for (int run = 0; run < options.runs; ++run) {
        const IdleResult product = measureIdle(LoadClient::Kind::Product, options.idleConnections);
        memory.product.append(product.kibPerConnection);
        connect.product.append(product.connectSeconds);
        if (options.withCeiling) {
            const IdleResult ceiling = measureIdle(LoadClient::Kind::Ceiling, options.idleConnections);
            memory.ceiling.append(ceiling.kibPerConnection);
            connect.ceiling.append(ceiling.connectSeconds);
        }
    }
    memory.target = QStringLiteral("≤ 32 KiB");
    memory.met = memory.productSpread().median <= 32;
    connect.note = QStringLiteral("chat-server: WebSocket handshake, then auth.resume with a stored token; ceiling: "
                                  "handshake only");
    report.add(memory);
    report.add(connect);
}
