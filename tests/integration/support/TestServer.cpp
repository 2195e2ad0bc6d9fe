#include "TestServer.h"

#include "core/ChatServer.h"

namespace chat::test {

TestServer::TestServer(std::function<void(server::ServerConfig&)> tweak)
{
    m_config.host = QStringLiteral("127.0.0.1");
    m_config.port = 0;
    m_config.database.path = m_dir.filePath(QStringLiteral("chat.sqlite3"));
    // Tests sign many users in from one address: keep throttles out of the way unless a test wants them.
    m_config.security.loginAttemptsPerAddress = 10000;
    m_config.security.signupsPerAddressPerHour = 10000;
    if (tweak)
        tweak(m_config);
}

TestServer::~TestServer()
{
    stop();
}

bool TestServer::start()
{
    server::ServerConfig config = m_config;
    config.port = m_port;
    m_server = std::make_unique<server::ChatServer>(config);
    auto started = m_server->start();
    if (!started) {
        m_lastError = started.error();
        m_server.reset();
        return false;
    }
    m_port = m_server->port();
    return true;
}

void TestServer::stop()
{
    if (!m_server)
        return;
    m_server->stop();
    m_server.reset();
}

bool TestServer::restart()
{
    stop();
    return start();
}

QUrl TestServer::url() const
{
    QUrl url;
    url.setScheme(m_config.tls.enabled() ? QStringLiteral("wss") : QStringLiteral("ws"));
    url.setHost(m_config.host);
    url.setPort(m_port);
    return url;
}

} // namespace chat::test
