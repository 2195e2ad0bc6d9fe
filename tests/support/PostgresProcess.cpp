#include "PostgresProcess.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QThread>
#include <QUuid>

#include <algorithm>

#include <pwd.h>
#include <signal.h>
#include <unistd.h>

namespace {

constexpr int ToolTimeoutMs = 120000;

// Debian keeps the server tools out of PATH, one folder per major version; the newest wins.
QString findBinDir()
{
    if (const QString configured = qEnvironmentVariable("CHAT_PG_BINDIR"); !configured.isEmpty())
        return configured;
    QDir versions(QStringLiteral("/usr/lib/postgresql"));
    QStringList found = versions.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    std::sort(found.begin(), found.end(), [](const QString& a, const QString& b) { return a.toInt() > b.toInt(); });
    for (const QString& version : std::as_const(found)) {
        const QString bin = versions.filePath(version + QStringLiteral("/bin"));
        if (QFileInfo::exists(bin + QStringLiteral("/pg_ctl")))
            return bin;
    }
    return QFileInfo(QStandardPaths::findExecutable(QStringLiteral("pg_ctl"))).absolutePath();
}

quint16 freeLoopbackPort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

// Gone means no such process, or a zombie that nobody has reaped yet: it holds nothing but its pid.
bool processGone(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    const QByteArray line = stat.readAll();
    const QByteArray afterName = line.mid(line.lastIndexOf(')') + 2);
    return afterName.startsWith('Z') || afterName.startsWith('X');
}

QList<qint64> childrenOf(qint64 parent)
{
    QList<qint64> children;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString& entry : entries) {
        bool numeric = false;
        const qint64 pid = entry.toLongLong(&numeric);
        QFile stat(QStringLiteral("/proc/%1/stat").arg(entry));
        if (!numeric || !stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = stat.readAll();
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 1 && fields.at(1).toLongLong() == parent)
            children.append(pid);
    }
    return children;
}

} // namespace

PostgresProcess::PostgresProcess()
    : m_binDir(findBinDir())
    , m_password(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    m_dir.setAutoRemove(!qEnvironmentVariableIsSet("CHAT_TEST_KEEP_PG")); // keeps data and log for a post-mortem
    if (::geteuid() == 0)
        m_osUser = qEnvironmentVariable("CHAT_TEST_PG_OS_USER", QStringLiteral("postgres"));
}

PostgresProcess::~PostgresProcess()
{
    if (m_running && !stop())
        kill();
}

void PostgresProcess::setServerSetting(const QString& name, const QString& value)
{
    m_settings.append(QStringLiteral("-c %1=%2").arg(name, value));
}

QString PostgresProcess::passwordFile() const
{
    return m_dir.filePath(QStringLiteral("password"));
}

QString PostgresProcess::socketDirectory() const
{
    return m_dir.filePath(QStringLiteral("socket"));
}

QString PostgresProcess::dataDirectory() const
{
    return m_dir.filePath(QStringLiteral("data"));
}

QString PostgresProcess::logFile() const
{
    return m_dir.filePath(QStringLiteral("postgres.log"));
}

bool PostgresProcess::fail(const QString& message)
{
    QFile log(logFile());
    const QByteArray tail = log.open(QIODevice::ReadOnly) ? log.readAll().right(2000) : QByteArray();
    m_error = tail.isEmpty() ? message : message + QStringLiteral("\nserver log:\n") + QString::fromLocal8Bit(tail);
    return false;
}

bool PostgresProcess::prepareFolder(const QString& path)
{
    if (!QDir().mkpath(path))
        return fail(QStringLiteral("cannot create %1").arg(path));
    if (m_osUser.isEmpty())
        return true;
    const passwd* account = ::getpwnam(m_osUser.toLocal8Bit().constData());
    if (!account)
        return fail(QStringLiteral("no OS user %1 to run PostgreSQL as (initdb refuses root)").arg(m_osUser));
    if (::chown(QFile::encodeName(path).constData(), account->pw_uid, account->pw_gid) != 0)
        return fail(QStringLiteral("cannot hand %1 to %2").arg(path, m_osUser));
    return true;
}

bool PostgresProcess::runTool(const QString& tool, const QStringList& arguments, int timeoutMs)
{
    const QString binary = m_binDir + QLatin1Char('/') + tool;
    QProcess process;
    process.setWorkingDirectory(m_dir.path()); // readable by the unprivileged user, unlike the caller's folder
    process.setProcessChannelMode(QProcess::MergedChannels);
    if (m_osUser.isEmpty())
        process.start(binary, arguments);
    else
        process.start(QStringLiteral("runuser"),
            QStringList { QStringLiteral("-u"), m_osUser, QStringLiteral("--"), binary } + arguments);
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return fail(QStringLiteral("%1 did not finish: %2").arg(tool, process.errorString()));
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return fail(QStringLiteral("%1 failed: %2").arg(tool, QString::fromLocal8Bit(process.readAll())));
    return true;
}

bool PostgresProcess::initialize()
{
    if (!m_dir.isValid())
        return fail(QStringLiteral("no temporary folder: %1").arg(m_dir.errorString()));
    if (m_binDir.isEmpty() || !QFileInfo::exists(m_binDir + QStringLiteral("/initdb")))
        return fail(QStringLiteral("PostgreSQL's initdb was not found (install postgresql or set CHAT_PG_BINDIR)"));
    m_port = freeLoopbackPort();
    if (m_port == 0)
        return fail(QStringLiteral("no free loopback port"));
    QFile secret(passwordFile());
    if (!secret.open(QIODevice::WriteOnly) || secret.write(m_password.toUtf8() + '\n') < 0)
        return fail(QStringLiteral("cannot write %1").arg(secret.fileName()));
    secret.close();
    if (!prepareFolder(m_dir.path()) || !prepareFolder(socketDirectory()))
        return false;
    const bool created = runTool(QStringLiteral("initdb"),
        { QStringLiteral("-D"), dataDirectory(), QStringLiteral("-U"), user(), QStringLiteral("-E"),
            // A UTF-8 ctype, as deploy.md asks of production databases: pg_trgm indexes CJK letters only then.
            QStringLiteral("UTF8"), QStringLiteral("--locale=C"), QStringLiteral("--lc-ctype=C.UTF-8"),
            QStringLiteral("--no-sync"),
            QStringLiteral("--no-instructions"), QStringLiteral("--auth-local=trust"),
            QStringLiteral("--auth-host=scram-sha-256"), QStringLiteral("--pwfile=") + passwordFile() },
        ToolTimeoutMs);
    return created && start() && createDatabase(databaseName());
}

bool PostgresProcess::start()
{
    const QString options = QStringList { QStringLiteral("-p %1").arg(m_port),
        QStringLiteral("-k ") + socketDirectory(), QStringLiteral("-c listen_addresses=127.0.0.1") }
                                .join(QLatin1Char(' '))
        + QLatin1Char(' ') + m_settings.join(QLatin1Char(' '));
    if (!runTool(QStringLiteral("pg_ctl"),
            { QStringLiteral("start"), QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("60"),
                QStringLiteral("-D"), dataDirectory(), QStringLiteral("-l"), logFile(), QStringLiteral("-o"), options },
            ToolTimeoutMs))
        return false;
    m_running = true;
    return true;
}

bool PostgresProcess::stop()
{
    if (!runTool(QStringLiteral("pg_ctl"),
            { QStringLiteral("stop"), QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("60"),
                QStringLiteral("-m"), QStringLiteral("fast"), QStringLiteral("-D"), dataDirectory() },
            ToolTimeoutMs))
        return false;
    m_running = false;
    return true;
}

qint64 PostgresProcess::postmasterPid() const
{
    QFile pidFile(dataDirectory() + QStringLiteral("/postmaster.pid"));
    if (!pidFile.open(QIODevice::ReadOnly))
        return 0;
    return pidFile.readLine().trimmed().toLongLong();
}

QList<qint64> PostgresProcess::serverPids() const
{
    const qint64 postmaster = postmasterPid();
    return postmaster > 0 ? childrenOf(postmaster) << postmaster : QList<qint64>();
}

bool PostgresProcess::kill()
{
    const qint64 postmaster = postmasterPid();
    if (postmaster <= 0)
        return fail(QStringLiteral("no postmaster.pid: the server is not running"));
    const QList<qint64> victims = childrenOf(postmaster) << postmaster;
    for (const qint64 pid : victims)
        ::kill(pid_t(pid), SIGKILL);
    const QDeadlineTimer deadline(10000);
    for (const qint64 pid : victims) {
        while (!processGone(pid)) {
            if (deadline.hasExpired())
                return fail(QStringLiteral("process %1 survived SIGKILL").arg(pid));
            QThread::yieldCurrentThread();
        }
    }
    // A crash leaves postmaster.pid and the socket's lock file behind. Where nobody reaps the zombie
    // postmaster (a container's init may not), its pid still looks alive to the next start, so the
    // stale files go, as an operator would remove them after a crash.
    QFile::remove(dataDirectory() + QStringLiteral("/postmaster.pid"));
    QFile::remove(socketDirectory() + QStringLiteral("/.s.PGSQL.%1.lock").arg(m_port));
    m_running = false;
    return true;
}

bool PostgresProcess::createDatabase(const QString& name)
{
    return runTool(QStringLiteral("createdb"),
        { QStringLiteral("-h"), socketDirectory(), QStringLiteral("-p"), QString::number(m_port), QStringLiteral("-U"),
            user(), name },
        ToolTimeoutMs);
}
