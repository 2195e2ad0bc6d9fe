#include "SearchIndexer.h"

#include "Store.h"
#include "StoreLogging.h"

namespace chat::server {

SearchIndexer::SearchIndexer(Store& store, QObject* parent)
    : QObject(parent)
    , m_store(store)
{
    connect(&m_timer, &QTimer::timeout, this, &SearchIndexer::indexIfWritten);
    connect(&m_mergeTimer, &QTimer::timeout, this, &SearchIndexer::mergeIfIndexed);
}

void SearchIndexer::start(int intervalMs, int batchSize)
{
    m_batchSize = batchSize;
    m_writesSeen = -1; // whatever an earlier run left queued
    m_timer.start(intervalMs);
    m_mergeTimer.start(MergeIntervalMs);
}

void SearchIndexer::stop()
{
    m_timer.stop();
    m_mergeTimer.stop();
}

void SearchIndexer::mergeIfIndexed()
{
    if (!m_indexedSinceMerge)
        return;
    m_indexedSinceMerge = false;
    m_store.write<bool>([](StoreDb& db) { return db.tidySearchIndex(); }, this,
        [](StoreDb::Result<bool> done) {
            if (!done)
                qCDebug(lcStore) << "search index: a merge step failed:" << done.error().message;
        });
}

void SearchIndexer::indexIfWritten()
{
    const qint64 writes = m_store.committedWrites();
    if (m_running || writes == m_writesSeen)
        return;
    m_running = true;
    const int batchSize = m_batchSize;
    m_store.write<int>([batchSize](StoreDb& db) { return db.indexNewMessages(batchSize); }, this,
        [this, writes](StoreDb::Result<int> done) {
            m_running = false;
            if (!done) {
                qCDebug(lcStore) << "search index: new messages wait for the next try:" << done.error().message;
                return; // tried again on the next tick
            }
            // Found empty: nothing to do until the next write (this job's own commit is one). A full batch: more.
            if (*done == 0)
                m_writesSeen = writes + 1;
            else {
                m_indexedSinceMerge = true;
                Q_EMIT indexed(*done);
            }
        });
}

} // namespace chat::server
