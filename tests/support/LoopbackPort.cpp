#include "LoopbackPort.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>

namespace chat::test {

quint16 freeLoopbackPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

bool waitUntilAccepting(quint16 port, const QProcess& process, QDeadlineTimer deadline)
{
    while (!deadline.hasExpired()) {
        if (process.state() == QProcess::NotRunning)
            return false;
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port);
        if (socket.waitForConnected(int(std::min<qint64>(500, std::max<qint64>(1, deadline.remainingTime())))))
            return true;
        // Refused at once: give the process a moment, and notice at once if it exits instead.
        const_cast<QProcess&>(process).waitForFinished(20);
    }
    return false;
}

QString findProgram(const QString& name)
{
    const QString found = QStandardPaths::findExecutable(name);
    if (!found.isEmpty())
        return found;
    return QStandardPaths::findExecutable(
        name, { QStringLiteral("/usr/sbin"), QStringLiteral("/sbin"), QStringLiteral("/usr/local/sbin") });
}

} // namespace chat::test
