#pragma once

#include "ClusterEvent.h"

#include <QObject>
#include <QTimer>

#include <functional>

namespace chat::server {

class Store;

// Admin commands (`chat-server user add|disable|enable|passwd`) run in their own process and write their
// change and an `events` row in one transaction. Every running node reads the rows it has not seen, every
// half second, and applies each as the events it means, so the CLI reaches a live server (or every node of
// a cluster) through the same event path as everything else, without a control socket.
class AdminEventTail : public QObject {
    Q_OBJECT
public:
    using Apply = std::function<void(const ClusterEvent&)>;
    AdminEventTail(Store& store, Apply apply, QObject* parent = nullptr);

    // Starts after the newest row that exists now: what came before is in the store already.
    void start(qint64 afterId);
    void stop();
    qint64 lastSeenId() const { return m_lastSeenId; }

    static constexpr int PollIntervalMs = 500;

private:
    void poll();

    Store& m_store;
    Apply m_apply;
    QTimer m_timer;
    qint64 m_lastSeenId = 0;
    bool m_polling = false;
};

} // namespace chat::server
