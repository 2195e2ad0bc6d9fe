#pragma once

#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QUrl>

namespace chat::test {

// chat-server as its own process, the way operators run it: a config file the test writes in `folder`,
// a database wherever the test puts it, and its standard output and error kept apart and whole.
class ServerUnderTest {
public:
    explicit ServerUnderTest(const QString& folder);
    ~ServerUnderTest();
    ServerUnderTest(const ServerUnderTest&) = delete;
    ServerUnderTest& operator=(const ServerUnderTest&) = delete;

    // `databasePath` relative to `folder` or absolute; `extraIni` is appended (more sections and keys).
    bool writeConfig(const QString& databasePath, const QString& extraIni = {});
    QString configPath() const;
    // QT_LOGGING_RULES for the processes started from now on (the server's own way to set verbosity).
    void setLoggingRules(const QString& rules) { m_loggingRules = rules; }

    // Starts and waits for the "listening on" line: false when the process ended first or took too long.
    bool start(int timeoutMs = 20000);
    // Starts and waits for the process to end by itself, e.g. on a startup error. Its exit code; -1 when it
    // crashed or did not end in time.
    int runToExit(int timeoutMs = 30000);
    void kill(); // SIGKILL, and waits for the end
    int terminate(int timeoutMs = 20000); // SIGTERM; the exit code, -1 on a crash or timeout
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    QUrl url() const { return m_url; }

    // Of the latest run, everything so far.
    QString standardOutput() const { return m_stdout; }
    QString standardError() const { return m_stderr; }
    // Of every run and admin command since construction: what an operator's log would hold.
    QString everythingWritten() const { return m_history + m_stdout + m_stderr; }

    struct AdminRun {
        int exitCode = -1; // -1: crashed or did not finish
        QString out;
        QString err;
    };
    // An admin subcommand on this config as its own process, beside the server; `input` is its standard input.
    AdminRun runAdmin(const QStringList& words, const QString& input = {});

private:
    QProcessEnvironment environment() const;
    void startProcess();

    QString m_folder;
    QString m_loggingRules;
    QProcess m_process;
    QUrl m_url;
    QString m_stdout;
    QString m_stderr;
    QString m_history;
};

} // namespace chat::test
