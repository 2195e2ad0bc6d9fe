#pragma once

#include <QSortFilterProxyModel>

namespace chat::client {

// The people list as the dock shows it: everyone but me, online first, then by name; filtered by the
// text typed in the filter box (case-insensitive, anywhere in the name).
class PeopleFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit PeopleFilterModel(QObject* parent = nullptr);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;
};

} // namespace chat::client
