#include "LocalEventBus.h"

#include "core/Clock.h"

namespace chat::server {

LocalEventBus::LocalEventBus(const QString& nodeName, QObject* parent)
    : EventBus(parent)
    , m_nodeName(nodeName)
{
}

void LocalEventBus::publish(ClusterEvent event)
{
    event.origin = m_nodeName;
    event.publishedAtMs = currentTimeMs();
    Q_EMIT eventReceived(event);
}

} // namespace chat::server
