#pragma once

#include "RpcError.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace chat::jsonrpc {

// One decoded JSON-RPC 2.0 message. Batches are refused (InvalidRequest) by design: one frame, one message.
struct Message {
    enum class Kind { Request, Notification, Response };
    Kind kind = Kind::Request;
    QJsonValue id; // request/response id (string or number); Undefined for notifications
    QString method;
    QJsonObject params; // absent params decode as {}
    QJsonObject result; // responses: the result object (results are always objects in this protocol)
    std::optional<RpcError> error; // responses: the error, when the call failed

    bool isRequest() const { return kind == Kind::Request; }
    bool isNotification() const { return kind == Kind::Notification; }
    bool isResponse() const { return kind == Kind::Response; }
};

// What went wrong decoding a frame: the error to answer with, and the request id when it could be read.
struct DecodeFailure {
    RpcError error;
    QJsonValue id = QJsonValue::Null;
    bool answered = true; // false for a notification: JSON-RPC never answers one, even a malformed one
};

struct Decoded {
    std::optional<Message> message;
    std::optional<DecodeFailure> failure;
};

Decoded decode(const QByteArray& utf8Json);

QByteArray encodeRequest(const QJsonValue& id, const QString& method, const QJsonObject& params);
QByteArray encodeNotification(const QString& method, const QJsonObject& params);
QByteArray encodeResult(const QJsonValue& id, const QJsonObject& result);
QByteArray encodeError(const QJsonValue& id, const RpcError& error);

} // namespace chat::jsonrpc
