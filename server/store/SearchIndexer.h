#pragma once

#include <QObject>
#include <QTimer>

namespace chat::server {

class Store;

// Indexes messages a moment after they are stored (where SqlDialect::indexesInline is false): every `intervalMs`,
// when something was written since, one write job indexes up to `batchSize` new messages. FTS5 indexes a large
// batch for about a quarter of the CPU that a message at a time costs, which keeps sends fast; until then a
// search reads those newest messages directly (StoreDbSearch.cpp), so a stored message is found at once.
class SearchIndexer : public QObject {
    Q_OBJECT
public:
    static constexpr int DefaultIntervalMs = 250;
    static constexpr int DefaultBatchSize = 2000;
    // A bounded step of merging the index's segments, when something was indexed since the last one: fewer
    // segments make a search over many rooms several times faster (docs/benchmarks.md, "Search").
    static constexpr int MergeIntervalMs = 10000;

    explicit SearchIndexer(Store& store, QObject* parent = nullptr);
    void start(int intervalMs = DefaultIntervalMs, int batchSize = DefaultBatchSize);
    void stop();

Q_SIGNALS:
    void indexed(int messages); // after each job that indexed some

private:
    void indexIfWritten();
    void mergeIfIndexed();

    Store& m_store;
    QTimer m_timer;
    QTimer m_mergeTimer;
    bool m_indexedSinceMerge = true; // a start may follow a build
    int m_batchSize = DefaultBatchSize;
    qint64 m_writesSeen = -1; // the store's committed writes when the queue was last found empty
    bool m_running = false; // a job is queued or running
};

} // namespace chat::server
