#pragma once

#include "BenchProcess.h"
#include "BenchServices.h"

#include <QList>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>
#include <vector>

// The product under measurement: a store seeded directly (fast, no protocol) and one chat-server process
// on it per node, with limits opened wide so that the load is never throttled. The store is a SQLite file
// in a temporary folder, or a throwaway PostgreSQL that the nodes share (see BenchTopology).
class BenchSetup {
public:
    static inline const QString password = QStringLiteral("benchmark password");

    explicit BenchSetup(const BenchTopology& topology = {});
    ~BenchSetup();

    QString databasePath() const { return m_dir.filePath(QStringLiteral("chat.sqlite3")); }
    // Seeds `users` accounts named user0, user1, ... (password above) with one session each; returns
    // their tokens (index = user id - 1).
    QStringList seedUsers(int users);
    // The direct room of each pair (user ids 1+2, 3+4, ...); returns the room ids in pair order.
    QList<qint64> seedDirectRooms(int pairs);
    // A group room of `members` holding `messages` messages sent by the first member; returns its id.
    qint64 seedRoom(const QString& name, qint64 messages, const QList<qint64>& members);

    bool startServer(const QString& extraIni = {}); // every node; false if one did not start
    void stopServer();
    QUrl url() const { return server().url(); }
    const BenchProcess& server() const { return node(0); }
    const BenchProcess& node(int index) const { return *m_nodes.at(index); }
    int nodeCount() const { return m_topology.nodes; }
    qint64 serverRssKiB() const { return server().rssKiB(); }
    // CPU time so far of each node, then of the services (PostgreSQL summed over its processes, Redis).
    QList<ProcessCpu> cpuSeconds() const;

private:
    BenchTopology m_topology;
    QTemporaryDir m_dir;
    BenchServices m_services;
    std::vector<std::unique_ptr<BenchProcess>> m_nodes;
};
