#pragma once

#include <QProcess>
#include <QStringList>
#include <QUrl>

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
    double cpuSeconds() const; // user + system time so far

private:
    QProcess m_process;
    QUrl m_url;
};
