#pragma once

#include "JsonRpc.h"
#include "Limits.h"
#include "ParamsExercise.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QString>

// What the fuzz target and the corpus replay test both do with one frame: decode it the way the server does,
// parse its params as every method would, and check the properties that must hold for any input.
// Returns an empty string, or a description of the broken property.
namespace chat::fuzz {

namespace detail {

inline QString describe(const QJsonValue& value)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray { value }).toJson());
}

inline QString sameMessage(const jsonrpc::Message& a, const jsonrpc::Message& b)
{
    if (a.kind != b.kind || a.method != b.method || a.params != b.params || a.result != b.result)
        return QStringLiteral("re-encoding changed the message");
    if (a.id != b.id)
        return QStringLiteral("re-encoding changed the id %1 into %2").arg(describe(a.id), describe(b.id));
    if (a.error.has_value() != b.error.has_value())
        return QStringLiteral("re-encoding lost or invented an error");
    if (a.error
        && (a.error->code != b.error->code || a.error->reason != b.error->reason || a.error->message != b.error->message
            || a.error->extra != b.error->extra))
        return QStringLiteral("re-encoding changed the error");
    return {};
}

} // namespace detail

inline QString exerciseDecoder(const QByteArray& frame)
{
    const Limits limits;
    const jsonrpc::Decoded decoded = jsonrpc::decode(frame);
    if (decoded.message.has_value() == decoded.failure.has_value())
        return QStringLiteral("decode() must give exactly one of a message and a failure");

    if (decoded.failure) {
        const RpcError& error = decoded.failure->error;
        const QJsonValue& id = decoded.failure->id;
        if (error.code >= 0 || error.reason.isEmpty() || error.message.isEmpty())
            return QStringLiteral("a decode failure without code, reason or message");
        if (!id.isNull() && !id.isString() && !id.isDouble())
            return QStringLiteral("a decode failure echoes an id of the wrong type");
        // The server's answer to this frame must itself be a valid response for the client.
        const jsonrpc::Decoded answer = jsonrpc::decode(jsonrpc::encodeError(id, error));
        if (!answer.message || !answer.message->isResponse() || !answer.message->error)
            return QStringLiteral("the error response to a bad frame does not decode: %1")
                .arg(answer.failure ? answer.failure->error.message : QString());
        if (answer.message->id != id || answer.message->error->code != error.code
            || answer.message->error->reason != error.reason)
            return QStringLiteral("the error response to a bad frame does not survive a round trip");
        return {};
    }

    const jsonrpc::Message& message = *decoded.message;
    QByteArray reencoded;
    switch (message.kind) {
    case jsonrpc::Message::Kind::Request:
        reencoded = jsonrpc::encodeRequest(message.id, message.method, message.params);
        break;
    case jsonrpc::Message::Kind::Notification:
        reencoded = jsonrpc::encodeNotification(message.method, message.params);
        break;
    case jsonrpc::Message::Kind::Response:
        reencoded = message.error ? jsonrpc::encodeError(message.id, *message.error)
                                  : jsonrpc::encodeResult(message.id, message.result);
        break;
    }
    const jsonrpc::Decoded again = jsonrpc::decode(reencoded);
    if (!again.message)
        return QStringLiteral("a decoded message does not decode after re-encoding: %1")
            .arg(again.failure->error.message);
    if (QString problem = detail::sameMessage(message, *again.message); !problem.isEmpty())
        return problem;
    if (message.isResponse())
        return {};

    // Every method's parser sees every request, as a client could send any params to any method.
    return exerciseEveryParamsParser(message.params, limits);
}

} // namespace chat::fuzz
