#include "LingeringClose.h"

#include <QAbstractSocket>
#include <QSocketNotifier>

#include <cerrno>
#include <sys/socket.h>
#include <unistd.h>

namespace chat::server {

void LingeringClose::install(QAbstractSocket* transport, QObject* owner, int lingerMs)
{
    // aboutToClose comes before Qt flushes and closes its descriptor; aborts come through here too,
    // which is why a deliberate abort uninstalls first.
    connect(transport, &QIODevice::aboutToClose, owner, [transport, owner, lingerMs] {
        const qintptr descriptor = transport->socketDescriptor();
        if (descriptor < 0 || transport->state() != QAbstractSocket::ConnectedState)
            return;
        const int duplicate = ::dup(int(descriptor));
        if (duplicate < 0)
            return;
        auto* lingering = new LingeringClose(transport, duplicate, lingerMs, owner);
        connect(transport, &QAbstractSocket::disconnected, lingering, &LingeringClose::startDraining);
        connect(transport, &QObject::destroyed, lingering, &LingeringClose::startDraining);
    });
}

void LingeringClose::uninstall(QAbstractSocket* transport, QObject* owner)
{
    QObject::disconnect(transport, &QIODevice::aboutToClose, owner, nullptr);
}

LingeringClose::LingeringClose(QAbstractSocket* transport, int descriptor, int lingerMs, QObject* owner)
    : QObject(owner)
    , m_transport(transport)
    , m_descriptor(descriptor)
{
    m_deadline.setSingleShot(true);
    m_deadline.setInterval(lingerMs);
    connect(&m_deadline, &QTimer::timeout, this, &LingeringClose::finish);
    m_deadline.start();
}

LingeringClose::~LingeringClose()
{
    m_readable.reset();
    if (m_descriptor >= 0)
        ::close(m_descriptor);
}

void LingeringClose::startDraining()
{
    if (m_draining || m_descriptor < 0)
        return;
    m_draining = true;
    // Qt wrote all it had before closing its descriptor, so the peer gets every byte and then our FIN.
    ::shutdown(m_descriptor, SHUT_WR);
    m_readable = std::make_unique<QSocketNotifier>(m_descriptor, QSocketNotifier::Read);
    connect(m_readable.get(), &QSocketNotifier::activated, this, &LingeringClose::drain);
    drain();
}

void LingeringClose::drain()
{
    char scratch[16384];
    for (;;) {
        const ssize_t got = ::recv(m_descriptor, scratch, sizeof scratch, MSG_DONTWAIT);
        if (got > 0)
            continue;
        if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
            return;
        return finish(); // the peer closed its side (0) or the connection failed
    }
}

void LingeringClose::finish()
{
    // A peer that reads nothing at all keeps Qt flushing forever: it is cut off at the deadline.
    if (m_transport && m_transport->state() != QAbstractSocket::UnconnectedState) {
        m_transport->disconnect(this);
        m_transport->abort();
    }
    m_readable.reset();
    m_deadline.stop();
    if (m_descriptor >= 0)
        ::close(m_descriptor);
    m_descriptor = -1;
    deleteLater();
}

} // namespace chat::server
