#pragma once

#include <QByteArray>
#include <QList>
#include <QMutex>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

namespace chat::server {

// A count that only goes up. Safe to update from any thread.
class Counter {
public:
    void increment(quint64 by = 1) { m_value.fetch_add(by, std::memory_order_relaxed); }
    quint64 value() const { return m_value.load(std::memory_order_relaxed); }

private:
    std::atomic<quint64> m_value { 0 };
};

// A value that goes up and down. Safe to update from any thread.
class Gauge {
public:
    void set(double value) { m_value.store(value, std::memory_order_relaxed); }
    void add(double delta);
    double value() const { return m_value.load(std::memory_order_relaxed); }

private:
    std::atomic<double> m_value { 0 };
};

// Observations counted into fixed buckets (upper bounds, ascending; +Inf is implied). Safe to update from
// any thread.
class Histogram {
public:
    explicit Histogram(const QList<double>& upperBounds);

    void observe(double value);
    QList<double> upperBounds() const { return m_upperBounds; }
    // Per bucket, not cumulative; the last one is +Inf.
    QList<quint64> bucketCounts() const;
    double sum() const { return m_sum.load(std::memory_order_relaxed); }

private:
    const QList<double> m_upperBounds;
    std::unique_ptr<std::atomic<quint64>[]> m_buckets;
    std::atomic<double> m_sum { 0 };
};

// Named metrics of one process, rendered in the Prometheus text exposition format 0.0.4. Register at
// start-up (the returned references stay valid as long as the Metrics); update from any thread.
class Metrics {
public:
    static constexpr const char* ContentType = "text/plain; version=0.0.4; charset=utf-8";

    Metrics();
    ~Metrics();

    Counter& counter(const QByteArray& name, const QString& help);
    Gauge& gauge(const QByteArray& name, const QString& help);
    // Read when rendered, on the rendering thread (e.g. the number of open connections).
    void gauge(const QByteArray& name, const QString& help, std::function<double()> read);
    // A count kept elsewhere (e.g. a thread's atomic), read when rendered; it must never go down.
    void counter(const QByteArray& name, const QString& help, std::function<double()> read);
    Histogram& histogram(const QByteArray& name, const QString& help, const QList<double>& upperBounds);

    QByteArray render() const;

    static bool isValidName(const QByteArray& name);
    static QByteArray formatNumber(double value);

private:
    struct Entry;
    Entry& add(const QByteArray& name, const QString& help, const char* type);

    mutable QMutex m_mutex; // guards the list of entries, not the values
    std::vector<std::unique_ptr<Entry>> m_entries;
};

} // namespace chat::server
