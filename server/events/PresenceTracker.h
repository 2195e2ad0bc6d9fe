#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>

namespace chat::server {

// Who is online anywhere in the cluster: a user is online while any node holds one of their connections.
// Fed with each node's changes (this node's included, all through the event path); announces a change only
// when it flips the cluster-wide answer.
class PresenceTracker : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    bool isOnline(qint64 userId) const { return m_nodesByUser.contains(userId); }

    void setOnline(const QString& node, qint64 userId, bool online);
    // Replaces what is known of `node` with exactly `users`.
    void replaceNode(const QString& node, const QList<qint64>& users);
    void dropNode(const QString& node);
    QList<QString> nodes() const { return m_usersByNode.keys(); }
    int usersOn(const QString& node) const { return int(m_usersByNode.value(node).size()); }

Q_SIGNALS:
    void onlineChanged(qint64 userId, bool online);

private:
    void add(const QString& node, qint64 userId);
    void remove(const QString& node, qint64 userId);

    QHash<QString, QSet<qint64>> m_usersByNode;
    QHash<qint64, QSet<QString>> m_nodesByUser;
};

} // namespace chat::server
