#pragma once

#include <QJsonObject>
#include <QString>

namespace chat {

// JSON-RPC 2.0's own codes, and one code per product reason (the reason string is what clients match).
namespace errc {
inline constexpr int ParseError = -32700;
inline constexpr int InvalidRequest = -32600;
inline constexpr int MethodNotFound = -32601;
inline constexpr int InvalidParams = -32602;
inline constexpr int InternalError = -32603;

inline constexpr int Unauthenticated = -32001;
inline constexpr int BadCredentials = -32002;
inline constexpr int UsernameTaken = -32003;
inline constexpr int InvalidUsername = -32004;
inline constexpr int WeakPassword = -32005;
inline constexpr int Forbidden = -32006;
inline constexpr int NotFound = -32007;
inline constexpr int RateLimited = -32008;
inline constexpr int TooLarge = -32009;
inline constexpr int TokenInvalid = -32010;
inline constexpr int NameTaken = -32011;
inline constexpr int AccountDisabled = -32012;
inline constexpr int Unavailable = -32013;
inline constexpr int MessageDeleted = -32014;
inline constexpr int EditWindowClosed = -32015;
inline constexpr int LimitReached = -32016;
inline constexpr int QueryTooShort = -32017;
inline constexpr int QuotaExceeded = -32018;
inline constexpr int FileRejected = -32019;
} // namespace errc

namespace reason {
inline constexpr QLatin1String ParseError { "parse_error" };
inline constexpr QLatin1String InvalidRequest { "invalid_request" };
inline constexpr QLatin1String MethodNotFound { "method_not_found" };
inline constexpr QLatin1String InvalidParams { "invalid_params" };
inline constexpr QLatin1String Internal { "internal" };

inline constexpr QLatin1String Unauthenticated { "unauthenticated" };
inline constexpr QLatin1String BadCredentials { "bad_credentials" };
inline constexpr QLatin1String UsernameTaken { "username_taken" };
inline constexpr QLatin1String InvalidUsername { "invalid_username" };
inline constexpr QLatin1String WeakPassword { "weak_password" };
inline constexpr QLatin1String Forbidden { "forbidden" };
inline constexpr QLatin1String NotFound { "not_found" };
inline constexpr QLatin1String RateLimited { "rate_limited" };
inline constexpr QLatin1String TooLarge { "too_large" };
inline constexpr QLatin1String TokenInvalid { "token_invalid" };
inline constexpr QLatin1String NameTaken { "name_taken" };
inline constexpr QLatin1String AccountDisabled { "account_disabled" };
inline constexpr QLatin1String Unavailable { "unavailable" };
inline constexpr QLatin1String MessageDeleted { "message_deleted" };
inline constexpr QLatin1String EditWindowClosed { "edit_window_closed" };
inline constexpr QLatin1String LimitReached { "limit_reached" };
inline constexpr QLatin1String QueryTooShort { "query_too_short" };
inline constexpr QLatin1String QuotaExceeded { "quota_exceeded" };
inline constexpr QLatin1String FileRejected { "file_rejected" };
} // namespace reason

// error.data.cause values: why an `unavailable` happened, for clients that want to say more than "retry".
namespace cause {
inline constexpr QLatin1String StorageFull { "storage_full" };
// file_rejected causes
inline constexpr QLatin1String HashMismatch { "hash_mismatch" };
inline constexpr QLatin1String ImageTooLarge { "image_too_large" };
inline constexpr QLatin1String ImageUnreadable { "image_unreadable" };
} // namespace cause

// A typed protocol error: becomes the JSON-RPC error object on the wire.
struct RpcError {
    int code = errc::InternalError;
    QString reason;
    QString message;
    QJsonObject extra; // merged into error.data beside "reason"

    QJsonObject toJson() const;
    static RpcError fromJson(const QJsonObject& error);

    static RpcError parseError(const QString& message);
    static RpcError invalidRequest(const QString& message);
    static RpcError methodNotFound(const QString& method);
    static RpcError invalidParams(const QString& message);
    static RpcError internal(const QString& message);
    static RpcError unauthenticated();
    static RpcError badCredentials();
    static RpcError usernameTaken(const QString& username);
    static RpcError invalidUsername(const QString& message);
    static RpcError weakPassword(const QString& message);
    static RpcError forbidden(const QString& message);
    static RpcError notFound(const QString& message);
    static RpcError rateLimited(qint64 retryAfterMs, const QString& message);
    static RpcError tooLarge(const QString& message);
    static RpcError tokenInvalid();
    static RpcError nameTaken(const QString& name);
    static RpcError accountDisabled();
    static RpcError unavailable(const QString& message);
    static RpcError storageFull(); // `unavailable` with data.cause storage_full: the server's disk is full
    static RpcError messageDeleted();
    static RpcError editWindowClosed(qint64 windowSeconds);
    static RpcError limitReached(const QString& message);
    // messages.search: fewer characters than the index can serve (data.min_chars says how many it needs).
    static RpcError queryTooShort(int minChars);
    static RpcError fileTooLarge(qint64 maxBytes);
    // scope: "user" or "server"
    static RpcError quotaExceeded(QLatin1String scope, qint64 quotaBytes, qint64 usedBytes);
    static RpcError fileRejected(QLatin1String cause, const QString& message);
};

} // namespace chat
