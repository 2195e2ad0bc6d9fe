#include "PresenceTracker.h"

namespace chat::server {

void PresenceTracker::setOnline(const QString& node, qint64 userId, bool online)
{
    if (online)
        add(node, userId);
    else
        remove(node, userId);
}

void PresenceTracker::replaceNode(const QString& node, const QList<qint64>& users)
{
    const QSet<qint64> wanted(users.cbegin(), users.cend());
    const QSet<qint64> held = m_usersByNode.value(node);
    for (qint64 userId : held) {
        if (!wanted.contains(userId))
            remove(node, userId);
    }
    for (qint64 userId : wanted)
        add(node, userId);
}

void PresenceTracker::dropNode(const QString& node)
{
    replaceNode(node, {});
    m_usersByNode.remove(node);
}

void PresenceTracker::add(const QString& node, qint64 userId)
{
    QSet<qint64>& users = m_usersByNode[node];
    if (users.contains(userId))
        return;
    users.insert(userId);
    QSet<QString>& nodes = m_nodesByUser[userId];
    nodes.insert(node);
    if (nodes.size() == 1)
        Q_EMIT onlineChanged(userId, true);
}

void PresenceTracker::remove(const QString& node, qint64 userId)
{
    auto users = m_usersByNode.find(node);
    if (users == m_usersByNode.end() || !users->remove(userId))
        return;
    auto nodes = m_nodesByUser.find(userId);
    nodes->remove(node);
    if (nodes->isEmpty()) {
        m_nodesByUser.erase(nodes);
        Q_EMIT onlineChanged(userId, false);
    }
}

} // namespace chat::server
