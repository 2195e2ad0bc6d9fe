#pragma once

#include "Expected.h"
#include "StoreDb.h"
#include "StoreTypes.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace chat::server {

class StoreThread;

// The asynchronous face of the store for the socket thread. Jobs run on the store's own threads,
// each with its own connection: one writer that commits every queued write job in one transaction
// (group commit) and answers only after the commit, and a reader for queries. Results come back to
// the caller's thread through `context`; if `context` is gone by then, the result is dropped.
class Store : public QObject {
    Q_OBJECT
public:
    template<typename T> using Result = Expected<T, StoreError>;
    template<typename T> using Job = std::function<Result<T>(StoreDb&)>;

    explicit Store(const DatabaseConfig& config, QObject* parent = nullptr);
    ~Store() override;

    // Opens both connections and migrates the schema; blocking, called once before serving.
    Result<bool> start();
    // Finishes every queued job (writes are committed) and stops the threads.
    void stop();

    template<typename T> void write(Job<T> job, QObject* context, std::function<void(Result<T>)> done)
    {
        auto result = std::make_shared<std::optional<Result<T>>>();
        enqueueWrite(
            [job = std::move(job), result](StoreDb& db) {
                result->emplace(job(db));
                return result->value().ok();
            },
            [this, result, context = QPointer<QObject>(context), done = std::move(done)](bool committed) {
                if (!committed)
                    result->emplace(StoreError::failure(QStringLiteral("The transaction could not be committed")));
                deliver(context, [done, result] { done(std::move(**result)); });
            });
    }

    template<typename T> void read(Job<T> job, QObject* context, std::function<void(Result<T>)> done)
    {
        enqueueRead(
            [this, job = std::move(job), context = QPointer<QObject>(context), done = std::move(done)](StoreDb& db) {
                auto result = std::make_shared<Result<T>>(job(db));
                deliver(context, [done, result] { done(std::move(*result)); });
            });
    }

    // Counters for metrics and benchmarks.
    qint64 committedBatches() const;
    qint64 committedWrites() const;

private:
    struct Delivery {
        QPointer<QObject> context;
        std::function<void()> call;
    };
    // Queues `call` for the Store's own (the caller's) thread, where `context` is checked before the call.
    // A batch of writes is answered with one posted event, not one per write.
    void deliver(QPointer<QObject> context, std::function<void()> call);
    void runDeliveries();
    void enqueueWrite(std::function<bool(StoreDb&)> run, std::function<void(bool committed)> done);
    void enqueueRead(std::function<void(StoreDb&)> run);

    DatabaseConfig m_config;
    std::unique_ptr<StoreThread> m_writer;
    std::unique_ptr<StoreThread> m_reader;
    std::mutex m_deliveryMutex;
    std::vector<Delivery> m_deliveries; // guarded by m_deliveryMutex
};

} // namespace chat::server
