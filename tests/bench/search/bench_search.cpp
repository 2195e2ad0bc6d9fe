// Workload: one SQLite database (WAL, synchronous=FULL) of --messages messages (default 1,000,000) from
// SearchCorpus (English, Chinese, Japanese, Korean, German/French, emoji) in --rooms group rooms (default 200)
// whose sizes fall off as 1/rank, seeded through StoreDb::importMessages, which indexes each message as a send
// does. One user is a member of 20 rooms: the 5 largest and 15 others. For each query (frequent and rare words,
// substrings, CJK, emoji, accents, a phrase, no match) it times --queries StoreDb::searchMessages calls of 20
// results after 5 untimed ones: over all of the user's rooms, in the largest room, and in one small room.
// Prints p50/p99/max in ms with the matches of the first page, then the index's size. No thresholds.
#include "SearchCorpus.h"
#include "store/StoreDb.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace chat;
using namespace chat::server;

namespace {

constexpr qint64 SeedChunk = 50000;
constexpr int WarmUpQueries = 5;
constexpr int SearcherRooms = 20;

[[noreturn]] void fail(const char* what, const StoreError& error)
{
    std::fprintf(stderr, "%s: %s\n", what, qPrintable(error.message));
    std::exit(1);
}

double percentile(const std::vector<double>& sorted, double q)
{
    return sorted[std::min(sorted.size() - 1, size_t(q * double(sorted.size())))];
}

struct Scope {
    const char* name;
    qint64 roomId; // 0: every room of the user
};

void measure(StoreDb& db, qint64 userId, const QString& text, const Scope& scope, int queries)
{
    SearchRequest request;
    request.userId = userId;
    request.roomId = scope.roomId;
    request.query = search::parseQuery(text);
    SearchPage first;
    for (int i = 0; i < WarmUpQueries; ++i) {
        auto page = db.searchMessages(request);
        if (!page)
            fail("search failed", page.error());
        first = *page;
    }
    std::vector<double> ms;
    ms.reserve(queries);
    QElapsedTimer timer;
    for (int i = 0; i < queries; ++i) {
        timer.start();
        auto page = db.searchMessages(request);
        ms.push_back(double(timer.nsecsElapsed()) / 1e6);
        if (!page)
            fail("search failed", page.error());
    }
    std::sort(ms.begin(), ms.end());
    std::printf("%-18s %-8s p50_ms=%7.2f p99_ms=%7.2f max_ms=%7.2f results=%2lld%s rows_read=%lld\n",
        qPrintable(QStringLiteral("\"%1\"").arg(text)), scope.name, percentile(ms, 0.5), percentile(ms, 0.99),
        ms.back(), static_cast<long long>(first.hits.size()), first.hasMore ? "+" : " ",
        static_cast<long long>(first.rowsRead));
    std::fflush(stdout);
}

qint64 scalar(StoreDb& db, const QString& sql)
{
    QSqlQuery query(db.connection());
    return query.exec(sql) && query.next() ? query.value(0).toLongLong() : -1;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("messages.search latency and index size on a large database"));
    parser.addHelpOption();
    const QCommandLineOption messagesOption(
        QStringLiteral("messages"), QStringLiteral("Messages in all."), QStringLiteral("n"), QStringLiteral("1000000"));
    const QCommandLineOption roomsOption(
        QStringLiteral("rooms"), QStringLiteral("Group rooms."), QStringLiteral("n"), QStringLiteral("200"));
    const QCommandLineOption queriesOption(QStringLiteral("queries"),
        QStringLiteral("Timed queries per query and scope."), QStringLiteral("n"), QStringLiteral("100"));
    const QCommandLineOption dirOption(QStringLiteral("dir"),
        QStringLiteral("Folder for the database (default: a temporary folder, removed at exit)."),
        QStringLiteral("path"));
    parser.addOptions({ messagesOption, roomsOption, queriesOption, dirOption });
    parser.process(app);
    const qint64 messages = std::max<qint64>(1000, parser.value(messagesOption).toLongLong());
    const int roomCount = std::max(SearcherRooms + 2, parser.value(roomsOption).toInt());
    const int queries = std::max(1, parser.value(queriesOption).toInt());

    QTemporaryDir temporary;
    const QString folder = parser.isSet(dirOption) ? parser.value(dirOption) : temporary.path();
    DatabaseConfig config;
    config.path = folder + QStringLiteral("/bench-search.sqlite3");
    for (const QString& suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") })
        QFile::remove(config.path + suffix);
    auto opened = StoreDb::open(config, QStringLiteral("bench-search"));
    if (!opened)
        fail("cannot open the database", opened.error());
    StoreDb& db = **opened;
    if (auto migrated = db.migrate(); !migrated)
        fail("cannot migrate", migrated.error());

    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    auto owner = db.createUser(QStringLiteral("owner"), QStringLiteral("not-a-real-hash"), now);
    auto searcher = db.createUser(QStringLiteral("searcher"), QStringLiteral("not-a-real-hash"), now);
    if (!owner || !searcher)
        fail("cannot create the users", owner ? searcher.error() : owner.error());
    QList<qint64> rooms;
    double weights = 0;
    for (int r = 0; r < roomCount; ++r) {
        auto room = db.createGroupRoom(QStringLiteral("room-%1").arg(r), owner->id, now);
        if (!room)
            fail("cannot create a room", room.error());
        rooms.append(room->id);
        weights += 1.0 / (r + 1);
        // The 5 largest rooms and every 12th after them: 20 in all.
        const bool member = r < 5 || (r >= 5 && (r - 5) % 12 == 0 && (r - 5) / 12 < SearcherRooms - 5);
        if (member && !db.addMember(room->id, searcher->id, now))
            fail("cannot add the searcher", StoreError::failure(QStringLiteral("addMember")));
    }

    SearchCorpus corpus(7447);
    QElapsedTimer seeding;
    seeding.start();
    qint64 firstTs = now - messages * 1000;
    for (qint64 done = 0; done < messages; done += SeedChunk) {
        const qint64 chunk = std::min(SeedChunk, messages - done);
        if (auto begun = db.begin(); !begun)
            fail("cannot begin", begun.error());
        qint64 given = 0;
        for (int r = 0; r < roomCount && given < chunk; ++r) {
            qint64 share = r == roomCount - 1 ? chunk - given : qint64(double(chunk) / (r + 1) / weights + 0.5);
            share = std::min(share, chunk - given);
            QStringList bodies;
            bodies.reserve(share);
            for (qint64 i = 0; i < share; ++i)
                bodies.append(corpus.nextBody());
            if (auto imported = db.importMessages(rooms.at(r), owner->id, bodies, firstTs); !imported)
                fail("cannot import", imported.error());
            firstTs += share * 1000;
            given += share;
        }
        if (auto committed = db.commit(); !committed)
            fail("cannot commit", committed.error());
    }
    const qint64 seedMs = seeding.elapsed();
    std::printf("seeded messages=%lld rooms=%d in ms=%lld (%.0f messages/s)\n", static_cast<long long>(messages),
        roomCount, static_cast<long long>(seedMs), seedMs > 0 ? double(messages) * 1000.0 / double(seedMs) : 0.0);
    // Indexed as the server's SearchIndexer indexes what is sent: by id, in transactions of 2,000.
    QElapsedTimer indexing;
    indexing.start();
    for (int indexed = -1; indexed != 0;) {
        if (auto begun = db.begin(); !begun)
            fail("cannot begin", begun.error());
        auto step = db.indexNewMessages(2000);
        if (!step)
            fail("cannot index", step.error());
        if (auto committed = db.commit(); !committed)
            fail("cannot commit", committed.error());
        indexed = *step;
    }
    const qint64 indexMs = indexing.elapsed();
    std::printf("indexed in ms=%lld (%.1f us a message)\n", static_cast<long long>(indexMs),
        double(indexMs) * 1000.0 / double(messages));
    const qint64 searcherMessages = scalar(db,
        QStringLiteral("SELECT SUM(r.last_seq) FROM rooms r JOIN room_members m ON m.room_id = r.id "
                       "WHERE m.user_id = %1")
            .arg(searcher->id));
    const qint64 smallRoom = rooms.at(5 + 12 * (SearcherRooms - 6));
    std::printf("searcher: member of %d rooms holding %lld messages; largest room %lld messages, small room %lld\n",
        SearcherRooms, static_cast<long long>(searcherMessages),
        static_cast<long long>(scalar(db, QStringLiteral("SELECT last_seq FROM rooms WHERE id = %1").arg(rooms.at(0)))),
        static_cast<long long>(scalar(db, QStringLiteral("SELECT last_seq FROM rooms WHERE id = %1").arg(smallRoom))));
    std::fflush(stdout);

    const Scope scopes[] = { { "global", 0 }, { "largest", rooms.at(0) }, { "small", smallRoom } };
    const QStringList texts { QStringLiteral("the"), QStringLiteral("deploy"), QStringLiteral("zebracorn"),
        QStringLiteral("ploy"), QStringLiteral("abase"), QStringLiteral("deploye"), QStringLiteral("pull request"),
        QStringLiteral("10.0.3"), QStringLiteral("北京"), QStringLiteral("会议"), QStringLiteral("麒麟児"),
        QStringLiteral("ラーメン"), QStringLiteral("회의"), QStringLiteral("🚀"), QStringLiteral("qqxzv") };
    for (const QString& text : texts) {
        for (const Scope& scope : scopes)
            measure(db, searcher->id, text, scope, queries);
    }

    // Once more over every room after one merge of the whole index, as the migration's build and db reindex leave
    // it (the housekeeping's merge steps approach it over time).
    {
        QSqlQuery optimize(db.connection());
        QElapsedTimer merging;
        merging.start();
        if (!optimize.exec(QStringLiteral("INSERT INTO message_search (message_search) VALUES ('optimize')")))
            fail("cannot optimize", StoreError::failure(optimize.lastError().text()));
        std::printf("merged into one segment in ms=%lld\n", static_cast<long long>(merging.elapsed()));
        for (const QString& text : texts)
            measure(db, searcher->id, text, Scope { "merged", 0 }, queries);
    }

    const qint64 fileBytes = QFileInfo(config.path).size();
    const qint64 indexBytes
        = scalar(db, QStringLiteral("SELECT SUM(pgsize) FROM dbstat WHERE name LIKE 'message\\_search%' ESCAPE '\\'"));
    const qint64 messageBytes = scalar(db,
        QStringLiteral("SELECT SUM(pgsize) FROM dbstat WHERE name IN ('messages', 'messages_by_room_seq', "
                       "'messages_by_sender_client', 'messages_by_room_change')"));
    std::printf("database bytes=%lld; search index bytes=%lld (%.0f MiB per million messages); messages and their "
                "indexes bytes=%lld\n",
        static_cast<long long>(fileBytes), static_cast<long long>(indexBytes),
        double(indexBytes) / 1048576.0 * 1e6 / double(messages), static_cast<long long>(messageBytes));
    return 0;
}
