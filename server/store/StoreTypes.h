#pragma once

#include "Protocol.h"
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
    qint64 lastChange = 0; // the room's newest change number (edits, deletions, reactions)
};

// A user's view of one of their rooms.
struct MembershipRecord {
    qint64 roomId = 0;
    qint64 lastReadSeq = 0;
    QString notifyLevel = QString(protocol::notify::All);
};

// Why a message action was refused without changing anything; None: it was done, or was the state already.
enum class ActionRefusal {
    None,
    Forbidden, // no such message, not a member of its room, or (edit, delete) not its author
    Deleted, // the message is a tombstone
    EditWindowClosed,
    LimitReached, // max_reactions_per_message different emoji
    ReplyOutsideRoom, // reply_to is not a message of the room
    AttachmentInvalid, // a file is not the sender's, of another room, unfinished or attached already
};

// An upload reserved by files.upload: the bytes arrive in the file store's part file.
struct UploadRecord {
    QString id;
    qint64 userId = 0;
    qint64 roomId = 0;
    QString name; // sanitised
    qint64 size = 0;
    QString sha256;
    qint64 createdAt = 0;
};

struct UploadReservation {
    enum class Refusal { None, UserQuota, ServerQuota };
    UploadRecord upload; // the new one, or the one being resumed
    bool resumed = false;
    Refusal refusal = Refusal::None;
    qint64 quotaBytes = 0;
    qint64 usedBytes = 0;
};

// A finished file as the database keeps it.
struct FileRecord {
    Attachment attachment;
    qint64 uploaderId = 0;
    qint64 roomId = 0;
    qint64 messageId = 0; // 0: not sent yet
    QString uploadId;
    qint64 createdAt = 0;
};

struct AppendOutcome {
    Message message;
    bool duplicate = false; // (sender, client_id) was already stored: message is the stored one
    ActionRefusal refusal = ActionRefusal::None; // only for a reply: its original is gone or elsewhere
};

// The result of an edit, a deletion or a reaction.
struct ActionOutcome {
    ActionRefusal refusal = ActionRefusal::None;
    Message message; // as it is now, when not refused
    bool changed = false; // false: it was so already, nothing was stored (no change number, nobody to tell)

    static ActionOutcome refused(ActionRefusal why)
    {
        ActionOutcome outcome;
        outcome.refusal = why;
        return outcome;
    }
};

struct HistoryPage {
    QList<Message> messages; // ascending seq
    bool hasMore = false; // older messages exist (newer ones for `after`)
    bool hasNewer = false; // `around` only: newer messages exist beyond the page
};

// Messages changed after a change number (messages.changes).
struct ChangesPage {
    QList<Message> messages; // ascending change
    qint64 lastChange = 0; // the room's newest change number when the page was read
    bool hasMore = false;
};

struct ReceiptRecord {
    qint64 userId = 0;
    qint64 seq = 0;
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
    qint64 around = 0; // > 0: limit / 2 messages below this seq, the rest from it on
};

// messages.search as the store runs it (StoreDbSearch.cpp).
struct SearchRequest {
    qint64 userId = 0; // only rooms this user is a member of are searched
    qint64 roomId = 0; // > 0: only this room
    qint64 senderId = 0; // > 0: only this sender's messages
    qint64 fromTs = -1; // >= 0: ts >= fromTs
    qint64 toTs = -1; // >= 0: ts < toTs
    qint64 beforeId = 0; // > 0: only messages with a lower id (the cursor)
    search::Query query; // Substring or Dense
    int limit = search::DefaultResults;
};

struct SearchPage {
    QList<SearchHit> hits; // descending message id
    bool hasMore = false;
    // Index rows read to answer: depends only on the user's own rooms (a test checks it against foreign matches).
    qint64 rowsRead = 0;
};

// How far the search index is built for messages stored before it existed (or before db reindex).
struct SearchIndexProgress {
    qint64 builtThrough = 0; // message id
    qint64 target = 0; // every message up to this id is indexed when builtThrough reaches it
    qint64 indexed = 0; // messages indexed by this call
    bool done() const { return builtThrough >= target; }
};

} // namespace chat::server
