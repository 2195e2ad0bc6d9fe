#include "observability/Metrics.h"

#include <QTest>
#include <QThread>

#include <vector>

using namespace chat::server;

class MetricsTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void rendersPrometheusTextForAKnownSet()
    {
        Metrics metrics;
        Counter& messages = metrics.counter("chat_messages_total", QStringLiteral("Messages committed to the store."));
        Gauge& lag = metrics.gauge("chat_redis_lag_seconds", QStringLiteral("Round trip of the latest Redis PING."));
        metrics.gauge("chat_connections", QStringLiteral("Open WebSocket connections."), [] { return 42.0; });
        Histogram& commit = metrics.histogram("chat_commit_seconds",
            QStringLiteral("Time to commit one group of writes.\nIncludes fsync; a \\ stays."), { 0.25, 0.5, 1 });
        messages.increment();
        messages.increment(2);
        lag.set(0.25);
        lag.add(-0.125);
        commit.observe(0.125);
        commit.observe(0.25); // on a bound: counted in that bucket (le means <=)
        commit.observe(0.75);
        commit.observe(3);

        QCOMPARE(metrics.render(),
            QByteArray(
                "# HELP chat_messages_total Messages committed to the store.\n"
                "# TYPE chat_messages_total counter\n"
                "chat_messages_total 3\n"
                "# HELP chat_redis_lag_seconds Round trip of the latest Redis PING.\n"
                "# TYPE chat_redis_lag_seconds gauge\n"
                "chat_redis_lag_seconds 0.125\n"
                "# HELP chat_connections Open WebSocket connections.\n"
                "# TYPE chat_connections gauge\n"
                "chat_connections 42\n"
                "# HELP chat_commit_seconds Time to commit one group of writes.\\nIncludes fsync; a \\\\ stays.\n"
                "# TYPE chat_commit_seconds histogram\n"
                "chat_commit_seconds_bucket{le=\"0.25\"} 2\n"
                "chat_commit_seconds_bucket{le=\"0.5\"} 2\n"
                "chat_commit_seconds_bucket{le=\"1\"} 3\n"
                "chat_commit_seconds_bucket{le=\"+Inf\"} 4\n"
                "chat_commit_seconds_sum 4.125\n"
                "chat_commit_seconds_count 4\n"));
    }

    void countersReadWhenRenderedAreTypedAsCounters()
    {
        Metrics metrics;
        double commits = 7;
        metrics.counter("chat_store_batches_committed_total", QStringLiteral("Group commits."), [&commits] { return commits; });
        QCOMPARE(metrics.render(),
            QByteArray("# HELP chat_store_batches_committed_total Group commits.\n"
                       "# TYPE chat_store_batches_committed_total counter\n"
                       "chat_store_batches_committed_total 7\n"));
        commits = 9;
        QVERIFY(metrics.render().endsWith("chat_store_batches_committed_total 9\n"));
    }

    void emptyMetricsRenderNothing() { QCOMPARE(Metrics().render(), QByteArray()); }

    void namesFollowPrometheusRules_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("snake case") << QByteArray("chat_messages_total") << true;
        QTest::newRow("colon") << QByteArray("chat:rate") << true;
        QTest::newRow("leading digit") << QByteArray("1chat") << false;
        QTest::newRow("dash") << QByteArray("chat-messages") << false;
        QTest::newRow("empty") << QByteArray() << false;
    }
    void namesFollowPrometheusRules()
    {
        QFETCH(QByteArray, name);
        QTEST(Metrics::isValidName(name), "valid");
    }

    void updatesFromManyThreadsAreAllCounted()
    {
        Metrics metrics;
        Counter& counter = metrics.counter("chat_test_total", QStringLiteral("Test."));
        Gauge& gauge = metrics.gauge("chat_test_gauge", QStringLiteral("Test."));
        Histogram& histogram = metrics.histogram("chat_test_seconds", QStringLiteral("Test."), { 1.0 });
        constexpr int Threads = 4;
        constexpr int Each = 20000;
        std::vector<std::unique_ptr<QThread>> threads;
        for (int t = 0; t < Threads; ++t) {
            threads.emplace_back(QThread::create([&] {
                for (int i = 0; i < Each; ++i) {
                    counter.increment();
                    gauge.add(1);
                    histogram.observe(0.5);
                }
            }));
            threads.back()->start();
        }
        for (auto& thread : threads)
            QVERIFY(thread->wait(30000));
        QCOMPARE(counter.value(), quint64(Threads * Each));
        QCOMPARE(gauge.value(), double(Threads * Each));
        QCOMPARE(histogram.bucketCounts(), QList<quint64>({ quint64(Threads * Each), 0 }));
        QCOMPARE(histogram.sum(), 0.5 * Threads * Each);
    }
};

QTEST_GUILESS_MAIN(MetricsTest)
#include "tst_metrics.moc"
