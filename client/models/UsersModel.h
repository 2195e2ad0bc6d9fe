#pragma once

#include "Types.h"

#include <QAbstractListModel>
#include <QHash>

namespace chat::client {

// Every registered user, with presence and the unread count of the direct room with them.
class UsersModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { IdRole = Qt::UserRole + 1, NameRole, OnlineRole, UnreadRole, IsMeRole };

    explicit UsersModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setMe(qint64 userId) { m_me = userId; }
    qint64 me() const { return m_me; }
    void setUsers(const QList<User>& users);
    void addUser(const User& user);
    void setOnline(qint64 userId, bool online);
    void setAllOffline();
    void setUnread(qint64 userId, qint64 unread);
    void clear();

    bool contains(qint64 userId) const { return m_rowOf.contains(userId); }
    QString nameOf(qint64 userId) const;
    int rowOf(qint64 userId) const { return m_rowOf.value(userId, -1); }

private:
    struct Entry {
        User user;
        qint64 unread = 0;
    };
    void reindex();

    QList<Entry> m_entries;
    QHash<qint64, int> m_rowOf;
    qint64 m_me = 0;
};

} // namespace chat::client
