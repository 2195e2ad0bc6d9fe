#pragma once

#include "Expected.h"
#include "StoreDb.h"
#include "StoreJob.h"
#include "StoreTypes.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace chat::server {

class StoreThread;

// The asynchronous face of the store for the socket thread. Jobs run on the store's own threads,
// each with its own connection: one writer that commits every queued write job in one transaction
// (group commit) and answers only after the commit, and a reader for queries. Results come back to
// the caller's thread through `context`; if `context` is gone by then, the result is dropped.
// A lost database connection fails jobs (never acknowledging a write that did not commit) until the
// threads reconnect by themselves; nothing needs a restart.
class Store : public QObject {
    Q_OBJECT
public:
    template<typename T> using Result = Expected<T, StoreError>;
    template<typename T> using Job = std::function<Result<T>(StoreDb&)>;

    explicit Store(const DatabaseConfig& config, QObject* parent = nullptr);
    ~Store() override;

    // Opens both connections and migrates the schema; blocking, called once before serving. A failure's
    // message names the database and the cause (see explainOpenFailure).
    Result<bool> start();
    // Finishes every queued job (writes are committed, or fail if the database is unavailable) and stops
    // the threads.
    void stop();
    // Sees every group commit of the writer, on the writer's thread (e.g. a latency histogram); before start().
    void setCommitObserver(std::function<void(qint64 nanoseconds, int writes)> observer)
    {
        m_commitObserver = std::move(observer);
    }

    // Both answer through `done`, on the caller's thread, exactly once unless `context` is gone by then:
    // with the job's result, or with a Failure when the database is unavailable, the batch did not
    // commit, or the store is not running.
    // `lockOrder`: the room whose row the job locks, if any (see StoreJob::lockOrder).
    template<typename T>
    void write(Job<T> job, QObject* context, std::function<void(Result<T>)> done, qint64 lockOrder = 0)
    {
        StoreJob queued = makeJob(std::move(job), context, std::move(done));
        queued.lockOrder = lockOrder;
        enqueue(m_writer.get(), std::move(queued));
    }

    template<typename T> void read(Job<T> job, QObject* context, std::function<void(Result<T>)> done)
    {
        enqueue(m_reader.get(), makeJob(std::move(job), context, std::move(done)));
    }

    // Counters for metrics and benchmarks.
    qint64 committedBatches() const;
    qint64 committedWrites() const;
    qint64 reconnectAttempts() const; // both threads, since start
    // Both threads hold a working connection, as far as they know (for health checks).
    bool isAvailable() const;

private:
    struct Delivery {
        QPointer<QObject> context;
        std::function<void()> call;
    };
    // Queues `call` for the Store's own (the caller's) thread, where `context` is checked before the call.
    // A batch of writes is answered with one posted event, not one per write.
    void deliver(QPointer<QObject> context, std::function<void()> call);
    void runDeliveries();
    // Answers the job with a failure at once when `thread` is not running.
    void enqueue(StoreThread* thread, StoreJob job);
    StoreError explained(const StoreError& error) const;

    template<typename T> StoreJob makeJob(Job<T> job, QObject* context, std::function<void(Result<T>)> done)
    {
        auto result = std::make_shared<std::optional<Result<T>>>();
        return StoreJob {
            [job = std::move(job), result](StoreDb& db) {
                result->emplace(job(db));
                return result->value().ok();
            },
            [this, result, context = QPointer<QObject>(context), done = std::move(done)](
                const std::optional<StoreError>& failure) {
                if (failure)
                    result->emplace(*failure);
                deliver(context, [done, result] { done(std::move(**result)); });
            },
        };
    }

    DatabaseConfig m_config;
    std::function<void(qint64 nanoseconds, int writes)> m_commitObserver;
    std::unique_ptr<StoreThread> m_writer;
    std::unique_ptr<StoreThread> m_reader;
    std::mutex m_deliveryMutex;
    std::vector<Delivery> m_deliveries; // guarded by m_deliveryMutex
};

} // namespace chat::server
