#include "Store.h"

#include "OpenFailure.h"
#include "StoreLogging.h"
#include "StoreThread.h"

#include <QMetaObject>

namespace chat::server {

Store::Store(const DatabaseConfig& config, QObject* parent)
    : QObject(parent)
    , m_config(config)
{
}

Store::~Store()
{
    stop();
}

StoreError Store::explained(const StoreError& error) const
{
    StoreError explained = error;
    explained.message = explainOpenFailure(m_config, error);
    return explained;
}

Store::Result<bool> Store::start()
{
    if (m_writer || m_reader)
        return StoreError::failure(QStringLiteral("the store was already started"));
    auto writer
        = std::make_unique<StoreThread>(m_config, StoreThread::Mode::Writer, QStringLiteral("chat-store-writer"));
    writer->setCommitObserver(m_commitObserver);
    auto migrated = writer->start([](StoreDb& db) -> Expected<bool, StoreError> {
        auto version = db.migrate();
        if (!version)
            return version.error();
        qCInfo(lcStore) << "schema version" << *version;
        return true;
    });
    if (!migrated)
        return explained(migrated.error());
    auto reader
        = std::make_unique<StoreThread>(m_config, StoreThread::Mode::Reader, QStringLiteral("chat-store-reader"));
    if (auto opened = reader->start(); !opened)
        return explained(opened.error()); // the writer stops as it goes out of scope
    m_writer = std::move(writer);
    m_reader = std::move(reader);
    return true;
}

void Store::stop()
{
    // Stopping keeps the thread objects: later jobs are refused and the counters stay readable.
    if (m_writer)
        m_writer->stop();
    if (m_reader)
        m_reader->stop();
}

qint64 Store::committedBatches() const
{
    return m_writer ? m_writer->committedBatches() : 0;
}

qint64 Store::committedWrites() const
{
    return m_writer ? m_writer->committedWrites() : 0;
}

qint64 Store::reconnectAttempts() const
{
    return (m_writer ? m_writer->reconnectAttempts() : 0) + (m_reader ? m_reader->reconnectAttempts() : 0);
}

bool Store::isAvailable() const
{
    return m_writer && m_reader && m_writer->isConnected() && m_reader->isConnected();
}

void Store::deliver(QPointer<QObject> context, std::function<void()> call)
{
    bool first = false;
    {
        std::lock_guard lock(m_deliveryMutex);
        first = m_deliveries.empty();
        m_deliveries.push_back({ std::move(context), std::move(call) });
    }
    if (first)
        QMetaObject::invokeMethod(this, &Store::runDeliveries, Qt::QueuedConnection);
}

void Store::runDeliveries()
{
    std::vector<Delivery> due;
    {
        std::lock_guard lock(m_deliveryMutex);
        due.swap(m_deliveries);
    }
    for (const Delivery& delivery : due) {
        if (delivery.context)
            delivery.call();
    }
}

void Store::enqueue(StoreThread* thread, StoreJob job)
{
    if (thread && thread->enqueue(job))
        return;
    qCWarning(lcStore) << "a job arrived while the store is not running; it fails";
    if (job.done)
        job.done(StoreError::failure(QStringLiteral("the store is not running")));
}

} // namespace chat::server
