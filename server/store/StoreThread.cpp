#include "StoreThread.h"

#include "GroupCommit.h"
#include "StoreDb.h"
#include "StoreLogging.h"

#include <QElapsedTimer>
#include <QThread>

#include <algorithm>

namespace chat::server {

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
    QList<StoreJob> batch;
    while (waitForBatch(batch))
        runBatch(db, batch);
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

void StoreThread::runBatch(StoreDb& db, const QList<StoreJob>& batch)
{
    if (m_mode == Mode::Reader) {
        for (const StoreJob& job : batch) {
            const bool ok = job.run(db);
            if (job.done)
                job.done(ok);
        }
        return;
    }
    QElapsedTimer timer;
    timer.start();
    const GroupCommit::Outcome outcome = GroupCommit::run(db, batch);
    if (outcome.committed) {
        m_committedBatches.fetch_add(1);
        m_committedWrites.fetch_add(outcome.succeededJobs);
        qCDebug(lcStore) << "committed" << batch.size() << "write jobs in" << timer.nsecsElapsed() / 1000 << "us";
    }
    for (const StoreJob& job : batch) {
        if (job.done)
            job.done(outcome.committed);
    }
}

} // namespace chat::server
