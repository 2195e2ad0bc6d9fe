#pragma once

#include "RpcError.h"

#include <QCoreApplication>
#include <QUrl>

namespace chat::client {

// Turns a server's error reason into the sentence the sign-in dialogs show.
class AuthErrorText {
    Q_DECLARE_TR_FUNCTIONS(AuthErrorText)
public:
    static QString describe(const RpcError& error, const QUrl& server);
};

} // namespace chat::client
