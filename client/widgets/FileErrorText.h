#pragma once

#include "RpcError.h"

#include <QCoreApplication>

namespace chat::client {

// Why a file could not be sent, in words: quota_exceeded (whose quota, how full), too_large (the server's limit),
// file_rejected by its cause, and the client's own failures.
class FileErrorText {
    Q_DECLARE_TR_FUNCTIONS(FileErrorText)
public:
    static QString describe(const RpcError& error);
};

} // namespace chat::client
