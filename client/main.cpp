#include "AppController.h"

#include "Icons.h"

#include <QApplication>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

int main(int argc, char* argv[])
{
    qputenv("QT_NO_GLIB", "1"); // Qt's own event dispatcher: see TOOLCHAIN.md
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("chat"));
    QApplication::setApplicationName(QStringLiteral("chat-client"));
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
    controller.start();
    return app.exec();
}
