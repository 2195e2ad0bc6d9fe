#pragma once

#include "ClusterEvent.h"

#include <QObject>

namespace chat::server {

// The one path by which every change that other sessions must see leaves the code that made it.
// publish() hands the event to this node at once (eventReceived, synchronously) and to every other
// node when there are others. Events from other nodes arrive through eventReceived too.
class EventBus : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    virtual void publish(ClusterEvent event) = 0;
    // The name other nodes know this one by; presence is kept per node.
    virtual QString nodeName() const = 0;
    // False while the link to the other nodes is down (always true on a single node).
    virtual bool isHealthy() const = 0;

Q_SIGNALS:
    void eventReceived(const ClusterEvent& event);
    // Events from other nodes may have been missed (the link was down): compare with the store.
    void catchUpNeeded();
};

} // namespace chat::server
