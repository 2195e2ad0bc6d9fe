// dm, group and rate: chat traffic through chat-server and through the ceiling, from the same fleet shape.
#include "Traffic.h"
#include "Workloads.h"

#include <QTextStream>

namespace {

using Kind = LoadClient::Kind;

TrafficResult runTraffic(Kind kind, const BenchTopology& topology, const Fleet::Layout& layout, const TrafficSpec& spec)
{
    Fleet fleet(kind, topology);
    if (!fleet.start(layout))
        qFatal("%s did not start", qPrintable(fleet.name()));
    if (!fleet.connectUsers(0, fleet.users()))
        qFatal("not every connection to %s signed in", qPrintable(fleet.name()));
    fleet.waitForQuietServer();
    Traffic traffic(fleet, layout.rooms, layout.membersPerRoom, spec);
    const TrafficResult result = traffic.run();
    if (result.errors > 0 || !result.drained)
        qWarning("%s: %lld errors, %s", qPrintable(fleet.name()), result.errors,
            result.drained ? "all delivered" : "NOT all delivered");
    return result;
}

// The ceiling is one process with no store: it has no counterpart for PostgreSQL or a cluster.
QList<Kind> kinds(const BenchOptions& options)
{
    return options.withCeiling && options.topology.isDefault() ? QList<Kind> { Kind::Product, Kind::Ceiling }
                                                               : QList<Kind> { Kind::Product };
}

// Runs `make` for the product and the ceiling, alternating, `runs` times each.
struct Runs {
    QList<TrafficResult> product, ceiling;

    QList<double> of(bool forProduct, double TrafficResult::*field) const
    {
        QList<double> values;
        for (const TrafficResult& result : forProduct ? product : ceiling)
            values.append(result.*field);
        return values;
    }
    QList<double> latency(bool forProduct, double Percentiles::*field) const
    {
        QList<double> values;
        for (const TrafficResult& result : forProduct ? product : ceiling)
            values.append(result.latencyMs.*field);
        return values;
    }
};

Runs alternate(const BenchOptions& options, const Fleet::Layout& layout, const TrafficSpec& spec)
{
    Runs runs;
    for (int run = 0; run < options.runs; ++run) {
        for (Kind kind : kinds(options))
            (kind == Kind::Product ? runs.product : runs.ceiling)
                .append(runTraffic(kind, options.topology, layout, spec));
    }
    return runs;
}

// "dm", or "dm [postgres, 2 nodes]" for another topology or "dm [sqlite, 1 sender per pair]".
QString labelled(const QString& workload, const BenchOptions& options)
{
    if (options.topology.isDefault() && options.pairSenders == 2)
        return workload;
    const QString senders = options.pairSenders == 2 ? QString() : QStringLiteral(", 1 sender per pair");
    return QStringLiteral("%1 [%2%3]").arg(workload, options.topology.label(), senders);
}

QString errorNote(const Runs& runs)
{
    qint64 errors = 0;
    for (const TrafficResult& result : runs.product)
        errors += result.errors;
    return errors > 0 ? QStringLiteral("; %1 sends failed over the runs").arg(errors) : QString();
}

QString cpuNote(const Runs& runs)
{
    const auto median = [](const QList<double>& values) { return Spread::of(values).median * 100; };
    QString note = QStringLiteral("CPU:");
    const qsizetype processes = runs.product.isEmpty() ? 0 : runs.product.first().processCpu.size();
    for (qsizetype i = 0; i < processes; ++i) {
        QList<double> shares;
        for (const TrafficResult& result : runs.product)
            shares.append(result.processCpu.value(i).seconds);
        note += QStringLiteral(" %1 %2 %,")
                    .arg(runs.product.first().processCpu.at(i).name)
                    .arg(median(shares), 0, 'f', 0);
    }
    note += QStringLiteral(" the load generator %1 %").arg(median(runs.of(true, &TrafficResult::loadCpu)), 0, 'f', 0);
    if (!runs.ceiling.isEmpty()) {
        note += QStringLiteral("; ceiling %1 %, its load generator %2 %")
                    .arg(median(runs.of(false, &TrafficResult::serverCpu)), 0, 'f', 0)
                    .arg(median(runs.of(false, &TrafficResult::loadCpu)), 0, 'f', 0);
    }
    return note;
}

TrafficSpec specFrom(const BenchOptions& options)
{
    TrafficSpec spec;
    spec.window = options.window;
    spec.sendersPerRoom = options.pairSenders;
    spec.rate = options.rate;
    spec.bodyBytes = options.bodyBytes;
    spec.warmupMs = options.warmupMs;
    spec.measureMs = options.measureMs;
    return spec;
}

void addLatency(
    Report& report, const QString& workload, const Runs& runs, const QString& p99Target = {}, double p99LimitMs = 0)
{
    const struct {
        const char* name;
        double Percentiles::*field;
    } levels[] = { { "latency p50", &Percentiles::p50 }, { "latency p90", &Percentiles::p90 },
        { "latency p99", &Percentiles::p99 }, { "latency p99.9", &Percentiles::p999 } };
    for (const auto& level : levels) {
        Figure figure { workload, QString::fromLatin1(level.name), QStringLiteral("ms"),
            runs.latency(true, level.field), runs.latency(false, level.field) };
        if (level.field == &Percentiles::p99 && !p99Target.isEmpty()) {
            figure.target = p99Target;
            figure.met = figure.productSpread().median <= p99LimitMs;
        }
        report.add(figure);
    }
}

} // namespace

void runDm(const BenchOptions& options, Report& report)
{
    const Fleet::Layout layout { options.pairs, 2, true };
    const Runs runs = alternate(options, layout, specFrom(options));
    const QString workload = labelled(QStringLiteral("dm"), options);
    const QString store = options.topology.postgres ? QStringLiteral("PostgreSQL, fsync on")
                                                    : QStringLiteral("SQLite, synchronous=full");
    const QString nodes = options.topology.nodes > 1
        ? QStringLiteral("; %1 nodes over Redis, the two users of each pair on different nodes")
              .arg(options.topology.nodes)
        : QString();
    Figure acked { workload, QStringLiteral("acknowledged sends/s"), QStringLiteral("msg/s"),
        runs.of(true, &TrafficResult::sendsPerSecond) };
    acked.note = QStringLiteral("%1 pairs, %2 sending, %3 in flight per sender; every message stored (%4) before "
                                "its ack and its delivery%5")
                     .arg(options.pairs)
                     .arg(options.pairSenders == 2 ? QStringLiteral("both") : QStringLiteral("one"))
                     .arg(options.window)
                     .arg(store, nodes)
        + errorNote(runs);
    report.add(acked);
    Figure deliveries { workload, QStringLiteral("deliveries/s"), QStringLiteral("msg/s"),
        runs.of(true, &TrafficResult::deliveriesPerSecond), runs.of(false, &TrafficResult::deliveriesPerSecond) };
    if (!deliveries.ceiling.isEmpty()) {
        deliveries.target = QStringLiteral("≥ 50 % of ceiling");
        if (const auto ratio = deliveries.ratio())
            deliveries.met = *ratio >= 0.5;
    }
    deliveries.note = cpuNote(runs);
    report.add(deliveries);
    addLatency(report, workload, runs);
}

TrafficSpec pacedChat(const BenchOptions& options, double rate)
{
    TrafficSpec spec;
    spec.rate = rate;
    spec.bodyBytes = options.bodyBytes;
    spec.warmupMs = options.warmupMs;
    spec.measureMs = options.measureMs;
    return spec;
}

double dmPeak(const BenchOptions& options, Report& report)
{
    if (options.peak > 0)
        return options.peak;
    const QString workload = labelled(QStringLiteral("dm"), options);
    if (!report.find(workload, QStringLiteral("deliveries/s"))) {
        BenchOptions closedLoop = options;
        closedLoop.rate = 0;
        runDm(closedLoop, report);
    }
    return report.find(workload, QStringLiteral("deliveries/s"))->productSpread().median;
}

void runRate(const BenchOptions& options, Report& report)
{
    const double peak = dmPeak(options, report);
    for (double share : options.rateShares) {
        BenchOptions paced = options;
        paced.rate = share * peak;
        const Fleet::Layout layout { options.pairs, 2, true };
        const Runs runs = alternate(options, layout, specFrom(paced));
        const QString workload = labelled(
            QStringLiteral("rate %1 % (%2 msg/s)").arg(share * 100, 0, 'f', 0).arg(paced.rate, 0, 'f', 0), options);
        Figure deliveries { workload, QStringLiteral("deliveries/s"), QStringLiteral("msg/s"),
            runs.of(true, &TrafficResult::deliveriesPerSecond), runs.of(false, &TrafficResult::deliveriesPerSecond) };
        deliveries.note = cpuNote(runs);
        report.add(deliveries);
        // Across nodes every delivery is cross-node (send on A → message.new on B); the target differs.
        const double p99LimitMs = options.topology.nodes > 1 ? 5.0 : 10.0;
        if (qFuzzyCompare(share, 0.5))
            addLatency(report, workload, runs, QStringLiteral("p99 ≤ %1 ms").arg(p99LimitMs), p99LimitMs);
        else
            addLatency(report, workload, runs);
    }
}

void runGroup(const BenchOptions& options, Report& report)
{
    for (int members : options.groupSizes) {
        const int rooms = std::max(1, options.groupConnections / members);
        const Fleet::Layout layout { rooms, members, false };
        TrafficSpec spec = specFrom(options);
        spec.sendersPerRoom = options.groupSenders;
        const Runs runs = alternate(options, layout, spec);
        const QString workload = labelled(QStringLiteral("group %1").arg(members), options);
        Figure deliveries { workload, QStringLiteral("deliveries/s"), QStringLiteral("msg/s"),
            runs.of(true, &TrafficResult::deliveriesPerSecond), runs.of(false, &TrafficResult::deliveriesPerSecond) };
        deliveries.note = QStringLiteral("%1 room(s) of %2, %3 sender(s) each, %4 in flight per sender; ")
                              .arg(rooms)
                              .arg(members)
                              .arg(options.groupSenders)
                              .arg(options.window)
            + cpuNote(runs);
        report.add(deliveries);
        addLatency(report, workload, runs);
    }
}
