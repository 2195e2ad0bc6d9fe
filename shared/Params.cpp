#include "Params.h"

#include "Emoji.h"
#include "FileTransfer.h"
#include "Limits.h"
#include "Protocol.h"
#include "Validation.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <cmath>
#include <utility>

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

// An optional integer: absent and null both give nothing.
Expected<std::optional<qint64>, RpcError> optionalInteger(const QJsonObject& json, QLatin1String name, qint64 minimum)
{
    const QJsonValue value = json.value(name);
    if (value.isUndefined() || value.isNull())
        return std::optional<qint64>();
    auto number = integer(value, name, minimum);
    if (!number)
        return number.error();
    return std::optional<qint64>(*number);
}

Expected<QString, RpcError> requiredFileId(const QJsonObject& json, QLatin1String name)
{
    auto id = requiredString(json, name);
    if (!id)
        return id.error();
    if (!files::isId(*id))
        return RpcError::invalidParams(QStringLiteral("\"%1\" must be 32 hexadecimal characters").arg(name));
    return id->toLower();
}

// An optional array of 1..maximum distinct file ids.
Expected<QStringList, RpcError> fileIds(const QJsonObject& json, QLatin1String name, int maximum)
{
    const QJsonValue value = json.value(name);
    if (value.isUndefined() || value.isNull())
        return QStringList();
    if (!value.isArray())
        return RpcError::invalidParams(QStringLiteral("\"%1\" must be an array of file ids").arg(name));
    const QJsonArray array = value.toArray();
    if (array.isEmpty() || array.size() > maximum)
        return RpcError::invalidParams(QStringLiteral("\"%1\" has 1 to %2 file ids").arg(name).arg(maximum));
    QStringList ids;
    for (const QJsonValue& item : array) {
        if (!item.isString() || !files::isId(item.toString()))
            return RpcError::invalidParams(QStringLiteral("\"%1\" must be an array of file ids").arg(name));
        const QString id = item.toString().toLower();
        if (ids.contains(id))
            return RpcError::invalidParams(QStringLiteral("\"%1\" names a file twice").arg(name));
        ids.append(id);
    }
    return ids;
}

// "limit": 1..history_max, the server's default when absent.
Expected<int, RpcError> pageLimit(const QJsonObject& json, const Limits& limits)
{
    if (!json.contains(key::Limit))
        return limits.historyDefault;
    auto limit = integer(json.value(key::Limit), key::Limit, 1);
    if (!limit || *limit > limits.historyMax)
        return RpcError::invalidParams(
            QStringLiteral("\"limit\" must be an integer from 1 to %1").arg(limits.historyMax));
    return int(*limit);
}

Expected<QString, RpcError> checkedBody(const QJsonObject& json, const Limits& limits)
{
    auto body = requiredString(json, key::Body);
    if (!body)
        return body.error();
    if (auto error = validation::checkBody(*body, limits))
        return *error;
    return body;
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
    auto attachments = fileIds(json, key::Attachments, limits.maxAttachments);
    if (!attachments)
        return attachments.error();
    // A caption is optional: with files the body may be empty, but it is still a body (no NUL, not too long).
    const bool captionOnly = !attachments->isEmpty() && json.value(key::Body).isString()
        && json.value(key::Body).toString().trimmed().isEmpty();
    auto body = captionOnly ? Expected<QString, RpcError>(QString()) : checkedBody(json, limits);
    if (!body)
        return body.error();
    auto clientId = requiredString(json, key::ClientId);
    if (!clientId)
        return clientId.error();
    if (clientId->isEmpty() || validation::codePointCount(*clientId) > limits.maxClientIdChars)
        return RpcError::invalidParams(
            QStringLiteral("\"client_id\" has 1 to %1 characters").arg(limits.maxClientIdChars));
    auto replyTo = optionalInteger(json, key::ReplyTo, 1);
    if (!replyTo)
        return replyTo.error();
    return Send { *roomId, *body, *clientId, replyTo->value_or(0), *attachments };
}

QJsonObject Send::toJson() const
{
    QJsonObject json { { key::RoomId, roomId }, { key::Body, body }, { key::ClientId, clientId } };
    if (replyTo > 0)
        json.insert(key::ReplyTo, replyTo);
    if (!attachments.isEmpty())
        json.insert(key::Attachments, QJsonArray::fromStringList(attachments));
    return json;
}

Parsed<History> History::parse(const QJsonObject& json, const Limits& limits)
{
    auto roomId = requiredInteger(json, key::RoomId);
    if (!roomId)
        return roomId.error();
    History history;
    history.roomId = *roomId;
    auto before = optionalInteger(json, key::Before, 1);
    if (!before)
        return before.error();
    auto after = optionalInteger(json, key::After, 0);
    if (!after)
        return after.error();
    auto around = optionalInteger(json, key::Around, 1);
    if (!around)
        return around.error();
    history.before = *before;
    history.after = *after;
    history.around = *around;
    if (int(history.before.has_value()) + int(history.after.has_value()) + int(history.around.has_value()) > 1)
        return RpcError::invalidParams(QStringLiteral("Give at most one of \"before\", \"after\" and \"around\""));
    auto limit = pageLimit(json, limits);
    if (!limit)
        return limit.error();
    history.limit = *limit;
    return history;
}

QJsonObject History::toJson() const
{
    QJsonObject json { { key::RoomId, roomId }, { key::Limit, limit } };
    if (before)
        json.insert(key::Before, *before);
    if (after)
        json.insert(key::After, *after);
    if (around)
        json.insert(key::Around, *around);
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

Parsed<Edit> Edit::parse(const QJsonObject& json, const Limits& limits)
{
    auto messageId = requiredInteger(json, key::MessageId);
    if (!messageId)
        return messageId.error();
    auto body = checkedBody(json, limits);
    if (!body)
        return body.error();
    return Edit { *messageId, *body };
}

QJsonObject Edit::toJson() const
{
    return { { key::MessageId, messageId }, { key::Body, body } };
}

Parsed<MessageRef> MessageRef::parse(const QJsonObject& json, const Limits&)
{
    auto messageId = requiredInteger(json, key::MessageId);
    if (!messageId)
        return messageId.error();
    return MessageRef { *messageId };
}

QJsonObject MessageRef::toJson() const
{
    return { { key::MessageId, messageId } };
}

Parsed<ReactionChange> ReactionChange::parse(const QJsonObject& json, const Limits&)
{
    auto messageId = requiredInteger(json, key::MessageId);
    if (!messageId)
        return messageId.error();
    auto emoji = requiredString(json, key::Emoji);
    if (!emoji)
        return emoji.error();
    if (!emoji::isSingleEmoji(*emoji))
        return RpcError::invalidParams(QStringLiteral("\"emoji\" must be exactly one emoji"));
    return ReactionChange { *messageId, *emoji };
}

QJsonObject ReactionChange::toJson() const
{
    return { { key::MessageId, messageId }, { key::Emoji, emoji } };
}

Parsed<Changes> Changes::parse(const QJsonObject& json, const Limits& limits)
{
    auto roomId = requiredInteger(json, key::RoomId);
    if (!roomId)
        return roomId.error();
    auto since = requiredInteger(json, key::Since, 0);
    if (!since)
        return since.error();
    auto limit = pageLimit(json, limits);
    if (!limit)
        return limit.error();
    return Changes { *roomId, *since, *limit };
}

Parsed<Search> Search::parse(const QJsonObject& json, const Limits&)
{
    auto query = requiredString(json, key::Query);
    if (!query)
        return query.error();
    if (query->size() > 2 * search::MaxQueryChars || query->toUcs4().size() > search::MaxQueryChars)
        return RpcError::invalidParams(
            QStringLiteral("\"query\" has at most %1 characters").arg(search::MaxQueryChars));
    Search search;
    search.query = *query;
    search.parsed = search::parseQuery(*query);
    if (search.parsed.kind == search::Query::Kind::Empty)
        return RpcError::invalidParams(QStringLiteral("\"query\" has nothing to search for"));
    if (search.parsed.kind == search::Query::Kind::TooShort)
        return RpcError::queryTooShort(search::MinQueryChars);
    for (auto [name, field] :
        { std::pair { key::RoomId, &search.roomId }, std::pair { key::SenderId, &search.senderId } }) {
        auto id = optionalInteger(json, name, 1);
        if (!id)
            return id.error();
        *field = *id;
    }
    for (auto [name, field] : { std::pair { key::FromTs, &search.fromTs }, std::pair { key::ToTs, &search.toTs } }) {
        auto ts = optionalInteger(json, name, 0);
        if (!ts)
            return ts.error();
        *field = *ts;
    }
    if (search.fromTs && search.toTs && *search.fromTs >= *search.toTs)
        return RpcError::invalidParams(QStringLiteral("\"from_ts\" must be before \"to_ts\""));
    if (json.contains(key::Limit)) {
        auto limit = integer(json.value(key::Limit), key::Limit, 1);
        if (!limit || *limit > search::MaxResults)
            return RpcError::invalidParams(
                QStringLiteral("\"limit\" must be an integer from 1 to %1").arg(search::MaxResults));
        search.limit = int(*limit);
    }
    const QJsonValue cursor = json.value(key::Cursor);
    if (!cursor.isUndefined() && !cursor.isNull()) {
        bool number = false;
        if (!cursor.isString() || cursor.toString().toLongLong(&number) <= 0 || !number)
            return RpcError::invalidParams(QStringLiteral("\"cursor\" is not a next_cursor this server gave"));
        search.cursor = cursor.toString();
    }
    return search;
}

QJsonObject Search::toJson() const
{
    QJsonObject json { { key::Query, query }, { key::Limit, limit } };
    for (auto [name, field] : { std::pair { key::RoomId, roomId }, std::pair { key::SenderId, senderId },
             std::pair { key::FromTs, fromTs }, std::pair { key::ToTs, toTs } }) {
        if (field)
            json.insert(name, *field);
    }
    if (!cursor.isEmpty())
        json.insert(key::Cursor, cursor);
    return json;
}

QJsonObject Changes::toJson() const
{
    return { { key::RoomId, roomId }, { key::Since, since }, { key::Limit, limit } };
}

Parsed<Notify> Notify::parse(const QJsonObject& json, const Limits&)
{
    auto roomId = requiredInteger(json, key::RoomId);
    if (!roomId)
        return roomId.error();
    auto level = requiredString(json, key::Level);
    if (!level)
        return level.error();
    namespace notify = protocol::notify;
    if (*level != notify::All && *level != notify::Mentions && *level != notify::None)
        return RpcError::invalidParams(QStringLiteral("\"level\" is \"all\", \"mentions\" or \"none\""));
    return Notify { *roomId, *level };
}

QJsonObject Notify::toJson() const
{
    return { { key::RoomId, roomId }, { key::Level, level } };
}

} // namespace chat::params

namespace chat::params {

Parsed<FilesUpload> FilesUpload::parse(const QJsonObject& json, const Limits& limits)
{
    auto roomId = requiredInteger(json, key::RoomId);
    if (!roomId)
        return roomId.error();
    auto name = requiredString(json, key::Name);
    if (!name)
        return name.error();
    if (name->isEmpty() || validation::codePointCount(*name) > files::MaxNameChars)
        return RpcError::invalidParams(QStringLiteral("\"name\" has 1 to %1 characters").arg(files::MaxNameChars));
    auto size = requiredInteger(json, key::Size, 1);
    if (!size)
        return size.error();
    if (*size > limits.maxFileBytes)
        return RpcError::fileTooLarge(limits.maxFileBytes);
    auto sha256 = requiredString(json, key::Sha256);
    if (!sha256)
        return sha256.error();
    static const QRegularExpression hex(QStringLiteral("^[0-9a-fA-F]{64}$"));
    if (!hex.match(*sha256).hasMatch())
        return RpcError::invalidParams(QStringLiteral("\"sha256\" must be 64 hexadecimal characters"));
    return FilesUpload { *roomId, *name, *size, sha256->toLower() };
}

QJsonObject FilesUpload::toJson() const
{
    return QJsonObject { { key::RoomId, roomId }, { key::Name, name }, { key::Size, size }, { key::Sha256, sha256 } };
}

Parsed<UploadRef> UploadRef::parse(const QJsonObject& json, const Limits&)
{
    auto id = requiredFileId(json, key::UploadId);
    if (!id)
        return id.error();
    return UploadRef { *id };
}

QJsonObject UploadRef::toJson() const
{
    return QJsonObject { { key::UploadId, uploadId } };
}

Parsed<FilesCancel> FilesCancel::parse(const QJsonObject& json, const Limits&)
{
    const bool upload = json.contains(key::UploadId);
    if (upload == json.contains(key::DownloadId))
        return RpcError::invalidParams(QStringLiteral("Give either \"upload_id\" or \"download_id\""));
    auto id = requiredFileId(json, upload ? key::UploadId : key::DownloadId);
    if (!id)
        return id.error();
    return upload ? FilesCancel { *id, {} } : FilesCancel { {}, *id };
}

QJsonObject FilesCancel::toJson() const
{
    return uploadId.isEmpty() ? QJsonObject { { key::DownloadId, downloadId } }
                              : QJsonObject { { key::UploadId, uploadId } };
}

Parsed<FilesDownload> FilesDownload::parse(const QJsonObject& json, const Limits&)
{
    auto id = requiredFileId(json, key::FileId);
    if (!id)
        return id.error();
    auto offset = optionalInteger(json, key::Offset, 0);
    if (!offset)
        return offset.error();
    return FilesDownload { *id, offset->value_or(0) };
}

QJsonObject FilesDownload::toJson() const
{
    QJsonObject json { { key::FileId, fileId } };
    if (offset > 0)
        json.insert(key::Offset, offset);
    return json;
}

} // namespace chat::params
