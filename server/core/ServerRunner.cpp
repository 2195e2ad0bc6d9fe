#include "ServerRunner.h"

#include "ChatServer.h"
#include "Logging.h"
#include "ShutdownSignals.h"

#include <QCoreApplication>
#include <QTextStream>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

namespace chat::server {

void raiseFileLimit()
{
#ifdef Q_OS_UNIX
    rlimit limit {};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
#endif
}

int runServer(const ServerConfig& config)
{
    raiseFileLimit();
    ChatServer server(config);
    ShutdownSignals signals;
    auto started = server.start();
    if (!started) {
        QTextStream(stderr) << "chat-server: " << started.error() << Qt::endl;
        return 1;
    }
    // One line on stdout that scripts and tests can wait for; the port matters when the config says 0.
    QTextStream(stdout) << "chat-server listening on " << server.url().toString() << Qt::endl;
    if (const QString http = server.httpUrl(); !http.isEmpty())
        QTextStream(stdout) << "chat-server http on " << http << Qt::endl;
    QObject::connect(&signals, &ShutdownSignals::shutdownRequested, &server, [&server](int signalNumber) {
        qCInfo(lcServer) << "signal" << signalNumber << "received; shutting down";
        server.stop();
        QCoreApplication::quit();
    });
    return QCoreApplication::exec();
}

} // namespace chat::server
