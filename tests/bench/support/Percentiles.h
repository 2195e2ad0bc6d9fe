#pragma once

#include <QList>
#include <QString>

struct Percentiles {
    double p50 = 0, p90 = 0, p99 = 0, p999 = 0, max = 0;
    qsizetype count = 0;
    static Percentiles of(QList<double> samples);
    QString toString(const QString& unit) const;
};

// The median of several runs and their spread, as every figure of the suite is reported.
struct Spread {
    double median = 0, min = 0, max = 0;
    static Spread of(QList<double> values);
    QString toString(int decimals) const; // "123 (110–130)"
};
