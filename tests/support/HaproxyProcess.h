#pragma once

#include "ServiceProcess.h"
#include <QByteArray>

#include <QList>
#include <QString>
#include <QTemporaryDir>

namespace chat::test {

// One chat-server node as HAProxy sees it: WebSocket traffic on one port, /healthz on another.
struct HaproxyBackend {
    quint16 webSocketPort = 0;
    quint16 healthPort = 0;
    bool sendProxy = false; // PROXY protocol v1 header before each connection (the node's proxy_protocol)
};

// A throwaway HAProxy in front of chat-server nodes, on a free loopback port: least connections, health
// checks on GET /healthz every 500 ms (down after 2 failures, up after 1 success), WebSocket tunnels
// kept for an hour.
class HaproxyProcess {
public:
    explicit HaproxyProcess(const QList<HaproxyBackend>& backends);
    ~HaproxyProcess();

    // Writes the config and returns once the frontend accepts connections (backends may still be down).
    bool start();
    void stop(); // SIGTERM (HAProxy's hard stop), waits
    void kill(); // SIGKILL, waits

    bool isRunning() const { return m_process.isRunning(); }
    quint16 port() const { return m_port; }
    QString url() const; // ws://127.0.0.1:PORT
    QString configPath() const;
    QString errorString() const { return m_error.isEmpty() ? m_process.errorString() : m_error; }

    static QByteArray config(const QList<HaproxyBackend>& backends, quint16 frontendPort);

private:
    QList<HaproxyBackend> m_backends;
    QTemporaryDir m_folder;
    quint16 m_port = 0;
    ServiceProcess m_process;
    QString m_error;
};

} // namespace chat::test
