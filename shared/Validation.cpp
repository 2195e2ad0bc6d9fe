#include "Validation.h"

namespace chat::validation {

namespace {
bool isUsernameChar(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '_' || u == '.'
        || u == '-';
}
} // namespace

qsizetype codePointCount(const QString& text)
{
    qsizetype count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            ++i;
        ++count;
    }
    return count;
}

std::optional<RpcError> checkUsername(const QString& username, const Limits& limits)
{
    if (username.size() < limits.minUsernameChars || username.size() > limits.maxUsernameChars)
        return RpcError::invalidUsername(QStringLiteral("A username has %1 to %2 characters")
                                             .arg(limits.minUsernameChars)
                                             .arg(limits.maxUsernameChars));
    for (QChar c : username) {
        if (!isUsernameChar(c))
            return RpcError::invalidUsername(
                QStringLiteral("A username may contain only letters a-z, digits, '_', '.' and '-'"));
    }
    return std::nullopt;
}

std::optional<RpcError> checkPassword(const QString& password, const Limits& limits)
{
    if (codePointCount(password) < limits.minPasswordChars)
        return RpcError::weakPassword(
            QStringLiteral("A password needs at least %1 characters").arg(limits.minPasswordChars));
    if (password.toUtf8().size() > limits.maxPasswordBytes)
        return RpcError::tooLarge(QStringLiteral("A password has at most %1 bytes").arg(limits.maxPasswordBytes));
    return std::nullopt;
}

std::optional<RpcError> checkBody(const QString& body, const Limits& limits)
{
    if (body.trimmed().isEmpty())
        return RpcError::invalidParams(QStringLiteral("A message cannot be empty"));
    if (codePointCount(body) > limits.maxBodyChars)
        return RpcError::tooLarge(QStringLiteral("A message has at most %1 characters").arg(limits.maxBodyChars));
    if (body.contains(QChar(0)))
        return RpcError::invalidParams(QStringLiteral("A message cannot contain NUL characters"));
    return std::nullopt;
}

std::optional<RpcError> checkRoomName(const QString& name, const Limits& limits)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return RpcError::invalidParams(QStringLiteral("A room needs a name"));
    if (codePointCount(trimmed) > limits.maxRoomNameChars)
        return RpcError::invalidParams(
            QStringLiteral("A room name has at most %1 characters").arg(limits.maxRoomNameChars));
    for (QChar c : trimmed) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            return RpcError::invalidParams(QStringLiteral("A room name cannot contain control characters"));
    }
    return std::nullopt;
}

QString usernameKey(const QString& username)
{
    // Usernames are ASCII, so only ASCII letters fold: Unicode folding would let KELVIN SIGN (U+212A) or
    // LONG S (U+017F) reach the accounts "k..." and "s...", names that no one can sign up with.
    QString key = username;
    for (QChar& c : key) {
        if (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
            c = QChar(c.unicode() + ('a' - 'A'));
    }
    return key;
}

QString roomNameKey(const QString& name)
{
    return name.trimmed().toCaseFolded();
}

} // namespace chat::validation
