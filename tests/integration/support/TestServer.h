#pragma once

#include "config/ServerConfig.h"

#include <QTemporaryDir>
#include <QUrl>

#include <functional>
#include <memory>

namespace chat::server {
class ChatServer;
}

namespace chat::test {

// A real chat-server in this process, on an ephemeral loopback port, with its SQLite file in a temporary
// folder. restart() brings it back on the same port with the same database, as after a crash or upgrade.
class TestServer {
public:
    explicit TestServer(std::function<void(server::ServerConfig&)> tweak = {});
    ~TestServer();

    bool start();
    void stop();
    bool restart();

    QUrl url() const;
    quint16 port() const { return m_port; }
    QString databasePath() const { return m_config.database.path; }
    QString folder() const { return m_dir.path(); }
    server::ServerConfig& config() { return m_config; }
    server::ChatServer* server() const { return m_server.get(); }
    QString lastError() const { return m_lastError; }

private:
    QTemporaryDir m_dir;
    server::ServerConfig m_config;
    std::unique_ptr<server::ChatServer> m_server;
    quint16 m_port = 0;
    QString m_lastError;
};

} // namespace chat::test
