#include "ServerProcess.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>

namespace chat::test {

ServerProcess::ServerProcess()
{
    m_process.setProgram(QStringLiteral(CHAT_SERVER_BINARY));
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    QObject::connect(&m_process, &QProcess::readyReadStandardOutput,
        [this] { m_output += QString::fromUtf8(m_process.readAllStandardOutput()); });
}

ServerProcess::~ServerProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished();
    }
}

void ServerProcess::writeConfig(const QString& extraIni)
{
    QFile file(configPath());
    file.open(QIODevice::WriteOnly | QIODevice::Truncate);
    file.write("[server]\nhost=127.0.0.1\nport=0\n[database]\npath=chat.sqlite3\n");
    file.write(extraIni.toUtf8());
}

bool ServerProcess::start(int timeoutMs)
{
    m_output.clear();
    m_url.clear();
    m_process.setArguments({ QStringLiteral("--config"), configPath() });
    m_process.start();
    static const QRegularExpression listening(QStringLiteral("listening on (ws://\\S+)"));
    const bool ready = QTest::qWaitFor(
        [this] {
            const QRegularExpressionMatch match = listening.match(m_output);
            if (match.hasMatch())
                m_url = QUrl(match.captured(1));
            return m_url.isValid() || m_process.state() == QProcess::NotRunning;
        },
        timeoutMs);
    return ready && m_url.isValid();
}

int ServerProcess::runAdmin(const QStringList& words, const QString& input, QString* output) const
{
    QProcess admin;
    admin.setProcessChannelMode(QProcess::MergedChannels);
    admin.start(QStringLiteral(CHAT_SERVER_BINARY), QStringList { QStringLiteral("--config"), configPath() } + words);
    admin.write(input.toUtf8());
    admin.closeWriteChannel();
    if (!admin.waitForFinished(30000))
        return -1;
    if (output)
        *output = QString::fromUtf8(admin.readAll());
    return admin.exitStatus() == QProcess::NormalExit ? admin.exitCode() : -1;
}

void ServerProcess::kill()
{
    m_process.kill();
    m_process.waitForFinished();
}

int ServerProcess::terminate(int timeoutMs)
{
    m_process.terminate();
    if (!m_process.waitForFinished(timeoutMs) || m_process.exitStatus() != QProcess::NormalExit)
        return -1;
    return m_process.exitCode();
}

} // namespace chat::test
