#pragma once

#include <QCoreApplication>
#include <QString>

namespace chat::client {

// chat-client's command line. Read with a plain QCoreApplication, before any window system is needed, so
// that --help, --version and a mistyped option answer in a terminal without a display (e.g. over ssh).
class ClientOptions {
    Q_DECLARE_TR_FUNCTIONS(ClientOptions)
public:
    // Prints and exits for --help, --version and bad options.
    static ClientOptions fromCommandLine(const QCoreApplication& app);

    QString profile; // keeps settings and the saved session apart, e.g. for a second user
    QString server; // the address to offer in the dialogs
};

} // namespace chat::client
