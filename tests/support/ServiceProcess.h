#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

#include <memory>

namespace chat::test {

// A child process that serves on a loopback port: started, then waited for until the port accepts.
// RedisProcess and HaproxyProcess are each one of these with their own arguments.
class ServiceProcess {
public:
    ~ServiceProcess();

    // programName is looked up in PATH and the sbin folders. False (see errorString()) if it did not come up.
    bool start(const QString& programName, const QStringList& arguments, const QString& workingFolder, quint16 port);
    void stop(); // SIGTERM, waits for the exit (SIGKILL after 10 s)
    void kill(); // SIGKILL, waits for the exit
    void signal(int number); // e.g. SIGSTOP / SIGCONT

    bool isRunning() const;
    qint64 pid() const { return m_process ? m_process->processId() : 0; }
    QString errorString() const { return m_error; }

private:
    std::unique_ptr<QProcess> m_process;
    QString m_error;
};

} // namespace chat::test
