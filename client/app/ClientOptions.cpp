#include "ClientOptions.h"

#include <QCommandLineParser>

namespace chat::client {

ClientOptions ClientOptions::fromCommandLine(const QCoreApplication& app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Desktop client for chat-server"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption profile(QStringLiteral("profile"),
        tr("Keep settings and the saved session under <name>, e.g. to sign in a second user."), tr("name"));
    const QCommandLineOption server(
        QStringLiteral("server"), tr("Server address to offer, e.g. ws://host:7447."), tr("url"));
    parser.addOptions({ profile, server });
    parser.process(app);
    return ClientOptions { parser.value(profile), parser.value(server) };
}

} // namespace chat::client
