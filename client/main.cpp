#include "AppController.h"
#include "ClientOptions.h"
#include "Icons.h"
#include "Translations.h"

#include <QApplication>
#include <QIcon>

// No QT_NO_GLIB here (unlike the server): the keychain's Secret Service backend and desktop integration
// run on GLib's main loop, which Qt's default dispatcher on Linux provides.
int main(int argc, char* argv[])
{
    QCoreApplication::setOrganizationName(QStringLiteral("chat"));
    QCoreApplication::setApplicationName(QStringLiteral("chat-client"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CHAT_VERSION));
    chat::client::ClientOptions options;
    {
        const QCoreApplication commandLine(argc, argv); // no display needed to print --help
        const chat::client::Translations translations;
        options = chat::client::ClientOptions::fromCommandLine(commandLine);
    }

    QApplication app(argc, argv);
    QApplication::setQuitOnLastWindowClosed(false); // a window closed to the tray is not the end: quitRequested is
    if (!options.profile.isEmpty())
        QApplication::setApplicationName(QStringLiteral("chat-client-") + options.profile);
    QApplication::setApplicationDisplayName(QStringLiteral("Chat"));
    QApplication::setWindowIcon(chat::client::Icons::app());
    QApplication::setDesktopFileName(QStringLiteral("chat-client"));
    const chat::client::Translations translations;

    chat::client::AppController controller(chat::client::TokenStore::backendFromEnvironment());
    QObject::connect(&controller, &chat::client::AppController::quitRequested, &app, &QApplication::quit);
    if (!options.server.isEmpty())
        controller.offerServer(options.server);
    controller.start();
    return app.exec();
}
