#pragma once

#include "EventBus.h"

namespace chat::server {

// A single node: every event stays in this process.
class LocalEventBus final : public EventBus {
    Q_OBJECT
public:
    explicit LocalEventBus(const QString& nodeName, QObject* parent = nullptr);

    void publish(ClusterEvent event) override;
    QString nodeName() const override { return m_nodeName; }
    bool isHealthy() const override { return true; }

private:
    QString m_nodeName;
};

} // namespace chat::server
