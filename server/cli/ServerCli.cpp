#include "ServerCli.h"

#include "AdminCommands.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

namespace chat::server {

int runCli(const QStringList& arguments, QTextStream& in, QTextStream& out, QTextStream& err, const ServerMain& serve)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("chat-server " CHAT_VERSION ": a self-hosted team chat server (WebSocket, JSON-RPC 2.0).\n\n"
                       "Without a command it serves until SIGINT or SIGTERM.\n\n")
        + AdminCommands::usage()
        + QStringLiteral("\nExit status: 0 success, 1 the command failed, 2 bad usage or configuration."));
    const QCommandLineOption configOption(QStringLiteral("config"),
        QStringLiteral("The server's ini file (missing keys take their defaults)."), QStringLiteral("file"));
    const QCommandLineOption helpOption(
        { QStringLiteral("h"), QStringLiteral("help") }, QStringLiteral("Show this help."));
    const QCommandLineOption versionOption(
        { QStringLiteral("v"), QStringLiteral("version") }, QStringLiteral("Show the version."));
    parser.addOption(configOption);
    parser.addOption(helpOption);
    parser.addOption(versionOption);
    parser.addPositionalArgument(
        QStringLiteral("command"), QStringLiteral("An admin command (see above)."), QStringLiteral("[command...]"));

    if (!parser.parse(arguments)) {
        err << "chat-server: " << parser.errorText() << "\nTry chat-server --help." << Qt::endl;
        return exitcode::Usage;
    }
    if (parser.isSet(helpOption)) {
        out << parser.helpText() << Qt::flush;
        return exitcode::Ok;
    }
    if (parser.isSet(versionOption)) {
        out << "chat-server " CHAT_VERSION << Qt::endl;
        return exitcode::Ok;
    }

    ServerConfig config = defaultServerConfig();
    if (parser.isSet(configOption)) {
        auto loaded = loadServerConfig(parser.value(configOption));
        if (!loaded) {
            err << "chat-server: bad configuration: " << loaded.error().toString() << Qt::endl;
            return exitcode::Usage;
        }
        config = std::move(loaded).value();
    }

    const QStringList command = parser.positionalArguments();
    if (!command.isEmpty()) {
        AdminCommands admin(config, in, out, err);
        return admin.run(command);
    }
    return serve(config);
}

int runCliMain(const QStringList& arguments, const ServerMain& serve)
{
    QTextStream in(stdin);
    QTextStream out(stdout);
    QTextStream err(stderr);
    return runCli(arguments, in, out, err, serve);
}

} // namespace chat::server
