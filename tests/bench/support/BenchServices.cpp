#include "BenchServices.h"

#include "PostgresProcess.h"
#include "RedisProcess.h"

QString BenchTopology::label() const
{
    if (nodes > 1)
        return QStringLiteral("postgres, %1 nodes").arg(nodes);
    return postgres ? QStringLiteral("postgres") : QStringLiteral("sqlite");
}

BenchServices::BenchServices(const BenchTopology& topology)
    : m_topology(topology)
{
    if (topology.postgres || topology.nodes > 1) {
        m_postgres = std::make_unique<PostgresProcess>();
        if (!m_postgres->initialize())
            qFatal("PostgreSQL did not start: %s", qPrintable(m_postgres->errorString()));
        // The postmaster and its children so far; backends forked later inherit its core.
        for (qint64 pid : m_postgres->serverPids()) {
            if (!BenchProcess::pinToServerCore(pid))
                qFatal("cannot pin PostgreSQL process %lld to BENCH_SERVER_CPU", pid);
        }
    }
    if (topology.nodes > 1) {
        m_redis = std::make_unique<chat::test::RedisProcess>();
        if (!m_redis->start())
            qFatal("redis-server did not start: %s", qPrintable(m_redis->errorString()));
        if (!BenchProcess::pinToServerCore(m_redis->pid()))
            qFatal("cannot pin redis-server to BENCH_SERVER_CPU");
    }
}

BenchServices::~BenchServices() = default;

chat::server::DatabaseConfig BenchServices::databaseConfig(const QString& sqlitePath) const
{
    chat::server::DatabaseConfig config;
    config.path = sqlitePath;
    if (m_postgres) {
        config.driver = chat::server::DatabaseConfig::Driver::Postgres;
        config.host = m_postgres->host();
        config.port = m_postgres->port();
        config.name = m_postgres->databaseName();
        config.user = m_postgres->user();
        config.password = m_postgres->password();
        config.sslMode = QStringLiteral("disable");
    }
    return config;
}

QString BenchServices::iniSections(int node) const
{
    if (!m_postgres)
        return QStringLiteral("[database]\npath=chat.sqlite3\n");
    QString ini = QStringLiteral("[database]\ndriver=postgres\nhost=%1\nport=%2\nname=%3\nuser=%4\npassword_file=%5\n"
                                 "sslmode=disable\n")
                      .arg(m_postgres->host())
                      .arg(m_postgres->port())
                      .arg(m_postgres->databaseName(), m_postgres->user(), m_postgres->passwordFile());
    if (m_redis)
        ini += QStringLiteral("[cluster]\nredis=%1\nnode=node-%2\n").arg(m_redis->url()).arg(node);
    return ini;
}

QList<ProcessCpu> BenchServices::cpuSeconds() const
{
    QList<ProcessCpu> cpu;
    if (m_postgres) {
        // The postmaster's reaped children count too, so that a worker that exits mid-run is not lost.
        const qint64 postmaster = m_postgres->postmasterPid();
        double seconds = 0;
        for (qint64 pid : m_postgres->serverPids())
            seconds += BenchProcess::cpuSecondsOf(pid, pid == postmaster);
        cpu.append({ QStringLiteral("PostgreSQL"), seconds });
    }
    if (m_redis)
        cpu.append({ QStringLiteral("redis-server"), BenchProcess::cpuSecondsOf(m_redis->pid()) });
    return cpu;
}
