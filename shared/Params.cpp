#include "Params.h"

#include "Limits.h"
#include "Protocol.h"
#include "Validation.h"

#include <cmath>

namespace chat::params {

namespace key = protocol::key;

namespace {

constexpr double MaxSafeInteger = 9007199254740991.0; // 2^53 - 1: the largest integer JSON numbers carry exactly

RpcError missing(QLatin1String name)
{
    return RpcError::invalidParams(QStringLiteral("Missing \"%1\"").arg(name));
}

Expected<QString, RpcError> requiredString(const QJsonObject& json, QLatin1String name)
{
    const QJsonValue value = json.value(name);
    if (value.isUndefined())
        return missing(name);
    if (!value.isString())
        return RpcError::invalidParams(QStringLiteral("\"%1\" must be a string").arg(name));
    return value.toString();
}

// Positive integer ids and sequence numbers; minimum lets seq accept 0.
Expected<qint64, RpcError> integer(const QJsonValue& value, QLatin1String name, qint64 minimum)
{
    if (!value.isDouble())
        return RpcError::invalidParams(QStringLiteral("\"%1\" must be an integer").arg(name));
    const double number = value.toDouble();
    if (std::floor(number) != number || number < double(minimum) || number > MaxSafeInteger)
        return RpcError::invalidParams(
            QStringLiteral("\"%1\" must be an integer of at least %2").arg(name).arg(minimum));
    return qint64(number);
}

Expected<qint64, RpcError> requiredInteger(const QJsonObject& json, QLatin1String name, qint64 minimum = 1)
{
    const QJsonValue value = json.value(name);
    if (value.isUndefined())
        return missing(name);
    return integer(value, name, minimum);
}

} // namespace

Parsed<Credentials> Credentials::parse(const QJsonObject& json, const Limits& limits)
{
    auto username = requiredString(json, key::Username);
    if (!username)
        return username.error();
    auto password = requiredString(json, key::Password);
    if (!password)
        return password.error();
    if (username->size() > limit::MaxCredentialChars)
        return RpcError::tooLarge(QStringLiteral("\"username\" is far too long"));
    if (password->toUtf8().size() > limits.maxPasswordBytes)
        return RpcError::tooLarge(QStringLiteral("A password has at most %1 bytes").arg(limits.maxPasswordBytes));
    return Credentials { *username, *password };
}

QJsonObject Credentials::toJson() const
{
    return { { key::Username, username }, { key::Password, password } };
}

Parsed<Resume> Resume::parse(const QJsonObject& json, const Limits&)
{
    auto token = requiredString(json, key::Token);
    if (!token)
        return token.error();
    if (token->size() > limit::MaxCredentialChars)
        return RpcError::tokenInvalid();
    return Resume { *token };
}

QJsonObject Resume::toJson() const
{
    return { { key::Token, token } };
}

Parsed<Direct> Direct::parse(const QJsonObject& json, const Limits&)
{
    auto userId = requiredInteger(json, key::UserId);
    if (!userId)
        return userId.error();
    return Direct { *userId };
}

QJsonObject Direct::toJson() const
{
    return { { key::UserId, userId } };
}

Parsed<CreateRoom> CreateRoom::parse(const QJsonObject& json, const Limits& limits)
{
    auto name = requiredString(json, key::Name);
    if (!name)
        return name.error();
    if (auto error = validation::checkRoomName(*name, limits))
        return *error;
    return CreateRoom { name->trimmed() };
}

QJsonObject CreateRoom::toJson() const
{
    return { { key::Name, name } };
}

Parsed<RoomRef> RoomRef::parse(const QJsonObject& json, const Limits&)
{
    auto roomId = requiredInteger(json, key::RoomId);
    if (!roomId)
        return roomId.error();
    return RoomRef { *roomId };
}

QJsonObject RoomRef::toJson() const
{
    return { { key::RoomId, roomId } };
}

Parsed<Send> Send::parse(const QJsonObject& json, const Limits& limits)
{
    auto roomId = requiredInteger(json, key::RoomId);
    if (!roomId)
        return roomId.error();
    auto body = requiredString(json, key::Body);
    if (!body)
        return body.error();
    if (auto error = validation::checkBody(*body, limits))
        return *error;
    auto clientId = requiredString(json, key::ClientId);
    if (!clientId)
        return clientId.error();
    if (clientId->isEmpty() || validation::codePointCount(*clientId) > limits.maxClientIdChars)
        return RpcError::invalidParams(
            QStringLiteral("\"client_id\" has 1 to %1 characters").arg(limits.maxClientIdChars));
    return Send { *roomId, *body, *clientId };
}

QJsonObject Send::toJson() const
{
    return { { key::RoomId, roomId }, { key::Body, body }, { key::ClientId, clientId } };
}

Parsed<History> History::parse(const QJsonObject& json, const Limits& limits)
{
    auto roomId = requiredInteger(json, key::RoomId);
    if (!roomId)
        return roomId.error();
    History history;
    history.roomId = *roomId;
    history.limit = limits.historyDefault;
    if (json.contains(key::Before) && !json.value(key::Before).isNull()) {
        auto before = integer(json.value(key::Before), key::Before, 1);
        if (!before)
            return before.error();
        history.before = *before;
    }
    if (json.contains(key::After) && !json.value(key::After).isNull()) {
        auto after = integer(json.value(key::After), key::After, 0);
        if (!after)
            return after.error();
        history.after = *after;
    }
    if (history.before && history.after)
        return RpcError::invalidParams(QStringLiteral("Give \"before\" or \"after\", not both"));
    if (json.contains(key::Limit)) {
        auto limit = integer(json.value(key::Limit), key::Limit, 1);
        if (!limit || *limit > limits.historyMax)
            return RpcError::invalidParams(
                QStringLiteral("\"limit\" must be an integer from 1 to %1").arg(limits.historyMax));
        history.limit = int(*limit);
    }
    return history;
}

QJsonObject History::toJson() const
{
    QJsonObject json { { key::RoomId, roomId }, { key::Limit, limit } };
    if (before)
        json.insert(key::Before, *before);
    if (after)
        json.insert(key::After, *after);
    return json;
}

Parsed<Read> Read::parse(const QJsonObject& json, const Limits&)
{
    auto roomId = requiredInteger(json, key::RoomId);
    if (!roomId)
        return roomId.error();
    auto seq = requiredInteger(json, key::Seq, 0);
    if (!seq)
        return seq.error();
    return Read { *roomId, *seq };
}

QJsonObject Read::toJson() const
{
    return { { key::RoomId, roomId }, { key::Seq, seq } };
}

} // namespace chat::params
