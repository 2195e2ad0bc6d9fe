#include "cli/ServerCli.h"
#include "core/ServerRunner.h"

#include <QCoreApplication>

int main(int argc, char* argv[])
{
    // Qt's own UNIX event dispatcher: GLib's makes large fan-outs quadratic (see ../shared/TOOLCHAIN.md).
    qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("chat-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CHAT_VERSION));
    return chat::server::runCliMain(QCoreApplication::arguments(), chat::server::runServer);
}
