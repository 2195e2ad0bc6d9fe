#pragma once

#include <QProcess>
#include <QTemporaryDir>
#include <QUrl>

namespace chat::test {

// chat-server as its own process, the way operators run it: a config file, a SQLite file beside it.
class ServerProcess {
public:
    ServerProcess();
    ~ServerProcess();

    void writeConfig(const QString& extraIni = {});
    QString configPath() const { return m_dir.filePath(QStringLiteral("server.ini")); }
    QString folder() const { return m_dir.path(); }

    bool start(int timeoutMs = 20000); // waits for the "listening on" line
    void kill(); // SIGKILL: no chance to clean up
    int terminate(int timeoutMs = 20000); // SIGTERM; returns the exit code, -1 on timeout or crash
    QUrl url() const { return m_url; }
    // Runs an admin subcommand (e.g. {"user", "add", "carol"}) on this server's config as its own process,
    // the way an operator would beside the running server; returns the exit code (-1: did not finish).
    int runAdmin(const QStringList& words, const QString& input = {}, QString* output = nullptr) const;
    QString output() const { return m_output; }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    QUrl m_url;
    QString m_output;
};

} // namespace chat::test
