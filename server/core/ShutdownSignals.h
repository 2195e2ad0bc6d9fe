#pragma once

#include <QObject>

class QSocketNotifier;

namespace chat::server {

// Turns SIGINT and SIGTERM into a Qt signal on the main thread (self-pipe: a signal handler may only write()).
class ShutdownSignals : public QObject {
    Q_OBJECT
public:
    explicit ShutdownSignals(QObject* parent = nullptr);
    ~ShutdownSignals() override;

Q_SIGNALS:
    void shutdownRequested(int signalNumber);

private:
    QSocketNotifier* m_notifier = nullptr;
};

} // namespace chat::server
