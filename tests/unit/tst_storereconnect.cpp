#include "PostgresProcess.h"
#include "StoreTestDatabase.h"
#include "store/Store.h"
#include "store/StoreThread.h"

#include <QElapsedTimer>
#include <QTest>

#include <memory>
#include <optional>

using namespace chat;
using namespace chat::server;

namespace {
constexpr qint64 Now = 1700000000000;
constexpr int AnswerDeadlineMs = 15000;
constexpr int ResumeDeadlineMs = 30000; // the backoff tops out at 5 s; a crashed server first recovers
} // namespace

// The store on a real PostgreSQL that goes away and comes back: jobs fail meanwhile (clients get
// `unavailable`), nothing acknowledged is lost, and service resumes without restarting anything.
class StoreReconnectTest : public QObject {
    Q_OBJECT
private:
    PostgresProcess m_postgres;
    DatabaseConfig m_config;
    std::unique_ptr<Store> m_store;
    qint64 m_alice = 0;
    qint64 m_roomId = 0;
    int m_sent = 0;

    std::optional<StoreDb::Result<AppendOutcome>> send()
    {
        std::optional<StoreDb::Result<AppendOutcome>> answer;
        const QString clientId = QStringLiteral("c%1").arg(++m_sent);
        const qint64 roomId = m_roomId;
        const qint64 alice = m_alice;
        m_store->write<AppendOutcome>(
            [=](StoreDb& db) { return db.appendMessage(roomId, alice, QStringLiteral("hello"), clientId, Now); }, this,
            [&answer](StoreDb::Result<AppendOutcome> result) { answer = result; });
        (void)QTest::qWaitFor([&answer] { return answer.has_value(); }, AnswerDeadlineMs);
        return answer;
    }

    std::optional<StoreDb::Result<HistoryPage>> history()
    {
        std::optional<StoreDb::Result<HistoryPage>> answer;
        const HistoryQuery query { m_roomId, 0, -1, 1000 };
        m_store->read<HistoryPage>([query](StoreDb& db) { return db.history(query); }, this,
            [&answer](StoreDb::Result<HistoryPage> result) { answer = result; });
        (void)QTest::qWaitFor([&answer] { return answer.has_value(); }, AnswerDeadlineMs);
        return answer;
    }

    // Sends until a send is acknowledged; returns the acknowledged messages (at most one).
    QList<Message> sendUntilAcknowledged(int deadlineMs)
    {
        QList<Message> acked;
        (void)QTest::qWaitFor(
            [&] {
                auto answer = send();
                if (answer && answer->ok())
                    acked.append((*answer)->message);
                return !acked.isEmpty();
            },
            deadlineMs);
        return acked;
    }

    int chatServerBackends()
    {
        return StoreTestDatabase::adminValue(
            m_config, QStringLiteral("SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = 'chat-server'"))
            .toInt();
    }

    // As when a firewall or a DBA cuts the store's connections while the server itself stays up.
    int terminateChatServerBackends()
    {
        return StoreTestDatabase::adminValue(m_config,
            QStringLiteral("SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity "
                           "WHERE application_name = 'chat-server'"))
            .toInt();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_postgres.initialize(), qPrintable(m_postgres.errorString())); }

    void init()
    {
        if (!m_postgres.isRunning())
            QVERIFY2(m_postgres.start(), qPrintable(m_postgres.errorString()));
        m_config = StoreTestDatabase::configFor(m_postgres);
        StoreTestDatabase::reset(m_config);
        m_store = std::make_unique<Store>(m_config);
        auto started = m_store->start();
        QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().message));
        auto db = StoreDb::open(m_config, QStringLiteral("tst-reconnect-setup"));
        QVERIFY(db.ok());
        m_alice = (*db)->createUser(QStringLiteral("alice"), QStringLiteral("hash"), Now)->id;
        m_roomId = (*db)->createGroupRoom(QStringLiteral("general"), m_alice, Now)->id;
    }

    void cleanup() { m_store.reset(); }

    void serviceResumesByItselfWhenTheDatabaseReturns_data()
    {
        QTest::addColumn<bool>("crash");
        QTest::newRow("fast shutdown") << false;
        QTest::newRow("postmaster killed") << true;
    }
    void serviceResumesByItselfWhenTheDatabaseReturns()
    {
        QFETCH(bool, crash);
        QList<Message> acked;
        for (int i = 0; i < 20; ++i) {
            auto answer = send();
            QVERIFY(answer && answer->ok());
            acked.append((*answer)->message);
        }

        QVERIFY2(crash ? m_postgres.kill() : m_postgres.stop(), qPrintable(m_postgres.errorString()));
        QElapsedTimer outage;
        outage.start();
        constexpr int SendsDuringOutage = 50;
        for (int i = 0; i < SendsDuringOutage; ++i) {
            auto answer = send();
            QVERIFY2(answer.has_value(), "a send during the outage got no answer");
            QVERIFY(!answer->ok());
            QCOMPARE(answer->error().kind, StoreError::Kind::Failure); // what clients see as `unavailable`
        }
        auto page = history();
        QVERIFY2(page.has_value(), "a read during the outage got no answer");
        QVERIFY(!page->ok());
        QVERIFY(!m_store->isAvailable());
        // No reconnect storm: each of the two threads tries at most once per first backoff step, not per job.
        const qint64 attempts = m_store->reconnectAttempts();
        const qint64 bound = 2 * (1 + outage.elapsed() / StoreThread::ReconnectFirstDelayMs);
        qInfo("%d failed jobs in %lld ms made %lld reconnect attempts", SendsDuringOutage + 1, outage.elapsed(),
            attempts);
        QVERIFY2(attempts <= bound, qPrintable(QStringLiteral("%1 attempts > %2").arg(attempts).arg(bound)));

        QVERIFY2(m_postgres.start(), qPrintable(m_postgres.errorString()));
        QElapsedTimer resume;
        resume.start();
        const QList<Message> first = sendUntilAcknowledged(ResumeDeadlineMs);
        QCOMPARE(first.size(), 1);
        qInfo("service resumed %lld ms after PostgreSQL accepted connections again", resume.elapsed());
        acked += first;
        for (int i = 0; i < 20; ++i) {
            auto answer = send();
            QVERIFY(answer && answer->ok());
            acked.append((*answer)->message);
        }

        (void)QTest::qWaitFor( // the reader may have been between two attempts
            [&] {
                page = history();
                return page && page->ok();
            },
            ResumeDeadlineMs);
        QVERIFY(page && page->ok());
        QTRY_VERIFY_WITH_TIMEOUT(m_store->isAvailable(), ResumeDeadlineMs);
        const QList<Message>& stored = (*page)->messages;
        QCOMPARE(stored.size(), acked.size()); // every acknowledged message, and nothing that failed
        for (int i = 0; i < stored.size(); ++i) {
            QCOMPARE(stored.at(i), acked.at(i));
            QCOMPARE(stored.at(i).seq, i + 1); // dense: failed sends left no gap
        }
    }

    void aDroppedConnectionIsReplacedWithoutFailingJobs()
    {
        QVERIFY(m_store->isAvailable());
        auto before = send();
        QVERIFY(before && before->ok());
        QVERIFY(history().value().ok()); // the reader's connection is open too
        QCOMPARE(terminateChatServerBackends(), 2); // the writer's and the reader's
        QTRY_COMPARE(chatServerBackends(), 0);

        // Both connections are dead; the first job on each notices, reconnects at once and runs.
        auto after = send();
        QVERIFY(after.has_value());
        QVERIFY2(after->ok(), after->ok() ? "" : qPrintable(after->error().message));
        QCOMPARE((*after)->message.seq, 2);
        auto page = history();
        QVERIFY(page.has_value());
        QVERIFY2(page->ok(), page->ok() ? "" : qPrintable(page->error().message));
        QCOMPARE((*page)->messages.size(), 2);
    }
};

QTEST_GUILESS_MAIN(StoreReconnectTest)
#include "tst_storereconnect.moc"
