#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>

class QAbstractSocket;
class QSocketNotifier;

namespace chat::server {

// Closing a TCP socket while unread input is still queued makes the kernel send a reset, and a reset makes
// the peer's kernel throw away what it had received but not yet read: the last answers and the close frame.
// This keeps the socket open past Qt's close (through a duplicate of its descriptor), ends the sending
// side once everything written has left, and reads and discards input until the peer closes or
// `lingerMs` passes. Only then is the socket closed, so a client always learns why it was cut off.
class LingeringClose : public QObject {
    Q_OBJECT
public:
    // From now on, whenever `transport` is closed, it lingers; the lingering objects are children of `owner`.
    static void install(QAbstractSocket* transport, QObject* owner, int lingerMs);
    // For a deliberate abort: the next close of `transport` does not linger.
    static void uninstall(QAbstractSocket* transport, QObject* owner);

    ~LingeringClose() override;

private:
    LingeringClose(QAbstractSocket* transport, int descriptor, int lingerMs, QObject* owner);
    void startDraining(); // once Qt has written everything and let go of its descriptor
    void drain();
    void finish();

    QPointer<QAbstractSocket> m_transport;
    int m_descriptor;
    bool m_draining = false;
    std::unique_ptr<QSocketNotifier> m_readable;
    QTimer m_deadline;
};

} // namespace chat::server
