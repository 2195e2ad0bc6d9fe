#pragma once

#include <QDeadlineTimer>
#include <QString>
#include <QStringList>

class QProcess;

namespace chat::test {

// A port that nothing listens on right now (the kernel's pick for 127.0.0.1:0).
quint16 freeLoopbackPort();

// Tries to connect to 127.0.0.1:port until it accepts, the process ends, or the deadline passes.
bool waitUntilAccepting(quint16 port, const QProcess& process, QDeadlineTimer deadline);

// The program from PATH, or from the sbin folders that PATH of an ordinary user lacks; empty if absent.
QString findProgram(const QString& name);

} // namespace chat::test
