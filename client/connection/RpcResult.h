#pragma once

#include "RpcError.h"

#include <QJsonObject>

#include <functional>
#include <optional>

namespace chat::client {

// The answer to one request: its result object, or the error (a server error, a timeout or a lost
// connection).
struct RpcResult {
    QJsonObject result;
    std::optional<RpcError> error;

    bool ok() const { return !error.has_value(); }
    QString reason() const { return error ? error->reason : QString(); }
};

using RpcCallback = std::function<void(const RpcResult&)>;

} // namespace chat::client
