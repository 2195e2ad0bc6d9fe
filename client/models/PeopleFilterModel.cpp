#include "PeopleFilterModel.h"

#include "UsersModel.h"

namespace chat::client {

PeopleFilterModel::PeopleFilterModel(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
    sort(0);
}

bool PeopleFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (index.data(UsersModel::IsMeRole).toBool())
        return false;
    return index.data(UsersModel::NameRole).toString().contains(filterRegularExpression());
}

bool PeopleFilterModel::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    const bool leftOnline = left.data(UsersModel::OnlineRole).toBool();
    const bool rightOnline = right.data(UsersModel::OnlineRole).toBool();
    if (leftOnline != rightOnline)
        return leftOnline;
    const int byName = QString::compare(
        left.data(UsersModel::NameRole).toString(), right.data(UsersModel::NameRole).toString(), Qt::CaseInsensitive);
    if (byName != 0)
        return byName < 0;
    return left.data(UsersModel::IdRole).toLongLong() < right.data(UsersModel::IdRole).toLongLong();
}

} // namespace chat::client
