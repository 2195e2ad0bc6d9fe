#include "ServiceProcess.h"

#include "LoopbackPort.h"

#include <csignal>

namespace chat::test {

ServiceProcess::~ServiceProcess()
{
    kill();
}

bool ServiceProcess::start(
    const QString& programName, const QStringList& arguments, const QString& workingFolder, quint16 port)
{
    if (isRunning())
        return true;
    const QString program = findProgram(programName);
    if (program.isEmpty()) {
        m_error = QStringLiteral("%1 is not installed (scripts/install-deps.sh installs it)").arg(programName);
        return false;
    }
    m_process = std::make_unique<QProcess>();
    m_process->setProgram(program);
    m_process->setArguments(arguments);
    m_process->setWorkingDirectory(workingFolder);
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process->setStandardOutputFile(QProcess::nullDevice());
    m_process->start();
    if (!m_process->waitForStarted(10000)) {
        m_error = QStringLiteral("%1 did not start: %2").arg(programName, m_process->errorString());
        return false;
    }
    if (!waitUntilAccepting(port, *m_process, QDeadlineTimer(20000))) {
        m_error = QStringLiteral("%1 did not accept connections on port %2 (exit code %3)")
                      .arg(programName)
                      .arg(port)
                      .arg(m_process->exitCode());
        kill();
        return false;
    }
    return true;
}

void ServiceProcess::stop()
{
    if (!isRunning())
        return;
    signal(SIGCONT); // a paused process cannot handle SIGTERM
    m_process->terminate();
    if (!m_process->waitForFinished(10000))
        kill();
}

void ServiceProcess::kill()
{
    if (!isRunning())
        return;
    m_process->kill();
    m_process->waitForFinished(10000);
}

void ServiceProcess::signal(int number)
{
    if (isRunning())
        ::kill(pid_t(m_process->processId()), number);
}

bool ServiceProcess::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

} // namespace chat::test
