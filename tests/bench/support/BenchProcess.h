#pragma once

#include <QList>
#include <QProcess>
#include <QStringList>
#include <QUrl>

// CPU time a server-side process (or a group of them, such as PostgreSQL's) has used so far.
struct ProcessCpu {
    QString name;
    double seconds = 0;
};

// A server under measurement, run as its own process: pinned to the core named by BENCH_SERVER_CPU
// (through taskset) so that it never shares a core with the load generator, started until it prints
// "listening on ws://...", and observed through /proc (memory, CPU time).
class BenchProcess {
public:
    BenchProcess() = default;
    ~BenchProcess();
    BenchProcess(const BenchProcess&) = delete;
    BenchProcess& operator=(const BenchProcess&) = delete;

    bool start(const QString& program, const QStringList& arguments);
    void stop(); // SIGTERM, then SIGKILL after 30 s
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    QUrl url() const { return m_url; }

    qint64 pid() const; // the server itself, not taskset
    qint64 rssKiB() const { return rssKiBOf(pid()); }
    static qint64 rssKiBOf(qint64 pid); // any process, this one included
    double cpuSeconds() const { return cpuSecondsOf(pid()); } // user + system time so far
    // Any process: user + system time, plus that of its children it has reaped (withReaped).
    static double cpuSecondsOf(qint64 pid, bool withReaped = false);
    // Moves a running process (every thread) to the core(s) named by BENCH_SERVER_CPU, as start() does
    // for its own; for services the generator starts, which would otherwise inherit its core.
    static bool pinToServerCore(qint64 pid);
    // A benchmark that aborts (qFatal) runs no destructors: its children die with it instead of running on.
    static void killWithParent(QProcess& process);

private:
    QProcess m_process;
    QUrl m_url;
};
