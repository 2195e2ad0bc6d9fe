#include "HaproxyProcess.h"

#include "LoopbackPort.h"

#include <QFile>

namespace chat::test {

HaproxyProcess::HaproxyProcess(const QList<HaproxyBackend>& backends)
    : m_backends(backends)
{
}

HaproxyProcess::~HaproxyProcess() = default;

QByteArray HaproxyProcess::config(const QList<HaproxyBackend>& backends, quint16 frontendPort)
{
    QByteArray text = "global\n"
                      "    # no maxconn: HAProxy derives it from the file descriptor limit it gets\n"
                      "defaults\n"
                      "    mode http\n"
                      "    timeout connect 2s\n"
                      "    timeout client 30s\n"
                      "    timeout server 30s\n"
                      "    timeout tunnel 1h\n"
                      "    timeout client-fin 5s\n"
                      "    timeout server-fin 5s\n"
                      "frontend chat\n"
                      "    bind 127.0.0.1:"
        + QByteArray::number(frontendPort)
        + "\n"
          "    default_backend nodes\n"
          "backend nodes\n"
          "    balance leastconn\n"
          "    option httpchk GET /healthz\n"
          "    http-check expect status 200\n"
          "    default-server inter 500ms fall 2 rise 1\n";
    for (qsizetype i = 0; i < backends.size(); ++i)
        text += "    server node" + QByteArray::number(i + 1)
            + " 127.0.0.1:" + QByteArray::number(backends[i].webSocketPort) + " check port "
            + QByteArray::number(backends[i].healthPort) + (backends[i].sendProxy ? " send-proxy\n" : "\n");
    return text;
}

bool HaproxyProcess::start()
{
    if (m_port == 0)
        m_port = freeLoopbackPort();
    QFile file(configPath());
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(config(m_backends, m_port)) < 0) {
        m_error = QStringLiteral("cannot write %1: %2").arg(configPath(), file.errorString());
        return false;
    }
    file.close();
    m_error.clear();
    return m_process.start(QStringLiteral("haproxy"), { QStringLiteral("-db"), QStringLiteral("-f"), configPath() },
        m_folder.path(), m_port);
}

void HaproxyProcess::stop()
{
    m_process.stop();
}

void HaproxyProcess::kill()
{
    m_process.kill();
}

QString HaproxyProcess::url() const
{
    return QStringLiteral("ws://127.0.0.1:%1").arg(m_port);
}

QString HaproxyProcess::configPath() const
{
    return m_folder.filePath(QStringLiteral("haproxy.cfg"));
}

} // namespace chat::test
