#pragma once

#include "Expected.h"
#include "StoreTypes.h"
#include "config/ServerConfig.h"

#include <QSet>
#include <QSqlDatabase>
#include <QString>
#include <QVariant>

#include <functional>
#include <memory>
#include <optional>

namespace chat::server {

class SqlDialect;
class SqlStatements;

// One database connection and every query the product makes, synchronous. It lives on one thread:
// the Store's writer or reader thread, or the admin CLI's main thread. It never knows about sockets.
class StoreDb {
public:
    template<typename T> using Result = Expected<T, StoreError>;

    // Opens a connection under a unique name; the database file/schema is created by migrate().
    static Result<std::unique_ptr<StoreDb>> open(const DatabaseConfig& config, const QString& connectionName);
    ~StoreDb();
    StoreDb(const StoreDb&) = delete;
    StoreDb& operator=(const StoreDb&) = delete;

    // After a lost connection (a database restart, a network failure): ping() says whether the
    // connection still answers, reopen() closes it and connects again with the same settings.
    bool ping();
    Result<bool> reopen();

    Result<int> migrate(); // brings the schema to the latest version; returns it
    Result<int> migrateTo(int version); // stops at an older version: for tests of the steps after it
    int schemaVersion();
    Result<bool> refuseForeignTables(); // Kind::ForeignDatabase: another application's tables, none of ours
    static int latestSchemaVersion();
    Result<QStringList> integrityCheck(); // empty list: healthy

    // transactions; savepoints let one job of a group commit fail without undoing the others
    Result<bool> begin();
    Result<bool> commit();
    void rollback();
    Result<bool> savepoint(const QString& name);
    Result<bool> releaseSavepoint(const QString& name);
    void rollbackToSavepoint(const QString& name);

    // users
    Result<UserRecord> createUser(
        const QString& username, const QString& passwordHash, qint64 nowMs); // Conflict if taken
    Result<std::optional<UserRecord>> userByName(const QString& username); // case-insensitive
    Result<std::optional<UserRecord>> userById(qint64 id);
    Result<QList<UserRecord>> allUsers(); // ordered by id
    Result<bool> setPasswordHash(qint64 userId, const QString& passwordHash);
    Result<bool> setDisabled(qint64 userId, bool disabled);

    // sessions (tokens are stored only as their SHA-256)
    Result<bool> createSession(const SessionRecord& session);
    Result<std::optional<SessionRecord>> sessionByTokenHash(const QByteArray& tokenHash);
    Result<bool> extendSession(const QByteArray& tokenHash, qint64 expiresAt);
    Result<bool> deleteSession(const QByteArray& tokenHash);
    Result<bool> deleteSessionsOfUser(qint64 userId);
    Result<int> deleteExpiredSessions(qint64 nowMs);

    // rooms
    Result<QList<RoomRecord>> allRooms(); // every room with its members
    Result<RoomRecord> createGroupRoom(
        const QString& name, qint64 creatorId, qint64 nowMs); // Conflict if the name is taken
    Result<std::optional<RoomRecord>> groupRoomByName(const QString& name); // case-insensitive
    Result<RoomRecord> directRoom(qint64 userA, qint64 userB, qint64 nowMs); // finds or creates the pair's room
    // No-op if already a member; returns the member's last read seq (a newcomer starts at the room's last seq).
    Result<qint64> addMember(qint64 roomId, qint64 userId, qint64 nowMs);
    Result<bool> removeMember(qint64 roomId, qint64 userId);
    Result<QList<MembershipRecord>> membershipsOf(qint64 userId);

    // messages
    // Assigns the room's next seq and the timestamp; a repeated (sender, client_id) returns the stored message.
    // `mentions`: member ids the body names; `replyTo` > 0: the message of the same room it answers (refused
    // with ReplyOutsideRoom when it is not one, Deleted when it was deleted).
    Result<AppendOutcome> appendMessage(qint64 roomId, qint64 senderId, const QString& body, const QString& clientId,
        qint64 nowMs, const QList<qint64>& mentions = {}, qint64 replyTo = 0, const QStringList& attachments = {});
    Result<HistoryPage> history(const HistoryQuery& query); // messages as they are now (edits, tombstones)
    // Never moves backwards; returns the new value, and in `moved` whether it changed.
    Result<qint64> markRead(qint64 roomId, qint64 userId, qint64 seq, bool* moved = nullptr);
    // Bulk import for seeding benchmarks and migrations from other systems: bodies get consecutive seqs,
    // timestamps one second apart from firstTs, no client_id. Run it inside the caller's transaction. They are
    // searchable at once and indexed as sent messages are (by indexNewMessages where the index follows by id).
    Result<qint64> importMessages(qint64 roomId, qint64 senderId, const QStringList& bodies, qint64 firstTs);

    // Message actions (protocol.md, "Message actions"). Each one is refused (ActionOutcome::refusal), done with
    // the room's next change number, or finds it done already and stores nothing. The room's row is locked
    // first, as appendMessage locks it for seq: run them with lockOrder = roomId.
    // The room of a message in a room the user is in: none for a missing message and another room's alike.
    Result<std::optional<qint64>> roomOfMessage(qint64 messageId, qint64 userId);
    // `editableSinceMs` > 0: messages sent before it are refused with EditWindowClosed.
    Result<ActionOutcome> editMessage(qint64 roomId, qint64 messageId, qint64 userId, const QString& body,
        const QList<qint64>& mentions, qint64 nowMs, qint64 editableSinceMs);
    Result<ActionOutcome> deleteMessage(qint64 roomId, qint64 messageId, qint64 userId); // leaves a tombstone
    Result<ActionOutcome> addReaction(
        qint64 roomId, qint64 messageId, qint64 userId, const QString& emoji, int maxEmojiPerMessage);
    Result<ActionOutcome> removeReaction(qint64 roomId, qint64 messageId, qint64 userId, const QString& emoji);
    Result<ChangesPage> changesSince(qint64 roomId, qint64 since, int limit); // ascending change
    Result<QList<ReceiptRecord>> receipts(qint64 roomId); // members whose read position is above 0
    Result<bool> setNotifyLevel(qint64 roomId, qint64 userId, const QString& level); // false: not a member

    // Search (StoreDbSearch.cpp, StoreDbSearchIndex.cpp; protocol.md, "Search"). On PostgreSQL the index is written
    // in the transaction that stores a message, on SQLite by indexNewMessages() a moment later; edits and deletions
    // change it at once; messages older than the index are added by buildSearchIndex().
    Result<SearchPage> searchMessages(const SearchRequest& request);
    // Indexes messages stored before the index (or since resetSearchIndex), `batchSize` per transaction, and
    // reports after each; an interrupted build goes on where it stopped. Run by migrate().
    Result<SearchIndexProgress> buildSearchIndex(
        int batchSize = 5000, const std::function<void(const SearchIndexProgress&)>& progress = {});
    Result<bool> resetSearchIndex(); // empties the index, so that buildSearchIndex() rebuilds all of it
    Result<bool> tidySearchIndex(); // a bounded step of index upkeep, for a periodic job inside a transaction
    // Where the index follows the messages (SqlDialect::indexesInline false): indexes up to `limit` messages stored
    // since the last call, oldest first, and returns how many. FTS5 indexes many at once for a quarter of the CPU
    // that one at a time costs. Run it in a transaction.
    Result<int> indexNewMessages(int limit);

    // Files (StoreDbFiles.cpp; protocol.md, "Files"). Quotas count what users uploaded and still keep, unfinished
    // uploads at full size; 0 means none.
    // The user's unfinished upload of the same content to the same room, or a new one with `wanted.id`.
    Result<UploadReservation> reserveUpload(const UploadRecord& wanted, qint64 userQuotaBytes, qint64 totalQuotaBytes);
    Result<std::optional<UploadRecord>> uploadOf(const QString& uploadId, qint64 userId);
    Result<std::optional<FileRecord>> fileOfUpload(const QString& uploadId, qint64 userId); // a finished one
    // Adds the file and ends the upload.
    Result<FileRecord> finishUpload(const FileRecord& file);
    Result<bool> discardUpload(const QString& uploadId, qint64 userId); // false: there was none
    // A file the user may download: attached in a room they are in, or their own not sent yet.
    Result<std::optional<FileRecord>> fileForDownload(const QString& fileId, qint64 userId);
    // Housekeeping: uploads reserved and files left unsent before `beforeMs` go; the ids of the uploads are
    // returned so that their part files can go too.
    Result<QStringList> expireUploads(qint64 beforeMs);
    Result<int> expireUnsentFiles(qint64 beforeMs);
    Result<QSet<QString>> referencedContent(); // the SHA-256 of every file and upload kept
    Result<QList<FileRecord>> allFiles(); // for backups and checks

    // events from admin commands, for running servers
    Result<qint64> recordAdminEvent(QLatin1String kind, qint64 userId, qint64 nowMs);
    Result<QList<AdminEvent>> adminEventsAfter(qint64 id, int limit); // ascending id
    Result<qint64> lastAdminEventId(); // 0 when there is none
    Result<int> deleteAdminEventsBefore(qint64 createdBeforeMs);
    Result<QList<RoomRecord>> roomsOf(qint64 userId); // every room of the user with its members

    const DatabaseConfig& config() const { return m_config; }
    // For whole-table tools (db copy) that work below the queries above; nothing else should need them.
    QSqlDatabase connection() const { return m_db; }
    const SqlDialect& dialect() const { return *m_dialect; }

private:
    StoreDb(const DatabaseConfig& config, const QString& connectionName);
    Result<bool> connect();
    Result<bool> openAndSetUp();
    Result<std::optional<RoomRecord>> roomWhere(const QString& condition, const QVariant& value);
    Result<AppendOutcome> storedDuplicate(qint64 roomId, qint64 senderId, const QString& clientId, bool seqTaken);
    Result<std::optional<MessageReply>> replyQuote(qint64 roomId, qint64 messageId); // none: not in the room
    Result<QList<Message>> messagesWhere(const QString& condition, const QVariantList& values);
    // Fills in the attachments of the messages at `indexes` (those whose row counts any).
    Result<bool> loadAttachments(QList<Message>& messages, const QList<qsizetype>& indexes);
    // Links files to a new message, in order; false: one of them may not be attached (see AttachmentInvalid).
    Result<bool> attachFiles(qint64 messageId, qint64 roomId, qint64 senderId, const QStringList& fileIds, bool apply);
    Result<QList<FileRecord>> filesWhere(const QString& condition, const QVariantList& values);
    Result<HistoryPage> historyAround(qint64 roomId, qint64 seq, int limit);
    Result<bool> insertMember(qint64 roomId, qint64 userId, qint64 lastReadSeq, qint64 nowMs);
    Result<qint64> searchIndexedThrough(); // every message up to this id is in the index (or deleted)
    Result<SearchIndexProgress> lockSearchIndexState(); // built_through and target, the row locked
    // Indexes the messages after `builtThrough` up to `upTo`, at most `batchSize`, and records how far it got;
    // those up to `target` may be indexed already (db reindex beside a running server) and are replaced.
    Result<SearchIndexProgress> indexMessagesAfter(qint64 builtThrough, qint64 upTo, qint64 target, int batchSize);
    // The search index's row of a message: added, or removed (a deletion; an edit removes and adds).
    Result<bool> indexForSearch(qint64 roomId, qint64 seq, const QString& body);
    Result<bool> unindexForSearch(qint64 roomId, qint64 seq);
    // Writes many rows at once: FTS5 writes a new segment whenever a rowid is not above the one written before
    // it, so they go in ascending rowid, removals (`mayBeIndexed`: a row may be there already) before additions.
    struct SearchRow {
        qint64 roomId = 0;
        qint64 seq = 0;
        QString body;
        bool deleted = false; // only removed
    };
    Result<bool> writeSearchRows(QList<SearchRow> rows, bool mayBeIndexed);
    Result<SearchIndexProgress> buildSearchIndexBatch(int batchSize);
    // Columns that grow with seq within a room. lastSeqBelow: the highest seq of the room, at most `maxSeq`,
    // whose message has `column` below `value`; 0 when none has.
    enum class SeqOrdered { Id, Ts };
    Result<qint64> lastSeqBelow(qint64 roomId, qint64 maxSeq, SeqOrdered column, qint64 value);

    // The message an action is about, as far as the rules need it.
    struct ActionTarget {
        qint64 senderId = 0;
        qint64 ts = 0;
        bool deleted = false;
        QString body;
        qint64 seq = 0;
        qint64 lastChange = 0; // the room's
    };
    // Locks the room's row, then reads the message when it is in that room and the user is a member.
    Result<std::optional<ActionTarget>> lockTarget(qint64 roomId, qint64 messageId, qint64 userId);
    // The room takes `change` as its last; answers with the message as it is now.
    Result<ActionOutcome> recordChange(qint64 roomId, qint64 messageId, qint64 change);
    Result<ActionOutcome> unchanged(qint64 messageId); // the message as it is, nothing stored
    Result<QList<Reaction>> reactionsOf(qint64 messageId); // in the order protocol.md gives
    Result<ActionOutcome> storeReactions(qint64 roomId, qint64 messageId, qint64 change);

    DatabaseConfig m_config;
    QString m_connectionName;
    std::unique_ptr<SqlDialect> m_dialect;
    QSqlDatabase m_db;
    std::unique_ptr<SqlStatements> m_sql;
};

} // namespace chat::server
