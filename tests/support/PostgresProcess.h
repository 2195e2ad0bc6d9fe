#pragma once

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

// A throwaway PostgreSQL server for tests: initdb in a temporary folder (as an unprivileged OS user
// when the test runs as root, since initdb refuses root), listening on a free loopback port and on a
// unix socket inside that folder. The role has a password (TCP connections must give it), so tests
// can use password_file. Every wait is pg_ctl -w or a check with a deadline, never a fixed sleep.
// The destructor stops the server; the folder goes with it.
class PostgresProcess {
public:
    PostgresProcess();
    ~PostgresProcess();
    PostgresProcess(const PostgresProcess&) = delete;
    PostgresProcess& operator=(const PostgresProcess&) = delete;

    // A postgresql.conf setting for every start, e.g. ("fsync", "off"); call before initialize().
    void setServerSetting(const QString& name, const QString& value);

    // initdb, start, and create the database databaseName(). False with errorString() on failure.
    bool initialize();
    bool start(); // pg_ctl start -w, on the same port and data as before
    bool stop(); // pg_ctl stop -m fast -w: clients are disconnected, data is kept
    bool kill(); // SIGKILL to the postmaster and its backends, as in a crash; returns once they are gone
    bool createDatabase(const QString& name);
    bool isRunning() const { return m_running; }

    QString host() const { return QStringLiteral("127.0.0.1"); }
    quint16 port() const { return m_port; }
    QString user() const { return QStringLiteral("postgres"); }
    QString password() const { return m_password; }
    QString passwordFile() const; // the password and a newline, as operators write it
    QString databaseName() const { return QStringLiteral("chat"); }
    QString socketDirectory() const;
    QString dataDirectory() const;
    QString logFile() const;
    QString errorString() const { return m_error; }
    qint64 postmasterPid() const; // 0 when not running
    QList<qint64> serverPids() const; // the postmaster and its children (backends and workers); benchmarks

private:
    bool runTool(const QString& tool, const QStringList& arguments, int timeoutMs);
    bool prepareFolder(const QString& path);
    bool fail(const QString& message);

    QTemporaryDir m_dir;
    QString m_binDir;
    QString m_osUser; // empty: run the tools as the current user
    QStringList m_settings;
    QString m_password;
    QString m_error;
    quint16 m_port = 0;
    bool m_running = false;
};
