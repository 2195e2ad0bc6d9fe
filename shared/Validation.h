#pragma once

#include "Limits.h"
#include "RpcError.h"

#include <QString>

#include <optional>

namespace chat::validation {

// 3-32 of ASCII letters, digits, '_', '.', '-'; compared case-insensitively through usernameKey().
std::optional<RpcError> checkUsername(const QString& username, const Limits& limits);
std::optional<RpcError> checkPassword(const QString& password, const Limits& limits);
// Non-empty after trimming, at most maxBodyChars characters (code points), no NUL.
std::optional<RpcError> checkBody(const QString& body, const Limits& limits);
// Trimmed, 1..maxRoomNameChars, no control characters.
std::optional<RpcError> checkRoomName(const QString& name, const Limits& limits);

// Characters as a person (and most languages' string length) counts them: a surrogate pair is one.
qsizetype codePointCount(const QString& text);

// The account a name signs in to: ASCII letters lowered, nothing else folded.
QString usernameKey(const QString& username);
QString roomNameKey(const QString& name);

} // namespace chat::validation
