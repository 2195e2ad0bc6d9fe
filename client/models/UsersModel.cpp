#include "UsersModel.h"

namespace chat::client {

UsersModel::UsersModel(QObject* parent)
    : QAbstractListModel(parent)
{
}

int UsersModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant UsersModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry& entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return entry.user.username;
    case Qt::ToolTipRole:
        return entry.user.online ? tr("%1 is online").arg(entry.user.username)
                                 : tr("%1 is offline").arg(entry.user.username);
    case Qt::AccessibleTextRole: {
        QString text = entry.user.online ? tr("%1, online").arg(entry.user.username)
                                         : tr("%1, offline").arg(entry.user.username);
        if (entry.unread > 0)
            text += QLatin1String(", ") + tr("%n unread", nullptr, int(entry.unread));
        return text;
    }
    case IdRole:
        return entry.user.id;
    case OnlineRole:
        return entry.user.online;
    case UnreadRole:
        return entry.unread;
    case IsMeRole:
        return entry.user.id == m_me;
    default:
        return {};
    }
}

QHash<int, QByteArray> UsersModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "userId");
    names.insert(NameRole, "name");
    names.insert(OnlineRole, "online");
    names.insert(UnreadRole, "unread");
    names.insert(IsMeRole, "isMe");
    return names;
}

void UsersModel::setUsers(const QList<User>& users)
{
    // Keep the unread counts we already know: users.list does not carry them.
    QHash<qint64, qint64> unread;
    for (const Entry& entry : std::as_const(m_entries))
        unread.insert(entry.user.id, entry.unread);
    beginResetModel();
    m_entries.clear();
    for (const User& user : users)
        m_entries.append(Entry { user, unread.value(user.id) });
    reindex();
    endResetModel();
}

void UsersModel::addUser(const User& user)
{
    if (const int row = rowOf(user.id); row >= 0) {
        m_entries[row].user = user;
        Q_EMIT dataChanged(index(row), index(row));
        return;
    }
    const int row = int(m_entries.size());
    beginInsertRows({}, row, row);
    m_entries.append(Entry { user, 0 });
    m_rowOf.insert(user.id, row);
    endInsertRows();
}

void UsersModel::setOnline(qint64 userId, bool online)
{
    const int row = rowOf(userId);
    if (row < 0 || m_entries.at(row).user.online == online)
        return;
    m_entries[row].user.online = online;
    Q_EMIT dataChanged(index(row), index(row), { OnlineRole, Qt::ToolTipRole, Qt::AccessibleTextRole });
}

void UsersModel::setAllOffline()
{
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).user.online)
            setOnline(m_entries.at(row).user.id, false);
    }
}

void UsersModel::setUnread(qint64 userId, qint64 unread)
{
    const int row = rowOf(userId);
    if (row < 0 || m_entries.at(row).unread == unread)
        return;
    m_entries[row].unread = unread;
    Q_EMIT dataChanged(index(row), index(row), { UnreadRole, Qt::AccessibleTextRole });
}

void UsersModel::clear()
{
    beginResetModel();
    m_entries.clear();
    m_rowOf.clear();
    m_me = 0;
    endResetModel();
}

QString UsersModel::nameOf(qint64 userId) const
{
    const int row = rowOf(userId);
    return row >= 0 ? m_entries.at(row).user.username : tr("User %1").arg(userId);
}

void UsersModel::reindex()
{
    m_rowOf.clear();
    for (int row = 0; row < m_entries.size(); ++row)
        m_rowOf.insert(m_entries.at(row).user.id, row);
}

} // namespace chat::client
