#include "Percentiles.h"

#include <algorithm>
#include <cmath>

Percentiles Percentiles::of(QList<double> samples)
{
    Percentiles p;
    p.count = samples.size();
    if (samples.isEmpty())
        return p;
    std::sort(samples.begin(), samples.end());
    auto at = [&samples](double q) {
        return samples.at(std::clamp<qsizetype>(qsizetype(std::ceil(q * samples.size())) - 1, 0, samples.size() - 1));
    };
    p.p50 = at(0.50);
    p.p90 = at(0.90);
    p.p99 = at(0.99);
    p.p999 = at(0.999);
    p.max = samples.last();
    return p;
}

QString Percentiles::toString(const QString& unit) const
{
    return QStringLiteral("p50 %1 %6, p90 %2 %6, p99 %3 %6, p99.9 %4 %6, max %5 %6")
        .arg(p50, 0, 'f', 3)
        .arg(p90, 0, 'f', 3)
        .arg(p99, 0, 'f', 3)
        .arg(p999, 0, 'f', 3)
        .arg(max, 0, 'f', 3)
        .arg(unit);
}

Spread Spread::of(QList<double> values)
{
    Spread s;
    if (values.isEmpty())
        return s;
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    s.median = n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2;
    s.min = values.first();
    s.max = values.last();
    return s;
}

QString Spread::toString(int decimals) const
{
    return QStringLiteral("%1 (%2–%3)")
        .arg(median, 0, 'f', decimals)
        .arg(min, 0, 'f', decimals)
        .arg(max, 0, 'f', decimals);
}
