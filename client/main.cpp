#include "AppController.h"

#include "Icons.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>
#include <QUrl>

int main(int argc, char* argv[])
{
    qputenv("QT_NO_GLIB", "1"); // Qt's own event dispatcher: see TOOLCHAIN.md
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("chat"));
    QApplication::setApplicationName(QStringLiteral("chat-client"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Desktop client for chat-server"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption profile(QStringLiteral("profile"),
        QStringLiteral("Keep settings and the saved session under <name>, e.g. to sign in a second user."),
        QStringLiteral("name"));
    const QCommandLineOption server(QStringLiteral("server"),
        QStringLiteral("Server address to offer, e.g. ws://host:7447."), QStringLiteral("url"));
    parser.addOptions({ profile, server });
    parser.process(app);
    if (parser.isSet(profile))
        QApplication::setApplicationName(QStringLiteral("chat-client-") + parser.value(profile));
    QApplication::setApplicationDisplayName(QStringLiteral("Chat"));
    QApplication::setApplicationVersion(QStringLiteral(CHAT_VERSION));
    QApplication::setWindowIcon(chat::client::Icons::app());
    QApplication::setDesktopFileName(QStringLiteral("chat-client"));

    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("chat-client"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

    chat::client::AppController controller(chat::client::TokenStore::backendFromEnvironment());
    QObject::connect(&controller, &chat::client::AppController::quitRequested, &app, &QApplication::quit);
    if (parser.isSet(server))
        controller.offerServer(parser.value(server));
    controller.start();
    return app.exec();
}
