#pragma once

#include "ServiceProcess.h"

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace chat::test {

// A throwaway redis-server on a free loopback port, without persistence. The port is chosen by the first
// start() and kept, so that restart() brings Redis back where clients expect it.
class RedisProcess {
public:
    // extraArguments go to redis-server, e.g. {"--requirepass", "secret"}.
    explicit RedisProcess(const QStringList& extraArguments = {});
    ~RedisProcess();

    // Returns once Redis accepts connections; false (see errorString()) if it did not start.
    bool start();
    bool restart(); // start again on the same port after stop() or kill()
    void stop(); // SIGTERM, waits for the exit
    void kill(); // SIGKILL, waits for the exit
    void pause(); // SIGSTOP: the socket stays open but nothing answers
    void resume(); // SIGCONT

    bool isRunning() const { return m_process.isRunning(); }
    qint64 pid() const { return m_process.pid(); } // redis-server itself (benchmarks read its CPU time)
    quint16 port() const { return m_port; }
    QString url() const; // redis://127.0.0.1:PORT
    QString errorString() const { return m_process.errorString(); }

private:
    QStringList m_extraArguments;
    QTemporaryDir m_folder;
    quint16 m_port = 0;
    ServiceProcess m_process;
};

} // namespace chat::test
