#pragma once

#include "FileTransfer.h"
#include "Limits.h"
#include "Params.h"
#include "SearchText.h"
#include "Validation.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <initializer_list>

// What the params fuzz target and the corpus replay test do with one input: its first byte picks a method's
// params parser, the rest is the params object as JSON. Returns an empty string, or the broken property.
namespace chat::fuzz {

namespace detail {

template<typename P> QString parseAndReparse(const QJsonObject& params, const Limits& limits, const char* name)
{
    const params::Parsed<P> parsed = P::parse(params, limits);
    if (!parsed) {
        if (parsed.error().reason.isEmpty() || parsed.error().message.isEmpty())
            return QStringLiteral("%1: an error without reason or message").arg(QLatin1String(name));
        return {};
    }
    // What a client sends with toJson() must be accepted again, unchanged.
    const QJsonObject sent = parsed->toJson();
    const params::Parsed<P> again = P::parse(sent, limits);
    if (!again)
        return QStringLiteral("%1: toJson() of accepted params is refused: %2")
            .arg(QLatin1String(name), again.error().message);
    if (again->toJson() != sent)
        return QStringLiteral("%1: params change on a second parse").arg(QLatin1String(name));
    return {};
}

// Validation answers with an error that has a reason and a message, or with nothing.
inline QString checkValidation(const std::optional<RpcError>& error, const char* name)
{
    if (error && (error->reason.isEmpty() || error->message.isEmpty()))
        return QStringLiteral("%1: an error without reason or message").arg(QLatin1String(name));
    return {};
}

inline QString firstProblem(std::initializer_list<QString> problems)
{
    for (const QString& problem : problems) {
        if (!problem.isEmpty())
            return problem;
    }
    return {};
}

inline QString validateCredentials(const QJsonObject& params, const Limits& limits)
{
    const auto credentials = params::Credentials::parse(params, limits);
    if (!credentials)
        return {};
    // Usernames compare through their key: a valid name's key is valid too, and keys are stable.
    const QString key = validation::usernameKey(credentials->username);
    const bool valid = !validation::checkUsername(credentials->username, limits);
    return firstProblem({
        checkValidation(validation::checkUsername(credentials->username, limits), "checkUsername"),
        checkValidation(validation::checkPassword(credentials->password, limits), "checkPassword"),
        validation::usernameKey(key) != key ? QStringLiteral("usernameKey is not idempotent") : QString(),
        valid && validation::checkUsername(key, limits) ? QStringLiteral("the key of a valid username is not valid")
                                                        : QString(),
    });
}

inline QString validateSend(const QJsonObject& params, const Limits& limits)
{
    const auto send = params::Send::parse(params, limits);
    if (!send)
        return {};
    return checkValidation(validation::checkBody(send->body, limits), "checkBody");
}

inline QString validateRoomName(const QJsonObject& params, const Limits& limits)
{
    const auto room = params::CreateRoom::parse(params, limits);
    if (!room)
        return {};
    const QString key = validation::roomNameKey(room->name);
    return firstProblem({
        checkValidation(validation::checkRoomName(room->name, limits), "checkRoomName"),
        validation::roomNameKey(key) != key ? QStringLiteral("roomNameKey is not idempotent") : QString(),
    });
}

// A search's highlights of any body stay inside it, in order and apart (the client draws them unchecked).
inline QString checkHighlights(const QJsonObject& params)
{
    const QString body = params.value(QLatin1String("body")).toString();
    const search::Query query = search::parseQuery(params.value(QLatin1String("query")).toString());
    int end = 0;
    for (const search::TextRange& range : search::highlights(body, query.folded)) {
        if (range.start < end || range.length <= 0 || range.start + range.length > body.size())
            return QStringLiteral("highlights: a range outside the body, empty, or not after the one before");
        end = range.start + range.length + 1;
    }
    return {};
}

// A cleaned file name is never a path, never empty, and cleaning it again changes nothing.
inline QString checkFileName(const QJsonObject& params)
{
    const QString clean = files::sanitizeFileName(params.value(QLatin1String("name")).toString());
    if (clean.isEmpty() || clean.contains(QLatin1Char('/')) || clean.contains(QLatin1Char('\\'))
        || clean.startsWith(QLatin1Char('.')) || clean.size() > files::MaxNameChars)
        return QStringLiteral("sanitizeFileName: %1").arg(clean);
    if (files::sanitizeFileName(clean) != clean)
        return QStringLiteral("sanitizeFileName is not idempotent");
    return {};
}

} // namespace detail

// Every method's parser and the validation behind it, on one params object.
inline QString exerciseEveryParamsParser(const QJsonObject& params, const Limits& limits)
{
    using namespace detail;
    return firstProblem({
        parseAndReparse<params::Credentials>(params, limits, "Credentials"),
        parseAndReparse<params::Resume>(params, limits, "Resume"),
        parseAndReparse<params::Direct>(params, limits, "Direct"),
        parseAndReparse<params::CreateRoom>(params, limits, "CreateRoom"),
        parseAndReparse<params::RoomRef>(params, limits, "RoomRef"),
        parseAndReparse<params::Send>(params, limits, "Send"),
        parseAndReparse<params::History>(params, limits, "History"),
        parseAndReparse<params::Read>(params, limits, "Read"),
        parseAndReparse<params::Edit>(params, limits, "Edit"),
        parseAndReparse<params::MessageRef>(params, limits, "MessageRef"),
        parseAndReparse<params::ReactionChange>(params, limits, "ReactionChange"),
        parseAndReparse<params::Changes>(params, limits, "Changes"),
        parseAndReparse<params::Notify>(params, limits, "Notify"),
        parseAndReparse<params::Search>(params, limits, "Search"),
        parseAndReparse<params::FilesUpload>(params, limits, "FilesUpload"),
        parseAndReparse<params::UploadRef>(params, limits, "UploadRef"),
        parseAndReparse<params::FilesCancel>(params, limits, "FilesCancel"),
        parseAndReparse<params::FilesDownload>(params, limits, "FilesDownload"),
        checkFileName(params),
        checkHighlights(params),
        validateCredentials(params, limits),
        validateSend(params, limits),
        validateRoomName(params, limits),
    });
}

// The first byte picks the limits (the server's defaults, or the tightest a server.ini allows), the rest is
// the params object: the fuzzer spends its time inside the parsers instead of on the JSON-RPC envelope.
inline QString exerciseParams(const QByteArray& input)
{
    if (input.isEmpty())
        return {};
    Limits limits;
    if (input.at(0) & 1) {
        limits.maxBodyChars = 1;
        limits.historyMax = 1;
        limits.historyDefault = 1;
    }
    const QJsonDocument document = QJsonDocument::fromJson(input.mid(1));
    if (!document.isObject())
        return {};
    return exerciseEveryParamsParser(document.object(), limits);
}

} // namespace chat::fuzz
