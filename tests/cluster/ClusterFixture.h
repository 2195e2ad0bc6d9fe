#pragma once

#include "HaproxyProcess.h"
#include "PostgresProcess.h"
#include "RedisProcess.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>
#include <vector>

namespace chat::test {

// One chat-server node of a test cluster, as its own process with its own config file.
class ClusterNode {
public:
    ClusterNode(const QString& name, const QString& ini);
    ~ClusterNode();

    bool start(int timeoutMs = 30000); // waits for the "listening on" line
    void kill(); // SIGKILL
    int terminate(); // SIGTERM; the exit code, -1 on timeout or crash
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    QUrl url() const;
    quint16 webSocketPort() const { return m_wsPort; }
    quint16 httpPort() const { return m_httpPort; }
    QString name() const { return m_name; }
    QString configPath() const { return m_dir.filePath(QStringLiteral("server.ini")); }
    QString output() const { return m_output; }
    // An admin subcommand on this node's config, as its own process; returns the exit code.
    int runAdmin(const QStringList& words, const QString& input = {}) const;

private:
    friend class ClusterFixture;
    QString m_name;
    QTemporaryDir m_dir;
    QProcess m_process;
    QString m_output;
    quint16 m_wsPort = 0;
    quint16 m_httpPort = 0;
};

// PostgreSQL, redis-server, HAProxy and N chat-server nodes on free loopback ports, the way docs/deploy.md
// describes a cluster; everything stops when the fixture goes.
class ClusterFixture {
public:
    ClusterFixture();
    ~ClusterFixture();

    bool start(int nodeCount); // false with errorString()
    QString errorString() const { return m_error; }

    ClusterNode& node(int index) { return *m_nodes.at(size_t(index)); }
    int nodeCount() const { return int(m_nodes.size()); }
    QUrl balancerUrl() const { return QUrl(m_haproxy->url()); }
    PostgresProcess& postgres() { return m_postgres; }
    RedisProcess& redis() { return m_redis; }
    QString filesFolder() const { return m_files.filePath(QStringLiteral("files")); } // every node's, shared
    // An HTTP GET on a node's health port; the status code (0: no answer).
    int healthStatus(int nodeIndex);
    // One value from a node's /metrics (a gauge or counter without labels); -1 if absent.
    double metric(int nodeIndex, const QByteArray& name);

private:
    bool fail(const QString& error);
    QPair<int, QByteArray> httpGet(int nodeIndex, const QString& path);

    PostgresProcess m_postgres;
    RedisProcess m_redis;
    QTemporaryDir m_files;
    std::unique_ptr<HaproxyProcess> m_haproxy;
    std::vector<std::unique_ptr<ClusterNode>> m_nodes;
    QString m_error;
};

} // namespace chat::test
