#pragma once

#include <QLatin1String>

// Every name that crosses the wire lives here, so that a rename is one change for server and client.
namespace chat::protocol {

inline constexpr int Version = 1;

namespace method {
inline constexpr QLatin1String AuthSignup { "auth.signup" };
inline constexpr QLatin1String AuthLogin { "auth.login" };
inline constexpr QLatin1String AuthResume { "auth.resume" };
inline constexpr QLatin1String AuthLogout { "auth.logout" };
inline constexpr QLatin1String UsersList { "users.list" };
inline constexpr QLatin1String RoomsList { "rooms.list" };
inline constexpr QLatin1String RoomsDirect { "rooms.direct" };
inline constexpr QLatin1String RoomsCreate { "rooms.create" };
inline constexpr QLatin1String RoomsJoin { "rooms.join" };
inline constexpr QLatin1String RoomsLeave { "rooms.leave" };
inline constexpr QLatin1String RoomsPublic { "rooms.public" };
inline constexpr QLatin1String RoomsRead { "rooms.read" };
inline constexpr QLatin1String MessagesSend { "messages.send" };
inline constexpr QLatin1String MessagesHistory { "messages.history" };
inline constexpr QLatin1String MessagesEdit { "messages.edit" };
inline constexpr QLatin1String MessagesDelete { "messages.delete" };
inline constexpr QLatin1String MessagesChanges { "messages.changes" };
inline constexpr QLatin1String ReactionsAdd { "reactions.add" };
inline constexpr QLatin1String ReactionsRemove { "reactions.remove" };
inline constexpr QLatin1String RoomsReceipts { "rooms.receipts" };
inline constexpr QLatin1String RoomsNotify { "rooms.notify" };
inline constexpr QLatin1String MessagesSearch { "messages.search" };
inline constexpr QLatin1String FilesUpload { "files.upload" };
inline constexpr QLatin1String FilesFinish { "files.finish" };
inline constexpr QLatin1String FilesCancel { "files.cancel" };
inline constexpr QLatin1String FilesDownload { "files.download" };
} // namespace method

namespace notification {
inline constexpr QLatin1String ServerHello { "server.hello" };
inline constexpr QLatin1String MessageNew { "message.new" };
inline constexpr QLatin1String Presence { "presence" };
// Several presence changes at once ({users: [{user_id, online}]}): sent instead of many `presence`
// notifications when people come and go in a burst, e.g. everyone reconnecting after a server restart.
inline constexpr QLatin1String PresenceBatch { "presence.batch" };
inline constexpr QLatin1String UserNew { "user.new" };
inline constexpr QLatin1String RoomUpdated { "room.updated" };
inline constexpr QLatin1String Typing { "typing" }; // both directions
// {reason, message}: sent just before the server closes a session it ended (password changed, account disabled).
inline constexpr QLatin1String SessionRevoked { "session.revoked" };
// {message}: a message was edited, deleted or reacted to; replace a held copy whose `change` is lower.
inline constexpr QLatin1String MessageChanged { "message.changed" };
// {room_id, user_id, seq}: a member read up to seq (rooms of at most receipts_max_members members).
inline constexpr QLatin1String Receipt { "receipt" };
// {upload_id, received}: the server holds `received` bytes of an upload of this connection.
inline constexpr QLatin1String FileProgress { "file.progress" };
} // namespace notification

namespace key {
inline constexpr QLatin1String JsonRpc { "jsonrpc" };
inline constexpr QLatin1String Id { "id" };
inline constexpr QLatin1String Method { "method" };
inline constexpr QLatin1String Params { "params" };
inline constexpr QLatin1String Result { "result" };
inline constexpr QLatin1String Error { "error" };
inline constexpr QLatin1String Code { "code" };
inline constexpr QLatin1String Message { "message" };
inline constexpr QLatin1String Data { "data" };
inline constexpr QLatin1String Reason { "reason" };
inline constexpr QLatin1String RetryAfterMs { "retry_after_ms" };
inline constexpr QLatin1String Cause { "cause" }; // error.data.cause: a finer reason within `unavailable`
inline constexpr QLatin1String Limit { "limit" };

inline constexpr QLatin1String Protocol { "protocol" };
inline constexpr QLatin1String Server { "server" };
inline constexpr QLatin1String Limits { "limits" };
inline constexpr QLatin1String Features { "features" };

inline constexpr QLatin1String Username { "username" };
inline constexpr QLatin1String Password { "password" };
inline constexpr QLatin1String Token { "token" };
inline constexpr QLatin1String User { "user" };
inline constexpr QLatin1String Users { "users" };
inline constexpr QLatin1String UserId { "user_id" };
inline constexpr QLatin1String Online { "online" };

inline constexpr QLatin1String Room { "room" };
inline constexpr QLatin1String Rooms { "rooms" };
inline constexpr QLatin1String RoomId { "room_id" };
inline constexpr QLatin1String Name { "name" };
inline constexpr QLatin1String Kind { "kind" };
inline constexpr QLatin1String Members { "members" };
inline constexpr QLatin1String LastSeq { "last_seq" };
inline constexpr QLatin1String LastReadSeq { "last_read_seq" };
inline constexpr QLatin1String Unread { "unread" };
inline constexpr QLatin1String MemberCount { "member_count" };
inline constexpr QLatin1String LastChange { "last_change" };
inline constexpr QLatin1String Notify { "notify" };
inline constexpr QLatin1String Level { "level" };
inline constexpr QLatin1String Receipts { "receipts" };

inline constexpr QLatin1String MessageObj { "message" };
inline constexpr QLatin1String Messages { "messages" };
inline constexpr QLatin1String SenderId { "sender_id" };
inline constexpr QLatin1String Body { "body" };
inline constexpr QLatin1String Ts { "ts" };
inline constexpr QLatin1String Seq { "seq" };
inline constexpr QLatin1String ClientId { "client_id" };
inline constexpr QLatin1String Before { "before" };
inline constexpr QLatin1String After { "after" };
inline constexpr QLatin1String HasMore { "has_more" };
inline constexpr QLatin1String Around { "around" };
inline constexpr QLatin1String HasNewer { "has_newer" };
inline constexpr QLatin1String MessageId { "message_id" };
inline constexpr QLatin1String EditedTs { "edited_ts" };
inline constexpr QLatin1String Deleted { "deleted" };
inline constexpr QLatin1String ReplyTo { "reply_to" }; // messages.send: the id replied to
inline constexpr QLatin1String Reply { "reply" }; // message: {id, seq, sender_id, excerpt | deleted}
inline constexpr QLatin1String Excerpt { "excerpt" };
inline constexpr QLatin1String Mentions { "mentions" };
inline constexpr QLatin1String Reactions { "reactions" };
inline constexpr QLatin1String Emoji { "emoji" };
inline constexpr QLatin1String Change { "change" };
inline constexpr QLatin1String Since { "since" };

inline constexpr QLatin1String Query { "query" }; // messages.search
inline constexpr QLatin1String FromTs { "from_ts" };
inline constexpr QLatin1String ToTs { "to_ts" };
inline constexpr QLatin1String Cursor { "cursor" };
inline constexpr QLatin1String NextCursor { "next_cursor" };
inline constexpr QLatin1String Results { "results" };
inline constexpr QLatin1String Highlights { "highlights" };
inline constexpr QLatin1String MinChars { "min_chars" };

inline constexpr QLatin1String Attachments { "attachments" }; // files
inline constexpr QLatin1String File { "file" };
inline constexpr QLatin1String FileId { "file_id" };
inline constexpr QLatin1String UploadId { "upload_id" };
inline constexpr QLatin1String DownloadId { "download_id" };
inline constexpr QLatin1String Size { "size" };
inline constexpr QLatin1String Type { "type" };
inline constexpr QLatin1String Sha256 { "sha256" };
inline constexpr QLatin1String Width { "width" };
inline constexpr QLatin1String Height { "height" };
inline constexpr QLatin1String Thumbnail { "thumbnail" };
inline constexpr QLatin1String DataKey { "data" }; // a thumbnail's base64 bytes
inline constexpr QLatin1String Offset { "offset" };
inline constexpr QLatin1String Received { "received" };
inline constexpr QLatin1String ChunkBytes { "chunk_bytes" };
inline constexpr QLatin1String WindowBytes { "window_bytes" };
inline constexpr QLatin1String Scope { "scope" };
inline constexpr QLatin1String QuotaBytes { "quota_bytes" };
inline constexpr QLatin1String UsedBytes { "used_bytes" };
inline constexpr QLatin1String MaxBytes { "max_bytes" };
inline constexpr QLatin1String MaxPixels { "max_pixels" };
} // namespace key

// Reasons in session.revoked (besides account_disabled, an error reason as well).
namespace revoked {
inline constexpr QLatin1String PasswordChanged { "password_changed" };
inline constexpr QLatin1String AccountDisabled { "account_disabled" };
} // namespace revoked

// rooms.notify levels; a room never set is `all`.
namespace notify {
inline constexpr QLatin1String All { "all" };
inline constexpr QLatin1String Mentions { "mentions" };
inline constexpr QLatin1String None { "none" };
} // namespace notify

// server.hello `features`: the optional parts of the protocol a server speaks.
namespace feature {
inline constexpr QLatin1String Edit { "edit" };
inline constexpr QLatin1String Delete { "delete" };
inline constexpr QLatin1String Reply { "reply" };
inline constexpr QLatin1String Reactions { "reactions" };
inline constexpr QLatin1String Mentions { "mentions" };
inline constexpr QLatin1String Receipts { "receipts" };
inline constexpr QLatin1String Notify { "notify" };
inline constexpr QLatin1String Changes { "changes" };
inline constexpr QLatin1String Search { "search" };
inline constexpr QLatin1String Files { "files" };
} // namespace feature

// The longest excerpt of a replied-to message in `reply`, in characters (code points).
inline constexpr int ReplyExcerptChars = 200;
// The longest `emoji` of a reaction, in UTF-16 code units.
inline constexpr int MaxEmojiUtf16 = 32;

namespace roomkind {
inline constexpr QLatin1String Direct { "direct" };
inline constexpr QLatin1String Group { "group" };
} // namespace roomkind

} // namespace chat::protocol
