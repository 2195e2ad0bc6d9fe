#pragma once

#include "Types.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace chat::server {

struct StoreError {
    // StorageFull: the disk (or the database's own size limit) is full; nothing more can be written until
    // space is freed. ForeignDatabase: the database holds another application's tables, not chat-server's.
    enum class Kind { Conflict, NotFound, Failure, StorageFull, ForeignDatabase };
    Kind kind = Kind::Failure;
    QString message; // for logs and admins; never shown to clients verbatim for Failure
    QString nativeCode; // the driver's own code when known: SQLite's result code, PostgreSQL's SQLSTATE

    static StoreError conflict(const QString& m) { return { Kind::Conflict, m, {} }; }
    static StoreError notFound(const QString& m) { return { Kind::NotFound, m, {} }; }
    static StoreError failure(const QString& m) { return { Kind::Failure, m, {} }; }
};

struct UserRecord {
    qint64 id = 0;
    QString username;
    QString passwordHash; // Argon2id encoded string from crypto_pwhash_str
    bool disabled = false;
    qint64 createdAt = 0;
};

struct SessionRecord {
    QByteArray tokenHash; // SHA-256 of the token, raw bytes
    qint64 userId = 0;
    qint64 createdAt = 0;
    qint64 expiresAt = 0;
};

// A room as the server keeps it in memory: every member, no per-user read state.
struct RoomRecord {
    qint64 id = 0;
    Room::Kind kind = Room::Kind::Group;
    QString name;
    qint64 lastSeq = 0;
    QList<qint64> members;
};

// A user's view of one of their rooms.
struct MembershipRecord {
    qint64 roomId = 0;
    qint64 lastReadSeq = 0;
};

struct AppendOutcome {
    Message message;
    bool duplicate = false; // (sender, client_id) was already stored: message is the stored one
};

struct HistoryPage {
    QList<Message> messages; // ascending seq
    bool hasMore = false;
};

// A change an admin command made in the database, for running servers to apply (see AdminEventTail).
struct AdminEvent {
    qint64 id = 0;
    QString kind; // one of adminevent::*
    qint64 userId = 0;
    qint64 createdAt = 0;
};

namespace adminevent {
inline constexpr QLatin1String UserAdded { "user.added" };
inline constexpr QLatin1String UserDisabled { "user.disabled" };
inline constexpr QLatin1String UserEnabled { "user.enabled" };
inline constexpr QLatin1String PasswordChanged { "user.password" };
} // namespace adminevent

struct HistoryQuery {
    qint64 roomId = 0;
    qint64 before = 0; // > 0: messages with seq < before (newest first, returned ascending)
    qint64 after = -1; // >= 0: messages with seq > after (oldest first)
    int limit = 50; // neither: the newest `limit` messages
};

} // namespace chat::server
