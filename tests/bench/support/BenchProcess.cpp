#include "BenchProcess.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QRegularExpression>

#include <unistd.h>
#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#endif

BenchProcess::~BenchProcess()
{
    stop();
}

void BenchProcess::killWithParent(QProcess& process)
{
#ifdef Q_OS_LINUX
    process.setChildProcessModifier([] { prctl(PR_SET_PDEATHSIG, SIGKILL); });
#else
    Q_UNUSED(process);
#endif
}

bool BenchProcess::start(const QString& program, const QStringList& arguments)
{
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    killWithParent(m_process);
    const QString core = qEnvironmentVariable("BENCH_SERVER_CPU");
    if (core.isEmpty()) {
        m_process.start(program, arguments);
    } else {
        // exec, not fork: taskset becomes the server, so the pid we hold is the server's.
        m_process.start(QStringLiteral("taskset"), QStringList { QStringLiteral("-c"), core, program } + arguments);
    }
    QString output;
    static const QRegularExpression listening(QStringLiteral("listening on (wss?://\\S+)"));
    QDeadlineTimer deadline(30000);
    while (!deadline.hasExpired() && isRunning()) {
        m_process.waitForReadyRead(100);
        output += QString::fromUtf8(m_process.readAllStandardOutput());
        const QRegularExpressionMatch match = listening.match(output);
        if (match.hasMatch()) {
            m_url = QUrl(match.captured(1));
            return true;
        }
    }
    return false;
}

void BenchProcess::stop()
{
    if (!isRunning())
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(30000))
        m_process.kill();
    m_process.waitForFinished(5000);
}

qint64 BenchProcess::pid() const
{
    return m_process.processId();
}

qint64 BenchProcess::rssKiBOf(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

double BenchProcess::cpuSecondsOf(qint64 pid, bool withReaped)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray text = stat.readAll();
    // Fields after the parenthesised command name: utime, stime, cutime, cstime are fields 14 to 17.
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 15)
        return 0;
    qint64 ticks = fields.at(11).toLongLong() + fields.at(12).toLongLong();
    if (withReaped)
        ticks += fields.at(13).toLongLong() + fields.at(14).toLongLong();
    return double(ticks) / double(sysconf(_SC_CLK_TCK));
}

bool BenchProcess::pinToServerCore(qint64 pid)
{
    const QString core = qEnvironmentVariable("BENCH_SERVER_CPU");
    if (core.isEmpty())
        return true;
    QProcess taskset;
    taskset.setStandardOutputFile(QProcess::nullDevice());
    taskset.start(QStringLiteral("taskset"),
        { QStringLiteral("-a"), QStringLiteral("-p"), QStringLiteral("-c"), core, QString::number(pid) });
    return taskset.waitForFinished(10000) && taskset.exitStatus() == QProcess::NormalExit && taskset.exitCode() == 0;
}
