// Workload: one SQLite database (WAL, synchronous=FULL) with one group room holding --messages messages
// (default 1,000,000), seeded through StoreDb::importMessages in transactions of 50,000. Then, on the same
// connection and after 20 untimed warm-up queries each, --queries (default 1000) StoreDb::history calls of
// 50 messages for: the newest page, a page before a random seq, and a page after a random seq (gap fill).
// Prints p50/p90/p99/max latency in microseconds, the seeding time and the database size. No thresholds.
#include "store/StoreDb.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace chat::server;

namespace {

constexpr qint64 SeedChunk = 50000;
constexpr int PageSize = 50;
constexpr int WarmUpQueries = 20;

[[noreturn]] void fail(const char* what, const StoreError& error)
{
    std::fprintf(stderr, "%s: %s\n", what, qPrintable(error.message));
    std::exit(1);
}

void printLatencies(const char* name, std::vector<qint64> micros)
{
    std::sort(micros.begin(), micros.end());
    auto at = [&micros](double q) { return micros[std::min(micros.size() - 1, size_t(q * double(micros.size())))]; };
    std::printf("%-22s queries=%zu p50_us=%lld p90_us=%lld p99_us=%lld max_us=%lld\n", name, micros.size(),
        static_cast<long long>(at(0.50)), static_cast<long long>(at(0.90)), static_cast<long long>(at(0.99)),
        static_cast<long long>(micros.back()));
}

// Runs `query` (which gets a random number) and checks that each page is full and ascending.
void measure(const char* name, StoreDb& db, int queries, QRandomGenerator& random,
    const std::function<HistoryQuery(QRandomGenerator&)>& makeQuery)
{
    for (int i = 0; i < WarmUpQueries; ++i)
        db.history(makeQuery(random));
    std::vector<qint64> micros;
    micros.reserve(queries);
    QElapsedTimer timer;
    for (int i = 0; i < queries; ++i) {
        const HistoryQuery query = makeQuery(random);
        timer.start();
        auto page = db.history(query);
        const qint64 elapsed = timer.nsecsElapsed() / 1000;
        if (!page)
            fail("history failed", page.error());
        if (page->messages.size() != PageSize || page->messages.first().seq >= page->messages.last().seq) {
            std::fprintf(
                stderr, "%s: unexpected page of %lld messages\n", name, static_cast<long long>(page->messages.size()));
            std::exit(1);
        }
        micros.push_back(elapsed);
    }
    printLatencies(name, std::move(micros));
}

qint64 fileSize(const QString& path)
{
    return QFileInfo::exists(path) ? QFileInfo(path).size() : 0;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("History query latency of the message store on one large room"));
    parser.addHelpOption();
    const QCommandLineOption messagesOption(QStringLiteral("messages"), QStringLiteral("Messages in the room."),
        QStringLiteral("n"), QStringLiteral("1000000"));
    const QCommandLineOption queriesOption(QStringLiteral("queries"), QStringLiteral("Timed queries per kind."),
        QStringLiteral("n"), QStringLiteral("1000"));
    const QCommandLineOption dirOption(QStringLiteral("dir"),
        QStringLiteral("Folder for the database (default: a temporary folder, removed at exit)."),
        QStringLiteral("path"));
    parser.addOptions({ messagesOption, queriesOption, dirOption });
    parser.process(app);
    const qint64 messages = std::max<qint64>(PageSize * 2, parser.value(messagesOption).toLongLong());
    const int queries = std::max(1, parser.value(queriesOption).toInt());

    QTemporaryDir temporary;
    const QString folder = parser.isSet(dirOption) ? parser.value(dirOption) : temporary.path();
    DatabaseConfig config;
    config.path = folder + QStringLiteral("/bench-history.sqlite3");
    for (const QString& suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") })
        QFile::remove(config.path + suffix);

    auto opened = StoreDb::open(config, QStringLiteral("bench-history"));
    if (!opened)
        fail("cannot open the database", opened.error());
    StoreDb& db = **opened;
    if (auto migrated = db.migrate(); !migrated)
        fail("cannot migrate", migrated.error());
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    auto sender = db.createUser(QStringLiteral("bench"), QStringLiteral("not-a-real-hash"), now);
    if (!sender)
        fail("cannot create the user", sender.error());
    auto room = db.createGroupRoom(QStringLiteral("bench"), sender->id, now);
    if (!room)
        fail("cannot create the room", room.error());

    QElapsedTimer seeding;
    seeding.start();
    for (qint64 done = 0; done < messages; done += SeedChunk) {
        const qint64 count = std::min(SeedChunk, messages - done);
        QStringList bodies;
        bodies.reserve(count);
        for (qint64 i = 0; i < count; ++i)
            bodies.append(QStringLiteral("message %1: the quick brown fox jumps over the lazy dog").arg(done + i + 1));
        if (auto begun = db.begin(); !begun)
            fail("cannot begin", begun.error());
        if (auto imported = db.importMessages(room->id, sender->id, bodies, now - (messages - done) * 1000); !imported)
            fail("cannot import", imported.error());
        if (auto committed = db.commit(); !committed)
            fail("cannot commit", committed.error());
    }
    const qint64 seedMs = seeding.elapsed();
    std::printf("seeded messages=%lld in ms=%lld (%.0f messages/s)\n", static_cast<long long>(messages),
        static_cast<long long>(seedMs), seedMs > 0 ? double(messages) * 1000.0 / double(seedMs) : 0.0);
    std::printf("database bytes=%lld wal_bytes=%lld\n", static_cast<long long>(fileSize(config.path)),
        static_cast<long long>(fileSize(config.path + QStringLiteral("-wal"))));

    const qint64 roomId = room->id;
    QRandomGenerator random(7447); // fixed seed: the same pages on every run
    measure("newest_50", db, queries, random, [roomId](QRandomGenerator&) {
        return HistoryQuery { roomId, 0, -1, PageSize };
    });
    measure("before_random_50", db, queries, random, [roomId, messages](QRandomGenerator& r) {
        return HistoryQuery { roomId, PageSize + 1 + r.bounded(messages - PageSize), -1, PageSize };
    });
    measure("after_random_50", db, queries, random, [roomId, messages](QRandomGenerator& r) {
        return HistoryQuery { roomId, 0, r.bounded(messages - PageSize), PageSize };
    });
    return 0;
}
