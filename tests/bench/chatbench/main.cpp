// chat-bench: the load generator. It starts chat-server (seeded through its store) or the ceiling
// server as a separate process pinned to BENCH_SERVER_CPU, drives it from many connections in this
// one process, and reports each figure as the median of several runs beside the ceiling's.
// Usage: chat-bench <dm|group|rate|idle|history|login|cluster|suite> [options]   (--help lists them)
#include "BenchOptions.h"
#include "Report.h"
#include "Workloads.h"
#include "core/ServerRunner.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <functional>
#include <map>

namespace {

QList<double> toDoubles(const QString& list)
{
    QList<double> values;
    for (const QString& item : list.split(QLatin1Char(','), Qt::SkipEmptyParts))
        values.append(item.toDouble());
    return values;
}

} // namespace

int main(int argc, char* argv[])
{
    qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("chat-bench"));
    chat::server::raiseFileLimit();

    const std::map<QString, std::function<void(const BenchOptions&, Report&)>> workloads {
        { QStringLiteral("dm"), runDm },
        { QStringLiteral("rate"), runRate },
        { QStringLiteral("group"), runGroup },
        { QStringLiteral("idle"), runIdle },
        { QStringLiteral("history"), runHistory },
        { QStringLiteral("login"), runLogin },
        { QStringLiteral("cluster"), runCluster },
        { QStringLiteral("files"), runFiles },
    };
    const QStringList suite { QStringLiteral("dm"), QStringLiteral("rate"), QStringLiteral("group"),
        QStringLiteral("history"), QStringLiteral("login"), QStringLiteral("idle") };

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Measures chat-server against a minimal broadcast server (the ceiling) with the same load.\n"
        "Workloads: dm, rate, group, idle, history, login, or suite (all of them, in that order);\n"
        "cluster: dm on SQLite, on PostgreSQL and on two nodes, and cross-node latency at half of "
        "the two-node peak (not part of suite); files: upload and download MB/s, and the rate latency while "
        "files move (not part of suite)."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("workload"), QStringLiteral("What to measure."));
    BenchOptions defaults;
    auto option = [&parser](const char* name, const QString& help, const QString& value) {
        QCommandLineOption added(QString::fromLatin1(name), help, QStringLiteral("n"), value);
        parser.addOption(added);
        return added;
    };
    const auto runs
        = option("runs", QStringLiteral("Runs per figure (median and spread)."), QString::number(defaults.runs));
    const auto seconds
        = option("seconds", QStringLiteral("Measured seconds per run."), QString::number(defaults.measureMs / 1000.0));
    const auto warmup
        = option("warmup", QStringLiteral("Warm-up seconds per run."), QString::number(defaults.warmupMs / 1000.0));
    const auto body
        = option("body-bytes", QStringLiteral("Size of each chat message body."), QString::number(defaults.bodyBytes));
    const auto pairs
        = option("pairs", QStringLiteral("Chatting pairs (dm, rate, login)."), QString::number(defaults.pairs));
    const auto pairSenders = option("pair-senders", QStringLiteral("dm, rate: users of each pair who send (1 or 2)."),
        QString::number(defaults.pairSenders));
    const auto window = option(
        "window", QStringLiteral("Messages in flight per sender (dm, group)."), QString::number(defaults.window));
    const auto rate = option("rate", QStringLiteral("dm: open loop at this many messages/s."), QStringLiteral("0"));
    const auto peak = option(
        "peak", QStringLiteral("rate, login: the dm peak in messages/s (default: measure it)."), QStringLiteral("0"));
    const auto shares
        = option("shares", QStringLiteral("rate: fractions of the peak."), QStringLiteral("0.25,0.5,0.75"));
    const auto sizes = option("members", QStringLiteral("group: room sizes."), QStringLiteral("10,100,1000"));
    const auto groupConnections = option("group-connections", QStringLiteral("group: members over all rooms."),
        QString::number(defaults.groupConnections));
    const auto groupSenders
        = option("senders", QStringLiteral("group: senders per room."), QString::number(defaults.groupSenders));
    const auto idle
        = option("connections", QStringLiteral("idle: connections."), QString::number(defaults.idleConnections));
    const auto messages = option(
        "messages", QStringLiteral("history: messages in the room."), QString::number(defaults.historyMessages));
    const auto queries = option(
        "queries", QStringLiteral("history: queries per run and kind."), QString::number(defaults.historyQueries));
    const auto storm = option(
        "storm", QStringLiteral("login: connections logging in and out."), QString::number(defaults.stormConnections));
    const auto transfers = option("transfers", QStringLiteral("files: connections moving files during the chat."),
        QString::number(defaults.transferConnections));
    const QCommandLineOption store(QStringLiteral("store"),
        QStringLiteral("dm, rate, group: sqlite (default) or postgres (a throwaway PostgreSQL, fsync on)."),
        QStringLiteral("driver"), QStringLiteral("sqlite"));
    parser.addOption(store);
    const auto nodes = option("nodes",
        QStringLiteral("dm, rate, group: chat-server nodes; more than 1 is a cluster over PostgreSQL and Redis, "
                       "the users of a pair on different nodes."),
        QStringLiteral("1"));
    const QCommandLineOption noCeiling(QStringLiteral("no-ceiling"), QStringLiteral("Measure chat-server only."));
    parser.addOption(noCeiling);
    const QCommandLineOption out(QStringLiteral("out"),
        QStringLiteral("Write the report to <path>.md and <path>.json."), QStringLiteral("path"));
    parser.addOption(out);
    parser.process(app);

    const QStringList positional = parser.positionalArguments();
    const QString workload = positional.value(0);
    if (positional.size() != 1 || (workload != QLatin1String("suite") && !workloads.count(workload))) {
        QTextStream(stderr)
            << "chat-bench: name one workload: dm, rate, group, idle, history, login, cluster or suite\n";
        return 2;
    }
    const QString storeName = parser.value(store);
    if (storeName != QLatin1String("sqlite") && storeName != QLatin1String("postgres")) {
        QTextStream(stderr) << "chat-bench: --store is sqlite or postgres, not " << storeName << "\n";
        return 2;
    }

    BenchOptions options;
    options.runs = std::max(1, parser.value(runs).toInt());
    options.measureMs = int(parser.value(seconds).toDouble() * 1000);
    options.warmupMs = int(parser.value(warmup).toDouble() * 1000);
    options.bodyBytes = parser.value(body).toInt();
    options.pairs = parser.value(pairs).toInt();
    options.pairSenders = std::clamp(parser.value(pairSenders).toInt(), 1, 2);
    options.window = parser.value(window).toInt();
    options.rate = parser.value(rate).toDouble();
    options.peak = parser.value(peak).toDouble();
    options.rateShares = toDoubles(parser.value(shares));
    options.groupSizes.clear();
    for (double size : toDoubles(parser.value(sizes)))
        options.groupSizes.append(int(size));
    options.groupConnections = parser.value(groupConnections).toInt();
    options.groupSenders = parser.value(groupSenders).toInt();
    options.idleConnections = parser.value(idle).toInt();
    options.historyMessages = parser.value(messages).toLongLong();
    options.historyQueries = parser.value(queries).toInt();
    options.stormConnections = parser.value(storm).toInt();
    options.transferConnections = std::max(1, parser.value(transfers).toInt());
    options.withCeiling = !parser.isSet(noCeiling);
    options.topology.nodes = std::max(1, parser.value(nodes).toInt());
    options.topology.postgres = storeName == QLatin1String("postgres") || options.topology.nodes > 1;

    Report report;
    for (const QString& name : workload == QLatin1String("suite") ? suite : QStringList { workload })
        workloads.at(name)(options, report);
    if (parser.isSet(out)) {
        if (!report.write(parser.value(out))) {
            QTextStream(stderr) << "chat-bench: cannot write " << parser.value(out) << ".md/.json\n";
            return 1;
        }
        QTextStream(stdout) << "report written to " << parser.value(out) << ".md and .json" << Qt::endl;
    }
    return 0;
}
