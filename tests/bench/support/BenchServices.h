#pragma once

#include "BenchProcess.h"
#include "config/ServerConfig.h"

#include <QString>

#include <memory>

class PostgresProcess;
namespace chat::test {
class RedisProcess;
}

// Where the product under measurement keeps its data: SQLite in one file (one node), or PostgreSQL,
// and with more than one node a cluster of chat-servers that share PostgreSQL and talk through Redis.
struct BenchTopology {
    bool postgres = false;
    int nodes = 1; // > 1 implies postgres

    bool isDefault() const { return !postgres && nodes == 1; }
    QString label() const; // "sqlite", "postgres", "postgres, 2 nodes"
};

// The third-party services a topology needs, started from scratch for one run: PostgreSQL (fsync on, as
// in production: an acknowledged message is on disk) and redis-server, both pinned to the servers' core.
class BenchServices {
public:
    explicit BenchServices(const BenchTopology& topology);
    ~BenchServices();
    BenchServices(const BenchServices&) = delete;
    BenchServices& operator=(const BenchServices&) = delete;

    // The store the seeding code opens; `sqlitePath` when the topology has no PostgreSQL.
    chat::server::DatabaseConfig databaseConfig(const QString& sqlitePath) const;
    // The [database] and [cluster] sections of node `node`'s server.ini.
    QString iniSections(int node) const;
    // PostgreSQL (postmaster and every backend and worker, summed) and redis-server, where running.
    QList<ProcessCpu> cpuSeconds() const;

private:
    BenchTopology m_topology;
    std::unique_ptr<PostgresProcess> m_postgres;
    std::unique_ptr<chat::test::RedisProcess> m_redis;
};
