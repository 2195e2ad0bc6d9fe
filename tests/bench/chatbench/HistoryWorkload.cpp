// history: a room of 1,000,000 messages (seeded through the store); round trips of messages.history for
// the newest page, random older pages and after= gap fills. The ceiling echoes a frame as large as a page.
#include "EventWait.h"
#include "Fleet.h"
#include "Params.h"
#include "Protocol.h"
#include "Workloads.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QRandomGenerator>

using namespace chat;

namespace {

constexpr int pageSize = 50;

double roundTripMs(const std::function<void(std::function<void()> answered)>& ask)
{
    QElapsedTimer timer;
    timer.start();
    bool done = false;
    ask([&done] { done = true; });
    if (!waitUntil([&done] { return done; }, 10000))
        qFatal("no answer within 10 s");
    return double(timer.nsecsElapsed()) / 1e6;
}

} // namespace

void runHistory(const BenchOptions& options, Report& report)
{
    Fleet product(LoadClient::Kind::Product);
    QElapsedTimer seeding;
    seeding.start();
    if (!product.start({ 1, 1, false, 0, options.historyMessages }))
        qFatal("chat-server did not start");
    const double seedSeconds = double(seeding.elapsed()) / 1000;
    if (!product.connectUsers(0, 1))
        qFatal("could not sign in");
    LoadClient* client = product.client(0);
    const qint64 roomId = product.roomId(0);
    const qint64 messages = options.historyMessages;
    qsizetype pageBytes = 0;

    auto history = [&](const params::History& query) {
        return roundTripMs([&](std::function<void()> answered) {
            client->call(
                protocol::method::MessagesHistory, query.toJson(), [&, answered](const jsonrpc::Message& reply) {
                    const auto rows = reply.result.value(protocol::key::Messages).toArray();
                    if (rows.size() != query.limit)
                        qFatal("history returned %lld rows", qlonglong(rows.size()));
                    pageBytes = std::max(pageBytes, jsonrpc::encodeResult(reply.id, reply.result).size());
                    answered();
                });
        });
    };
    auto* random = QRandomGenerator::global();
    const QString workload = QStringLiteral("history (%1 messages)").arg(messages);
    Figure newest { workload, QStringLiteral("newest 50, round trip p50"), QStringLiteral("ms") };
    Figure newestP99 { workload, QStringLiteral("newest 50, round trip p99"), QStringLiteral("ms") };
    Figure older { workload, QStringLiteral("random older page, round trip p50"), QStringLiteral("ms") };
    Figure olderP99 { workload, QStringLiteral("random older page, round trip p99"), QStringLiteral("ms") };
    Figure gap { workload, QStringLiteral("after= gap fill, round trip p50"), QStringLiteral("ms") };
    Figure gapP99 { workload, QStringLiteral("after= gap fill, round trip p99"), QStringLiteral("ms") };
    auto sample = [&](Figure& p50, Figure& p99, const std::function<params::History()>& makeQuery) {
        QList<double> samples;
        for (int i = 0; i < options.historyQueries; ++i)
            samples.append(history(makeQuery()));
        const Percentiles percentiles = Percentiles::of(samples);
        p50.product.append(percentiles.p50);
        p99.product.append(percentiles.p99);
    };
    for (int run = 0; run < options.runs; ++run) {
        sample(newest, newestP99, [&] { return params::History { roomId, {}, {}, pageSize }; });
        sample(older, olderP99, [&] {
            return params::History { roomId, random->bounded(qint64(pageSize * 2), messages), {}, pageSize };
        });
        sample(gap, gapP99, [&] {
            return params::History { roomId, {}, random->bounded(qint64(0), messages - pageSize * 2), pageSize };
        });
    }
    product.disconnectAll();

    if (options.withCeiling) {
        Fleet ceiling(LoadClient::Kind::Ceiling);
        if (!ceiling.start({ 0, 1, false, 1 }) || !ceiling.connectUsers(0, 1))
            qFatal("ceiling did not start");
        LoadClient* echo = ceiling.client(0);
        const QString page = LoadClient::chatBody(1, 0, int(pageBytes));
        std::function<void()> pending;
        echo->onChat = [&pending](int, qint64) { pending(); };
        for (int run = 0; run < options.runs; ++run) {
            QList<double> samples;
            for (int i = 0; i < options.historyQueries; ++i) {
                samples.append(roundTripMs([&](std::function<void()> answered) {
                    pending = std::move(answered);
                    echo->sendFrame(page);
                }));
            }
            const Percentiles percentiles = Percentiles::of(samples);
            for (Figure* figure : { &newest, &older, &gap })
                figure->ceiling.append(percentiles.p50);
            for (Figure* figure : { &newestP99, &olderP99, &gapP99 })
                figure->ceiling.append(percentiles.p99);
        }
    }
    newestP99.target = QStringLiteral("≤ 5 ms");
    newestP99.met = newestP99.productSpread().median <= 5;
    newest.note = QStringLiteral("seeded in %1 s through the store; a page is %2 bytes on the wire; the ceiling "
                                 "echoes a frame of that size (no storage, no JSON)")
                      .arg(seedSeconds, 0, 'f', 1)
                      .arg(pageBytes);
    for (const Figure* figure : { &newest, &newestP99, &older, &olderP99, &gap, &gapP99 })
        report.add(*figure);
}
