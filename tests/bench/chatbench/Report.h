#pragma once

#include "Percentiles.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

// One reported figure: its value in each run for the product and (where the ceiling can do the same
// thing) for the ceiling server, so the report can give medians, spreads and the ratio from one run.
struct Figure {
    Figure(QString workload, QString name, QString unit, QList<double> product = {}, QList<double> ceiling = {})
        : workload(std::move(workload))
        , name(std::move(name))
        , unit(std::move(unit))
        , product(std::move(product))
        , ceiling(std::move(ceiling))
    {
    }

    QString workload;
    QString name;
    QString unit;
    QList<double> product;
    QList<double> ceiling; // empty when the ceiling has no counterpart
    QString target; // e.g. "≥ 50 % of ceiling"
    std::optional<bool> met;
    QString note;

    Spread productSpread() const { return Spread::of(product); }
    Spread ceilingSpread() const { return Spread::of(ceiling); }
    std::optional<double> ratio() const; // product median / ceiling median
};

class Report {
public:
    void add(const Figure& figure); // also prints it
    const QList<Figure>& figures() const { return m_figures; }
    const Figure* find(const QString& workload, const QString& name) const;

    QJsonObject toJson() const;
    QString toMarkdown() const;
    bool write(const QString& basePath) const; // basePath.md and basePath.json

    static QJsonObject machine(); // CPU, cores, kernel, Qt, git revision, date

private:
    QList<Figure> m_figures;
};
