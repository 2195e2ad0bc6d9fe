#include "JsonRpc.h"

#include "Protocol.h"
#include "StrictJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace chat::jsonrpc {

namespace key = protocol::key;

namespace {

constexpr QLatin1String Version2 { "2.0" };

bool isValidId(const QJsonValue& id)
{
    // JSON-RPC allows null too, but a null id cannot be matched to its answer: refuse it.
    return id.isString() || (id.isDouble());
}

Decoded fail(RpcError error, QJsonValue id = QJsonValue::Null, bool answered = true)
{
    return Decoded { std::nullopt, DecodeFailure { std::move(error), std::move(id), answered } };
}

QByteArray serialize(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

Decoded decode(const QByteArray& utf8Json)
{
    const json::StrictCheck strict = json::checkStrict(utf8Json);
    if (!strict.isValid())
        return fail(RpcError::parseError(
            QStringLiteral("Malformed JSON at offset %1: %2").arg(*strict.errorOffset).arg(strict.error)));
    if (!strict.topLevelIsContainer)
        return fail(RpcError::invalidRequest(QStringLiteral("A message must be a JSON object")));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json::escapeByteOrderMarks(utf8Json), &parseError);
    if (parseError.error != QJsonParseError::NoError) // grammatical, but e.g. a number beyond a double's range
        return fail(RpcError::parseError(
            QStringLiteral("Malformed JSON at offset %1: %2").arg(parseError.offset).arg(parseError.errorString())));
    if (doc.isArray())
        return fail(RpcError::invalidRequest(QStringLiteral("Batches are not supported: send one message per frame")));

    const QJsonObject object = doc.object();
    const QJsonValue idValue = object.value(key::Id);
    const bool hasId = object.contains(key::Id);
    const QJsonValue replyId = hasId && isValidId(idValue) ? idValue : QJsonValue(QJsonValue::Null);
    // JSON-RPC answers a request whose id could not be read with "id": null; only such an error may carry it.
    const bool isNullIdError = idValue.isNull() && !object.contains(key::Method) && object.contains(key::Error)
        && !object.contains(key::Result);

    if (object.value(key::JsonRpc).toString() != Version2)
        return fail(RpcError::invalidRequest(QStringLiteral("\"jsonrpc\" must be \"2.0\"")), replyId);
    if (hasId && !isValidId(idValue) && !isNullIdError)
        return fail(RpcError::invalidRequest(QStringLiteral("\"id\" must be a string or a number")));

    Message message;
    message.id = hasId ? idValue : QJsonValue(QJsonValue::Undefined);

    if (object.contains(key::Method)) {
        const QJsonValue method = object.value(key::Method);
        if (!method.isString() || method.toString().isEmpty())
            return fail(RpcError::invalidRequest(QStringLiteral("\"method\" must be a non-empty string")), replyId);
        if (object.contains(key::Result) || object.contains(key::Error))
            return fail(
                RpcError::invalidRequest(QStringLiteral("A request cannot carry \"result\" or \"error\"")), replyId);
        // A notification is never answered, not even when its params are unusable.
        const bool answered = hasId;
        const QJsonValue params = object.value(key::Params);
        if (!params.isUndefined() && !params.isObject())
            return fail(RpcError::invalidParams(QStringLiteral("\"params\" must be an object of named parameters")),
                replyId, answered);
        if (strict.loneSurrogateOffset)
            return fail(RpcError::invalidParams(
                            QStringLiteral("Strings must be valid Unicode: a lone surrogate escape at offset %1")
                                .arg(*strict.loneSurrogateOffset)),
                replyId, answered);
        if (strict.nonCharacterOffset)
            return fail(
                RpcError::invalidParams(
                    QStringLiteral("Strings cannot hold U+FFFE or U+FFFF (offset %1)").arg(*strict.nonCharacterOffset)),
                replyId, answered);
        message.kind = hasId ? Message::Kind::Request : Message::Kind::Notification;
        message.method = method.toString();
        message.params = params.toObject();
        return Decoded { std::move(message), std::nullopt };
    }

    const bool hasResult = object.contains(key::Result);
    const bool hasError = object.contains(key::Error);
    if (!hasId || hasResult == hasError)
        return fail(RpcError::invalidRequest(QStringLiteral(
                        "A message needs \"method\", or an \"id\" with exactly one of \"result\" and \"error\"")),
            replyId);
    message.kind = Message::Kind::Response;
    if (hasError) {
        const QJsonValue error = object.value(key::Error);
        if (!error.isObject() || !error.toObject().value(key::Code).isDouble())
            return fail(RpcError::invalidRequest(QStringLiteral("\"error\" must be an object with a numeric \"code\"")),
                replyId);
        message.error = RpcError::fromJson(error.toObject());
    } else {
        message.result = object.value(key::Result).toObject();
    }
    return Decoded { std::move(message), std::nullopt };
}

QByteArray encodeRequest(const QJsonValue& id, const QString& method, const QJsonObject& params)
{
    QJsonObject object { { key::JsonRpc, Version2 }, { key::Id, id }, { key::Method, method } };
    if (!params.isEmpty())
        object.insert(key::Params, params);
    return serialize(object);
}

QByteArray encodeNotification(const QString& method, const QJsonObject& params)
{
    return serialize(QJsonObject { { key::JsonRpc, Version2 }, { key::Method, method }, { key::Params, params } });
}

QByteArray encodeResult(const QJsonValue& id, const QJsonObject& result)
{
    return serialize(QJsonObject { { key::JsonRpc, Version2 }, { key::Id, id }, { key::Result, result } });
}

QByteArray encodeError(const QJsonValue& id, const RpcError& error)
{
    return serialize(QJsonObject { { key::JsonRpc, Version2 }, { key::Id, id }, { key::Error, error.toJson() } });
}

} // namespace chat::jsonrpc
