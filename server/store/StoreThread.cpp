#include "StoreThread.h"

#include "GroupCommit.h"
#include "StoreDb.h"
#include "StoreLogging.h"

#include <QElapsedTimer>
#include <QThread>

#include <algorithm>

namespace chat::server {

namespace {

void answer(const StoreJob& job, const std::optional<StoreError>& failure)
{
    if (job.done)
        job.done(failure);
}

StoreError connectionLost()
{
    return StoreError::failure(QStringLiteral("the database connection is lost; reconnecting"));
}

} // namespace

StoreThread::StoreThread(const DatabaseConfig& config, Mode mode, const QString& name)
    : m_config(config)
    , m_mode(mode)
    , m_name(name)
{
}

StoreThread::~StoreThread()
{
    stop();
}

Expected<bool, StoreError> StoreThread::start(Prepare prepare)
{
    if (m_thread)
        return StoreError::failure(QStringLiteral("the store thread %1 was already started").arg(m_name));
    m_thread.reset(QThread::create([this, prepare = std::move(prepare)] { runThread(prepare); }));
    m_thread->setObjectName(m_name);
    m_thread->start();
    std::unique_lock lock(m_mutex);
    m_wake.wait(lock, [this] { return m_startResult.has_value(); });
    const Expected<bool, StoreError> result = *m_startResult;
    lock.unlock();
    if (!result.ok()) {
        m_thread->wait();
        m_thread.reset();
    }
    return result;
}

bool StoreThread::enqueue(StoreJob job)
{
    std::lock_guard lock(m_mutex);
    if (!m_accepting)
        return false;
    m_queue.push_back(std::move(job));
    m_wake.notify_all();
    return true;
}

void StoreThread::stop()
{
    if (!m_thread)
        return;
    {
        std::lock_guard lock(m_mutex);
        m_accepting = false;
        m_stopping = true;
        m_wake.notify_all();
    }
    m_thread->wait();
    m_thread.reset();
}

void StoreThread::runThread(const Prepare& prepare)
{
    auto opened = StoreDb::open(m_config, m_name);
    Expected<bool, StoreError> ready = opened.ok() ? Expected<bool, StoreError>(true) : opened.error();
    if (ready.ok() && prepare)
        ready = prepare(**opened);
    {
        std::lock_guard lock(m_mutex);
        m_accepting = ready.ok();
        m_startResult = ready;
        m_wake.notify_all();
    }
    if (!ready.ok())
        return; // the connection, if any, closes here, on its own thread
    StoreDb& db = **opened;
    m_connected = true;
    QList<StoreJob> batch;
    while (waitForBatch(batch)) {
        if (!runBatch(db, batch) && !reconnect(db))
            break;
    }
    m_connected = false;
    qCDebug(lcStore) << m_name << "stopped";
}

bool StoreThread::waitForBatch(QList<StoreJob>& batch)
{
    batch.clear();
    std::unique_lock lock(m_mutex);
    m_wake.wait(lock, [this] { return !m_queue.empty() || m_stopping; });
    if (m_queue.empty())
        return false; // stopping, and everything queued has run
    const qsizetype limit = m_mode == Mode::Writer ? std::max(1, m_config.groupCommitMaxBatch) : 64;
    while (!m_queue.empty() && batch.size() < limit) {
        batch.append(std::move(m_queue.front()));
        m_queue.pop_front();
    }
    return true;
}

bool StoreThread::runBatch(StoreDb& db, const QList<StoreJob>& batch)
{
    return m_mode == Mode::Reader ? runReads(db, batch) : runWrites(db, batch);
}

bool StoreThread::runReads(StoreDb& db, const QList<StoreJob>& batch)
{
    for (qsizetype i = 0; i < batch.size(); ++i) {
        const StoreJob& job = batch.at(i);
        // A read that fails on a connection the database dropped while idle (e.g. after its restart)
        // runs again on a new one; reads change nothing, so running one twice is safe.
        if (!job.run(db) && !db.ping()) {
            if (!db.reopen()) {
                for (qsizetype rest = i; rest < batch.size(); ++rest)
                    answer(batch.at(rest), connectionLost());
                return false;
            }
            job.run(db); // its result stands, whatever it is
        }
        answer(job, std::nullopt);
    }
    return true;
}

bool StoreThread::runWrites(StoreDb& db, const QList<StoreJob>& batch)
{
    QElapsedTimer timer;
    timer.start();
    GroupCommit::Outcome outcome = GroupCommit::run(db, batch);
    // Nothing ran when BEGIN itself failed, so on a connection that the database dropped while it was idle
    // the batch may run again on a new one. After any later failure it may not: a lost COMMIT may have
    // committed, so the batch is reported failed and clients retry by client_id.
    if (!outcome.begun && !db.ping() && db.reopen().ok())
        outcome = GroupCommit::run(db, batch);
    if (outcome.committed) {
        m_committedBatches.fetch_add(1);
        m_committedWrites.fetch_add(outcome.succeededJobs);
        const qint64 elapsed = timer.nsecsElapsed();
        if (m_commitObserver)
            m_commitObserver(elapsed, int(batch.size()));
        qCDebug(lcStore) << "committed" << batch.size() << "write jobs in" << elapsed / 1000 << "us";
    }
    noteStorageFull(outcome);
    const std::optional<StoreError> failure
        = outcome.committed ? std::nullopt : std::optional<StoreError>(outcome.failure.value_or(connectionLost()));
    for (const StoreJob& job : batch)
        answer(job, failure);
    return outcome.committed || db.ping();
}

void StoreThread::noteStorageFull(const GroupCommit::Outcome& outcome)
{
    // One line when the disk fills and one when writes commit again, not one per refused write.
    const bool full = !outcome.committed && outcome.failure && outcome.failure->kind == StoreError::Kind::StorageFull;
    if (full && !m_storageFull) {
        qCCritical(lcStore).noquote() << "the disk holding the database" << m_config.displayName()
                                      << "is full: changes (messages, sign-ins) are refused until space is freed";
    } else if (outcome.committed && m_storageFull) {
        qCInfo(lcStore).noquote() << "the database" << m_config.displayName()
                                  << "accepts changes again: disk space was freed";
    }
    if (full || outcome.committed)
        m_storageFull = full;
}

bool StoreThread::reconnect(StoreDb& db)
{
    m_connected = false;
    qCWarning(lcStore) << m_name << "lost its database connection; jobs fail until it is back";
    using Clock = std::chrono::steady_clock;
    const auto minimumGap = std::chrono::milliseconds(ReconnectFirstDelayMs);
    auto delay = minimumGap;
    auto lastAttempt = Clock::now(); // the failed job and ping just were one
    qint64 failedAttempts = 0;
    while (true) {
        if (!waitToReconnect(lastAttempt + delay, lastAttempt + minimumGap))
            return false;
        m_reconnectAttempts.fetch_add(1);
        lastAttempt = Clock::now();
        auto reopened = db.reopen();
        if (reopened) {
            m_connected = true;
            qCInfo(lcStore) << m_name << "reconnected to the database after" << failedAttempts << "failed attempts";
            return true;
        }
        // The first failure and then every tenth: a long outage must not flood the log.
        if (failedAttempts++ % 10 == 0)
            qCWarning(lcStore).noquote() << m_name << "cannot reconnect yet:" << reopened.error().message;
        delay = std::min(delay * 2, std::chrono::milliseconds(ReconnectMaxDelayMs));
    }
}

bool StoreThread::waitToReconnect(
    std::chrono::steady_clock::time_point deadline, std::chrono::steady_clock::time_point earliest)
{
    std::unique_lock lock(m_mutex);
    while (true) {
        m_wake.wait_until(lock, deadline, [this] { return !m_queue.empty() || m_stopping; });
        const auto now = std::chrono::steady_clock::now();
        if (!m_stopping && (now >= deadline || (!m_queue.empty() && now >= earliest)))
            return true; // queued jobs run if this attempt succeeds
        std::deque<StoreJob> due;
        due.swap(m_queue);
        const bool stopping = m_stopping;
        lock.unlock();
        for (const StoreJob& job : due)
            answer(job, stopping ? StoreError::failure(QStringLiteral("the store is stopping")) : connectionLost());
        if (stopping)
            return false;
        lock.lock();
    }
}

} // namespace chat::server
