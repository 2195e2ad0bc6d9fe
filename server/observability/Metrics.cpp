#include "Metrics.h"

#include <QLocale>
#include <QRegularExpression>

#include <cmath>

namespace chat::server {

namespace {

void addTo(std::atomic<double>& target, double delta)
{
    double current = target.load(std::memory_order_relaxed);
    while (!target.compare_exchange_weak(current, current + delta, std::memory_order_relaxed)) { }
}

QByteArray escapeHelp(const QString& help)
{
    QByteArray text = help.toUtf8();
    text.replace('\\', "\\\\");
    text.replace('\n', "\\n");
    return text;
}

} // namespace

void Gauge::add(double delta)
{
    addTo(m_value, delta);
}

Histogram::Histogram(const QList<double>& upperBounds)
    : m_upperBounds(upperBounds)
    , m_buckets(new std::atomic<quint64>[size_t(upperBounds.size()) + 1])
{
    for (qsizetype i = 0; i <= upperBounds.size(); ++i)
        m_buckets[size_t(i)].store(0);
}

void Histogram::observe(double value)
{
    qsizetype bucket = 0;
    while (bucket < m_upperBounds.size() && value > m_upperBounds[bucket])
        ++bucket;
    m_buckets[size_t(bucket)].fetch_add(1, std::memory_order_relaxed);
    addTo(m_sum, value);
}

QList<quint64> Histogram::bucketCounts() const
{
    QList<quint64> counts;
    for (qsizetype i = 0; i <= m_upperBounds.size(); ++i)
        counts.append(m_buckets[size_t(i)].load(std::memory_order_relaxed));
    return counts;
}

struct Metrics::Entry {
    QByteArray name;
    QByteArray help;
    const char* type;
    std::unique_ptr<Counter> counter;
    std::unique_ptr<Gauge> gauge;
    std::function<double()> read;
    std::unique_ptr<Histogram> histogram;
};

Metrics::Metrics() = default;
Metrics::~Metrics() = default;

bool Metrics::isValidName(const QByteArray& name)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-zA-Z_:][a-zA-Z0-9_:]*$"));
    return pattern.match(QString::fromLatin1(name)).hasMatch();
}

QByteArray Metrics::formatNumber(double value)
{
    if (std::isnan(value))
        return "NaN";
    if (std::isinf(value))
        return value > 0 ? "+Inf" : "-Inf";
    return QByteArray::number(value, 'g', QLocale::FloatingPointShortest);
}

Metrics::Entry& Metrics::add(const QByteArray& name, const QString& help, const char* type)
{
    Q_ASSERT_X(isValidName(name), "Metrics", "not a Prometheus metric name");
    const QMutexLocker lock(&m_mutex);
    for (const auto& entry : m_entries)
        Q_ASSERT_X(entry->name != name, "Metrics", "metric registered twice");
    m_entries.push_back(std::make_unique<Entry>(Entry { name, escapeHelp(help), type, {}, {}, {}, {} }));
    return *m_entries.back();
}

Counter& Metrics::counter(const QByteArray& name, const QString& help)
{
    Entry& entry = add(name, help, "counter");
    entry.counter = std::make_unique<Counter>();
    return *entry.counter;
}

Gauge& Metrics::gauge(const QByteArray& name, const QString& help)
{
    Entry& entry = add(name, help, "gauge");
    entry.gauge = std::make_unique<Gauge>();
    return *entry.gauge;
}

void Metrics::gauge(const QByteArray& name, const QString& help, std::function<double()> read)
{
    add(name, help, "gauge").read = std::move(read);
}

void Metrics::counter(const QByteArray& name, const QString& help, std::function<double()> read)
{
    add(name, help, "counter").read = std::move(read);
}

Histogram& Metrics::histogram(const QByteArray& name, const QString& help, const QList<double>& upperBounds)
{
    Entry& entry = add(name, help, "histogram");
    entry.histogram = std::make_unique<Histogram>(upperBounds);
    return *entry.histogram;
}

QByteArray Metrics::render() const
{
    const QMutexLocker lock(&m_mutex);
    QByteArray text;
    for (const auto& entry : m_entries) {
        text += "# HELP " + entry->name + ' ' + entry->help + '\n';
        text += "# TYPE " + entry->name + ' ' + entry->type + '\n';
        if (entry->counter) {
            text += entry->name + ' ' + QByteArray::number(entry->counter->value()) + '\n';
        } else if (entry->gauge) {
            text += entry->name + ' ' + formatNumber(entry->gauge->value()) + '\n';
        } else if (entry->read) {
            text += entry->name + ' ' + formatNumber(entry->read()) + '\n';
        } else if (entry->histogram) {
            const QList<double> bounds = entry->histogram->upperBounds();
            const QList<quint64> counts = entry->histogram->bucketCounts();
            quint64 cumulative = 0;
            for (qsizetype i = 0; i < counts.size(); ++i) {
                cumulative += counts[i];
                const QByteArray le = i < bounds.size() ? formatNumber(bounds[i]) : QByteArray("+Inf");
                text += entry->name + "_bucket{le=\"" + le + "\"} " + QByteArray::number(cumulative) + '\n';
            }
            text += entry->name + "_sum " + formatNumber(entry->histogram->sum()) + '\n';
            text += entry->name + "_count " + QByteArray::number(cumulative) + '\n';
        }
    }
    return text;
}

} // namespace chat::server
