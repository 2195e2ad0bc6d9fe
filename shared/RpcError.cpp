#include "RpcError.h"

#include "Protocol.h"

namespace chat {

namespace {
RpcError make(int code, QLatin1String reason, const QString& message)
{
    return RpcError { code, QString(reason), message, {} };
}
} // namespace

QJsonObject RpcError::toJson() const
{
    QJsonObject data = extra;
    data.insert(protocol::key::Reason, reason);
    return QJsonObject {
        { protocol::key::Code, code },
        { protocol::key::Message, message },
        { protocol::key::Data, data },
    };
}

RpcError RpcError::fromJson(const QJsonObject& error)
{
    RpcError e;
    e.code = error.value(protocol::key::Code).toInt(errc::InternalError);
    e.message = error.value(protocol::key::Message).toString();
    QJsonObject data = error.value(protocol::key::Data).toObject();
    e.reason = data.take(protocol::key::Reason).toString();
    e.extra = data;
    return e;
}

RpcError RpcError::parseError(const QString& message)
{
    return make(errc::ParseError, reason::ParseError, message);
}
RpcError RpcError::invalidRequest(const QString& message)
{
    return make(errc::InvalidRequest, reason::InvalidRequest, message);
}
RpcError RpcError::methodNotFound(const QString& method)
{
    return make(errc::MethodNotFound, reason::MethodNotFound, QStringLiteral("Unknown method \"%1\"").arg(method));
}
RpcError RpcError::invalidParams(const QString& message)
{
    return make(errc::InvalidParams, reason::InvalidParams, message);
}
RpcError RpcError::internal(const QString& message)
{
    return make(errc::InternalError, reason::Internal, message);
}
RpcError RpcError::unauthenticated()
{
    return make(errc::Unauthenticated, reason::Unauthenticated,
        QStringLiteral("Sign in first: only auth.* methods are allowed before authentication"));
}
RpcError RpcError::badCredentials()
{
    return make(errc::BadCredentials, reason::BadCredentials, QStringLiteral("Wrong username or password"));
}
RpcError RpcError::usernameTaken(const QString& username)
{
    return make(errc::UsernameTaken, reason::UsernameTaken,
        QStringLiteral("The username \"%1\" is already taken").arg(username));
}
RpcError RpcError::invalidUsername(const QString& message)
{
    return make(errc::InvalidUsername, reason::InvalidUsername, message);
}
RpcError RpcError::weakPassword(const QString& message)
{
    return make(errc::WeakPassword, reason::WeakPassword, message);
}
RpcError RpcError::forbidden(const QString& message)
{
    return make(errc::Forbidden, reason::Forbidden, message);
}
RpcError RpcError::notFound(const QString& message)
{
    return make(errc::NotFound, reason::NotFound, message);
}
RpcError RpcError::rateLimited(qint64 retryAfterMs, const QString& message)
{
    RpcError e = make(errc::RateLimited, reason::RateLimited, message);
    e.extra.insert(protocol::key::RetryAfterMs, retryAfterMs);
    return e;
}
RpcError RpcError::tooLarge(const QString& message)
{
    return make(errc::TooLarge, reason::TooLarge, message);
}
RpcError RpcError::tokenInvalid()
{
    return make(errc::TokenInvalid, reason::TokenInvalid,
        QStringLiteral("The session token is unknown, expired or revoked: sign in again"));
}
RpcError RpcError::nameTaken(const QString& name)
{
    return make(errc::NameTaken, reason::NameTaken, QStringLiteral("A room named \"%1\" already exists").arg(name));
}
RpcError RpcError::accountDisabled()
{
    return make(errc::AccountDisabled, reason::AccountDisabled,
        QStringLiteral("This account is disabled: ask the server's administrator"));
}
RpcError RpcError::unavailable(const QString& message)
{
    return make(errc::Unavailable, reason::Unavailable, message);
}
RpcError RpcError::storageFull()
{
    RpcError e
        = unavailable(QStringLiteral("The server's disk is full, so it cannot save anything now; try again later"));
    e.extra.insert(protocol::key::Cause, cause::StorageFull);
    return e;
}

RpcError RpcError::messageDeleted()
{
    return make(errc::MessageDeleted, reason::MessageDeleted, QStringLiteral("That message was deleted"));
}

RpcError RpcError::editWindowClosed(qint64 windowSeconds)
{
    return make(errc::EditWindowClosed, reason::EditWindowClosed,
        QStringLiteral("Messages can be edited for %1 seconds after sending; this one is older").arg(windowSeconds));
}

RpcError RpcError::limitReached(const QString& message)
{
    return make(errc::LimitReached, reason::LimitReached, message);
}
RpcError RpcError::fileTooLarge(qint64 maxBytes)
{
    RpcError error = make(errc::TooLarge, reason::TooLarge,
        QStringLiteral("A file has at most %1 MiB").arg(double(maxBytes) / (1024 * 1024), 0, 'g', 4));
    error.extra.insert(protocol::key::MaxBytes, maxBytes);
    return error;
}

RpcError RpcError::quotaExceeded(QLatin1String scope, qint64 quotaBytes, qint64 usedBytes)
{
    const QString whose = scope == QLatin1String("user") ? QStringLiteral("Your files would pass your quota")
                                                         : QStringLiteral("The server's storage for files is full");
    RpcError error = make(errc::QuotaExceeded, reason::QuotaExceeded,
        QStringLiteral("%1 (%2 of %3 MiB used): delete some files first")
            .arg(whose)
            .arg(double(usedBytes) / (1024 * 1024), 0, 'f', 1)
            .arg(double(quotaBytes) / (1024 * 1024), 0, 'f', 0));
    error.extra.insert(protocol::key::Scope, scope);
    error.extra.insert(protocol::key::QuotaBytes, quotaBytes);
    error.extra.insert(protocol::key::UsedBytes, usedBytes);
    return error;
}

RpcError RpcError::fileRejected(QLatin1String cause, const QString& message)
{
    RpcError error = make(errc::FileRejected, reason::FileRejected, message);
    error.extra.insert(protocol::key::Cause, cause);
    return error;
}

RpcError RpcError::queryTooShort(int minChars)
{
    RpcError error = make(errc::QueryTooShort, reason::QueryTooShort,
        QStringLiteral("Type at least %1 characters to search (one or two are enough in Chinese, Japanese, Korean "
                       "and for emoji)")
            .arg(minChars));
    error.extra.insert(protocol::key::MinChars, minChars);
    return error;
}

} // namespace chat
