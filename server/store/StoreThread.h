#pragma once

#include "Expected.h"
#include "GroupCommit.h"
#include "StoreJob.h"
#include "StoreTypes.h"
#include "config/ServerConfig.h"

#include <QString>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>

class QThread;

namespace chat::server {

class StoreDb;

// A thread that owns one StoreDb connection (opened and closed on that thread) and runs queued jobs.
// A writer drains up to groupCommitMaxBatch jobs into one transaction (GroupCommit) and calls their
// done() only after the commit; a reader runs jobs one by one, in order, without a transaction.
// done(failure) means the job's result does not stand: its batch did not commit, or the job never ran.
// When the connection is lost (the database stopped or restarted) the thread reconnects by itself: at
// most once per ReconnectFirstDelayMs, and while idle with a backoff up to ReconnectMaxDelayMs. Jobs
// fail at once meanwhile instead of waiting (callers answer `unavailable`).
class StoreThread {
public:
    enum class Mode { Writer, Reader };
    using Prepare = std::function<Expected<bool, StoreError>(StoreDb&)>;

    StoreThread(const DatabaseConfig& config, Mode mode, const QString& name);
    ~StoreThread(); // stops
    StoreThread(const StoreThread&) = delete;
    StoreThread& operator=(const StoreThread&) = delete;

    // Starts the thread, opens its connection and runs `prepare` there; blocks until that is done.
    Expected<bool, StoreError> start(Prepare prepare = {});
    // False when the thread is not running (never started, failed, or stopped): the job was not queued.
    bool enqueue(StoreJob job);
    // Runs every job queued so far, closes the connection and joins the thread.
    void stop();
    // Called on the writer thread after each commit with its duration; set before start().
    using CommitObserver = std::function<void(qint64 nanoseconds, int writes)>;
    void setCommitObserver(CommitObserver observer) { m_commitObserver = std::move(observer); }

    qint64 committedBatches() const { return m_committedBatches.load(); }
    qint64 committedWrites() const { return m_committedWrites.load(); }
    qint64 reconnectAttempts() const { return m_reconnectAttempts.load(); }
    // Running with a connection that worked the last time it was used.
    bool isConnected() const { return m_connected.load(); }

    static constexpr int ReconnectFirstDelayMs = 200;
    static constexpr int ReconnectMaxDelayMs = 5000;

private:
    void runThread(const Prepare& prepare);
    bool waitForBatch(QList<StoreJob>& batch);
    // False when the connection was found lost (the batch's jobs are answered either way).
    bool runBatch(StoreDb& db, const QList<StoreJob>& batch);
    bool runWrites(StoreDb& db, const QList<StoreJob>& batch);
    bool runReads(StoreDb& db, const QList<StoreJob>& batch);
    void noteStorageFull(const GroupCommit::Outcome& outcome); // logs when the disk fills and frees
    bool reconnect(StoreDb& db); // false: stop was asked before the database came back
    // Waits for the next reconnect attempt: until `deadline`, or from `earliest` on as soon as a job is
    // queued, so that traffic brings the database back sooner than the idle backoff would. Jobs queued
    // before `earliest` fail at once. False: stop was asked.
    bool waitToReconnect(
        std::chrono::steady_clock::time_point deadline, std::chrono::steady_clock::time_point earliest);

    const DatabaseConfig m_config;
    const Mode m_mode;
    const QString m_name;
    std::unique_ptr<QThread> m_thread;

    // std:: rather than QMutex so that ThreadSanitizer, which cannot see into Qt's futex code, checks it.
    std::mutex m_mutex;
    std::condition_variable m_wake; // jobs queued, stop asked, or the connection opened
    std::deque<StoreJob> m_queue;
    bool m_accepting = false;
    bool m_stopping = false;
    std::optional<Expected<bool, StoreError>> m_startResult;

    std::atomic<qint64> m_committedBatches { 0 };
    std::atomic<qint64> m_committedWrites { 0 };
    CommitObserver m_commitObserver;
    std::atomic<qint64> m_reconnectAttempts { 0 };
    std::atomic<bool> m_connected { false };
    bool m_storageFull = false; // the writer's last failure was a full disk; only its thread uses it
};

} // namespace chat::server
