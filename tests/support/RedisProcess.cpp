#include "RedisProcess.h"

#include "LoopbackPort.h"

#include <csignal>

namespace chat::test {

RedisProcess::RedisProcess(const QStringList& extraArguments)
    : m_extraArguments(extraArguments)
{
}

RedisProcess::~RedisProcess() = default;

bool RedisProcess::start()
{
    if (m_port == 0)
        m_port = freeLoopbackPort();
    const QStringList arguments { QStringLiteral("--port"), QString::number(m_port), QStringLiteral("--bind"),
        QStringLiteral("127.0.0.1"), QStringLiteral("--save"), QString(), QStringLiteral("--appendonly"),
        QStringLiteral("no"), QStringLiteral("--dir"), m_folder.path(), QStringLiteral("--loglevel"),
        QStringLiteral("warning") };
    return m_process.start(QStringLiteral("redis-server"), arguments + m_extraArguments, m_folder.path(), m_port);
}

bool RedisProcess::restart()
{
    m_process.kill();
    return start();
}

void RedisProcess::stop()
{
    m_process.stop();
}

void RedisProcess::kill()
{
    m_process.kill();
}

void RedisProcess::pause()
{
    m_process.signal(SIGSTOP);
}

void RedisProcess::resume()
{
    m_process.signal(SIGCONT);
}

QString RedisProcess::url() const
{
    return QStringLiteral("redis://127.0.0.1:%1").arg(m_port);
}

} // namespace chat::test
