#include "StoreTestDatabase.h"
#include "store/Store.h"

#include <QSemaphore>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>

using namespace chat;
using namespace chat::server;

namespace {
constexpr qint64 Now = 1700000000000;
}

class StoreTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    int m_run = 0;
    DatabaseConfig m_config;
    std::unique_ptr<Store> m_store;
    qint64 m_alice = 0;
    qint64 m_roomId = 0;

    // Returns once the writer is busy with a job of its own batch that waits for `gate`, so that
    // the jobs queued meanwhile land together in the next batch.
    void holdTheWriter(QSemaphore& gate)
    {
        auto entered = std::make_shared<QSemaphore>();
        m_store->write<bool>(
            [&gate, entered](StoreDb&) -> StoreDb::Result<bool> {
                entered->release();
                gate.acquire();
                return true;
            },
            this, [](StoreDb::Result<bool>) {});
        entered->acquire();
    }

    void send(const QString& clientId, QObject* context, QList<StoreDb::Result<AppendOutcome>>& results)
    {
        const qint64 roomId = m_roomId;
        const qint64 alice = m_alice;
        m_store->write<AppendOutcome>(
            [=](StoreDb& db) { return db.appendMessage(roomId, alice, QStringLiteral("hello"), clientId, Now); },
            context, [&results](StoreDb::Result<AppendOutcome> outcome) { results.append(outcome); });
    }

    qint64 storedMessages()
    {
        auto db = StoreDb::open(m_config, QStringLiteral("tst-store-check"));
        return db ? (*db)->history({ m_roomId, 0, -1, 1000 })->messages.size() : -1;
    }

private Q_SLOTS:
    void init()
    {
        m_config = StoreTestDatabase::config(m_dir.filePath(QStringLiteral("chat-%1.sqlite3").arg(++m_run)));
        m_config.synchronousFull = true;
        StoreTestDatabase::reset(m_config);
        m_store = std::make_unique<Store>(m_config);
        auto started = m_store->start();
        QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().message));
        auto db = StoreDb::open(m_config, QStringLiteral("tst-store-setup"));
        QVERIFY(db.ok());
        m_alice = (*db)->createUser(QStringLiteral("alice"), QStringLiteral("hash"), Now)->id;
        m_roomId = (*db)->createGroupRoom(QStringLiteral("general"), m_alice, Now)->id;
    }

    void cleanup() { m_store.reset(); }

    void resultsArriveOnTheCallersThread()
    {
        QThread* writeThread = nullptr;
        QThread* readThread = nullptr;
        QThread* jobThread = nullptr;
        std::optional<StoreDb::Result<AppendOutcome>> sent;
        m_store->write<AppendOutcome>(
            [&](StoreDb& db) {
                jobThread = QThread::currentThread();
                return db.appendMessage(m_roomId, m_alice, QStringLiteral("hi"), QStringLiteral("c1"), Now);
            },
            this,
            [&](StoreDb::Result<AppendOutcome> outcome) {
                writeThread = QThread::currentThread();
                sent = outcome;
            });
        QTRY_VERIFY(sent.has_value());
        QVERIFY(sent->ok());
        QCOMPARE((*sent)->message.seq, 1);
        QCOMPARE(writeThread, QThread::currentThread());
        QVERIFY(jobThread != QThread::currentThread());

        std::optional<StoreDb::Result<HistoryPage>> page;
        const HistoryQuery query { m_roomId, 0, -1, 50 };
        m_store->read<HistoryPage>([query](StoreDb& db) { return db.history(query); }, this,
            [&](StoreDb::Result<HistoryPage> result) {
                readThread = QThread::currentThread();
                page = result;
            });
        QTRY_VERIFY(page.has_value());
        QCOMPARE(readThread, QThread::currentThread());
        QCOMPARE((*page)->messages.size(), 1);
        QCOMPARE((*page)->messages.first(), (*sent)->message);
    }

    void writesQueuedTogetherCommitInFewerBatchesThanJobs()
    {
        constexpr int Jobs = 200;
        QList<StoreDb::Result<AppendOutcome>> results;
        for (int i = 0; i < Jobs; ++i)
            send(QStringLiteral("c%1").arg(i), this, results);
        QTRY_COMPARE(results.size(), Jobs);
        QList<qint64> seqs;
        for (const auto& result : std::as_const(results)) {
            QVERIFY(result.ok());
            seqs.append(result->message.seq);
        }
        for (int i = 0; i < Jobs; ++i)
            QCOMPARE(seqs.at(i), i + 1); // dense, and in the order the jobs were queued
        QCOMPARE(m_store->committedWrites(), Jobs);
        QVERIFY2(m_store->committedBatches() < Jobs, qPrintable(QString::number(m_store->committedBatches())));
    }

    void aBatchLocksRoomsInAscendingOrderKeepingEachRoomsArrivalOrder()
    {
        // Two writers (two nodes on one PostgreSQL) that lock rooms in one order cannot deadlock on them.
        QSemaphore gate;
        holdTheWriter(gate);
        auto ran = std::make_shared<QList<QString>>(); // written on the writer thread, read after the answers
        int answered = 0;
        auto queue = [&](const QString& name, qint64 room) {
            m_store->write<bool>(
                [ran, name](StoreDb&) -> StoreDb::Result<bool> {
                    ran->append(name);
                    return true;
                },
                this, [&answered](StoreDb::Result<bool>) { ++answered; }, room);
        };
        queue(QStringLiteral("room3-a"), 3);
        queue(QStringLiteral("room1-a"), 1);
        queue(QStringLiteral("no room"), 0);
        queue(QStringLiteral("room3-b"), 3);
        queue(QStringLiteral("room2"), 2);
        queue(QStringLiteral("room1-b"), 1);
        gate.release();
        QTRY_COMPARE(answered, 6);
        QCOMPARE(*ran,
            QList<QString>({ QStringLiteral("no room"), QStringLiteral("room1-a"), QStringLiteral("room1-b"),
                QStringLiteral("room2"), QStringLiteral("room3-a"), QStringLiteral("room3-b") }));
    }

    void aFailingJobDoesNotLoseTheOthersInItsBatch()
    {
        QSemaphore gate;
        holdTheWriter(gate);
        QList<StoreDb::Result<AppendOutcome>> results;
        send(QStringLiteral("before"), this, results);
        std::optional<StoreDb::Result<UserRecord>> failed;
        m_store->write<UserRecord>(
            [](StoreDb& db) -> StoreDb::Result<UserRecord> {
                auto user = db.createUser(QStringLiteral("half-done"), QStringLiteral("hash"), Now);
                if (!user)
                    return user.error();
                return StoreError::failure(QStringLiteral("a later step failed"));
            },
            this, [&failed](StoreDb::Result<UserRecord> result) { failed = result; });
        send(QStringLiteral("after"), this, results);
        gate.release();

        QTRY_COMPARE(results.size(), 2);
        QTRY_VERIFY(failed.has_value());
        QVERIFY(!failed->ok());
        QCOMPARE(failed->error().message, QStringLiteral("a later step failed"));
        QVERIFY(results.at(0).ok() && results.at(1).ok());
        QCOMPARE(results.at(0)->message.seq, 1);
        QCOMPARE(results.at(1)->message.seq, 2);
        QCOMPARE(m_store->committedBatches(), 2); // the held job, then the three queued behind it
        QCOMPARE(storedMessages(), 2);

        std::optional<StoreDb::Result<std::optional<UserRecord>>> found;
        m_store->read<std::optional<UserRecord>>([](StoreDb& db) { return db.userByName(QStringLiteral("half-done")); },
            this, [&found](StoreDb::Result<std::optional<UserRecord>> result) { found = result; });
        QTRY_VERIFY(found.has_value());
        QVERIFY(found->ok());
        QVERIFY(!found->value().has_value()); // the failed job's own change was rolled back
    }

    void aJobWhoseStatementFailsDoesNotAbortTheBatch()
    {
        // On PostgreSQL a failed statement poisons the whole transaction unless its savepoint is rolled back.
        QSemaphore gate;
        holdTheWriter(gate);
        QList<StoreDb::Result<AppendOutcome>> results;
        send(QStringLiteral("before"), this, results);
        std::optional<StoreDb::Result<bool>> failed;
        const qint64 alice = m_alice;
        m_store->write<bool>(
            [alice](StoreDb& db) -> StoreDb::Result<bool> {
                const SessionRecord session { "same-token", alice, Now, Now + 1000 };
                if (auto first = db.createSession(session); !first)
                    return first;
                return db.createSession(session); // violates the primary key
            },
            this, [&failed](StoreDb::Result<bool> result) { failed = result; });
        send(QStringLiteral("after"), this, results);
        gate.release();

        QTRY_COMPARE(results.size(), 2);
        QTRY_VERIFY(failed.has_value());
        QVERIFY(!failed->ok());
        QCOMPARE(failed->error().kind, StoreError::Kind::Failure);
        QVERIFY(results.at(0).ok() && results.at(1).ok());
        QCOMPARE(results.at(1)->message.seq, 2);
        QCOMPARE(storedMessages(), 2);
    }

    void resultsForADeletedContextAreDropped()
    {
        QSemaphore gate;
        holdTheWriter(gate);
        auto context = std::make_unique<QObject>();
        QList<StoreDb::Result<AppendOutcome>> dropped;
        QList<StoreDb::Result<AppendOutcome>> delivered;
        send(QStringLiteral("gone"), context.get(), dropped);
        send(QStringLiteral("here"), this, delivered);
        context.reset();
        gate.release();
        QTRY_COMPARE(delivered.size(), 1);
        QVERIFY(dropped.isEmpty());
        QCOMPARE(storedMessages(), 2); // the write itself still happened
    }

    void stopCommitsEverythingQueued()
    {
        constexpr int Jobs = 100;
        QList<StoreDb::Result<AppendOutcome>> results;
        for (int i = 0; i < Jobs; ++i)
            send(QStringLiteral("c%1").arg(i), this, results);
        m_store->stop();
        QCOMPARE(m_store->committedWrites(), Jobs);
        QCOMPARE(storedMessages(), Jobs);
        QTRY_COMPARE(results.size(), Jobs); // acknowledgements still arrive through the event loop
    }

    void aWriteAfterStopFails()
    {
        m_store->stop();
        std::optional<StoreDb::Result<AppendOutcome>> outcome;
        m_store->write<AppendOutcome>(
            [](StoreDb& db) { return db.appendMessage(1, 1, QStringLiteral("late"), QStringLiteral("late"), Now); },
            this, [&outcome](StoreDb::Result<AppendOutcome> result) { outcome = result; });
        QTRY_VERIFY(outcome.has_value());
        QVERIFY(!outcome->ok());
        QCOMPARE(outcome->error().kind, StoreError::Kind::Failure);
    }

    void aReadAfterStopFails()
    {
        m_store->stop();
        std::optional<StoreDb::Result<HistoryPage>> page;
        const HistoryQuery query { m_roomId, 0, -1, 50 };
        m_store->read<HistoryPage>([query](StoreDb& db) { return db.history(query); }, this,
            [&page](StoreDb::Result<HistoryPage> result) { page = result; });
        QTRY_VERIFY(page.has_value()); // answered, not dropped: the request still gets its error
        QVERIFY(!page->ok());
        QCOMPARE(page->error().kind, StoreError::Kind::Failure);
    }

    void aReadOnAStoreNeverStartedFails()
    {
        Store idle(m_config);
        std::optional<StoreDb::Result<QList<UserRecord>>> users;
        idle.read<QList<UserRecord>>([](StoreDb& db) { return db.allUsers(); }, this,
            [&users](StoreDb::Result<QList<UserRecord>> result) { users = result; });
        QTRY_VERIFY(users.has_value());
        QVERIFY(!users->ok());
    }

    void startingOnAnUnusablePathFails()
    {
        DatabaseConfig config;
        config.path = QStringLiteral("/proc/no-such-folder/chat.sqlite3");
        Store store(config);
        auto started = store.start();
        QVERIFY(!started.ok());
        QVERIFY(!started.error().message.isEmpty());
    }
};

QTEST_GUILESS_MAIN(StoreTest)
#include "tst_store.moc"
