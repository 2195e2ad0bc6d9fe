#include "ServerUnderTest.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

namespace chat::test {

ServerUnderTest::ServerUnderTest(const QString& folder)
    : m_folder(folder)
{
    m_process.setProgram(QStringLiteral(CHAT_SERVER_BINARY));
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    QObject::connect(&m_process, &QProcess::readyReadStandardOutput,
        [this] { m_stdout += QString::fromUtf8(m_process.readAllStandardOutput()); });
    QObject::connect(&m_process, &QProcess::readyReadStandardError,
        [this] { m_stderr += QString::fromUtf8(m_process.readAllStandardError()); });
}

ServerUnderTest::~ServerUnderTest()
{
    if (isRunning())
        kill();
    m_process.disconnect();
}

QString ServerUnderTest::configPath() const
{
    return QDir(m_folder).filePath(QStringLiteral("server.ini"));
}

bool ServerUnderTest::writeConfig(const QString& databasePath, const QString& extraIni)
{
    QFile file(configPath());
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    const QByteArray ini
        = "[server]\nhost=127.0.0.1\nport=0\n[database]\npath=" + databasePath.toUtf8() + "\n" + extraIni.toUtf8();
    return file.write(ini) == ini.size();
}

QProcessEnvironment ServerUnderTest::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!m_loggingRules.isEmpty())
        env.insert(QStringLiteral("QT_LOGGING_RULES"), m_loggingRules);
    return env;
}

void ServerUnderTest::startProcess()
{
    m_history += m_stdout + m_stderr;
    m_stdout.clear();
    m_stderr.clear();
    m_url.clear();
    m_process.setProcessEnvironment(environment());
    m_process.setArguments({ QStringLiteral("--config"), configPath() });
    m_process.start();
}

bool ServerUnderTest::start(int timeoutMs)
{
    startProcess();
    static const QRegularExpression listening(QStringLiteral("listening on (ws://\\S+)"));
    const bool ended = QTest::qWaitFor(
        [this] {
            const QRegularExpressionMatch match = listening.match(m_stdout);
            if (match.hasMatch())
                m_url = QUrl(match.captured(1));
            return m_url.isValid() || !isRunning();
        },
        timeoutMs);
    return ended && m_url.isValid() && isRunning();
}

int ServerUnderTest::runToExit(int timeoutMs)
{
    startProcess();
    if (!m_process.waitForFinished(timeoutMs)) {
        kill();
        return -1;
    }
    m_stdout += QString::fromUtf8(m_process.readAllStandardOutput());
    m_stderr += QString::fromUtf8(m_process.readAllStandardError());
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

void ServerUnderTest::kill()
{
    m_process.kill();
    m_process.waitForFinished();
    m_stdout += QString::fromUtf8(m_process.readAllStandardOutput());
    m_stderr += QString::fromUtf8(m_process.readAllStandardError());
}

int ServerUnderTest::terminate(int timeoutMs)
{
    m_process.terminate();
    const bool ended = m_process.waitForFinished(timeoutMs);
    m_stdout += QString::fromUtf8(m_process.readAllStandardOutput());
    m_stderr += QString::fromUtf8(m_process.readAllStandardError());
    if (!ended || m_process.exitStatus() != QProcess::NormalExit)
        return -1;
    return m_process.exitCode();
}

ServerUnderTest::AdminRun ServerUnderTest::runAdmin(const QStringList& words, const QString& input)
{
    QProcess admin;
    admin.setProcessEnvironment(environment());
    admin.start(QStringLiteral(CHAT_SERVER_BINARY), QStringList { QStringLiteral("--config"), configPath() } + words);
    admin.write(input.toUtf8());
    admin.closeWriteChannel();
    AdminRun run;
    if (!admin.waitForFinished(60000)) {
        admin.kill();
        admin.waitForFinished();
    } else if (admin.exitStatus() == QProcess::NormalExit) {
        run.exitCode = admin.exitCode();
    }
    run.out = QString::fromUtf8(admin.readAllStandardOutput());
    run.err = QString::fromUtf8(admin.readAllStandardError());
    m_history += run.out + run.err;
    return run;
}

} // namespace chat::test
