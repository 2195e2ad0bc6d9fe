#pragma once

#include "Expected.h"
#include "Limits.h"
#include "RpcError.h"
#include "SearchText.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

// Typed parameters of every request: parse() validates what the server receives, toJson() is what a client sends.
namespace chat::params {

template<typename T> using Parsed = Expected<T, RpcError>;

struct Credentials { // auth.signup, auth.login
    QString username;
    QString password;
    static Parsed<Credentials> parse(const QJsonObject& json, const Limits& limits);
    QJsonObject toJson() const;
};

struct Resume {
    QString token;
    static Parsed<Resume> parse(const QJsonObject& json, const Limits& limits);
    QJsonObject toJson() const;
};

struct Direct {
    qint64 userId = 0;
    static Parsed<Direct> parse(const QJsonObject& json, const Limits& limits);
    QJsonObject toJson() const;
};

struct CreateRoom {
    QString name;
    static Parsed<CreateRoom> parse(const QJsonObject& json, const Limits& limits);
    QJsonObject toJson() const;
};

struct RoomRef { // rooms.join, rooms.leave, typing
    qint64 roomId = 0;
    static Parsed<RoomRef> parse(const QJsonObject& json, const Limits& limits);
    QJsonObject toJson() const;
};

struct Send {
    qint64 roomId = 0;
    QString body;
    QString clientId;
    qint64 replyTo = 0; // 0: not a reply
    QStringList attachments {}; // file ids, lowercase hex; with any, the body may be empty
    static Parsed<Send> parse(const QJsonObject& json, const Limits& limits);
    QJsonObject toJson() const;
};

struct History {
    qint64 roomId = 0;
    std::optional<qint64> before;
    std::optional<qint64> after;
    int limit = 50;
    std::optional<qint64> around;
    static Parsed<History> parse(const QJsonObject& json, const Limits& limits);
    QJsonObject toJson() const;
};

struct Read {
    qint64 roomId = 0;
    qint64 seq = 0;
    static Parsed<Read> parse(const QJsonObject& json, const Limits& limits);
    QJsonObject toJson() const;
};

struct Edit { // messages.edit
    qint64 messageId = 0;
    QString body;
    static Parsed<Edit> parse(const QJsonObject& json, const Limits& limits);
    QJsonObject toJson() const;
};

struct MessageRef { // messages.delete
    qint64 messageId = 0;
    static Parsed<MessageRef> parse(const QJsonObject& json, const Limits& limits);
    QJsonObject toJson() const;
};

struct ReactionChange { // reactions.add, reactions.remove
    qint64 messageId = 0;
    QString emoji;
    static Parsed<ReactionChange> parse(const QJsonObject& json, const Limits& limits);
    QJsonObject toJson() const;
};

struct Changes { // messages.changes
    qint64 roomId = 0;
    qint64 since = 0;
    int limit = 50;
    static Parsed<Changes> parse(const QJsonObject& json, const Limits& limits);
    QJsonObject toJson() const;
};

struct Notify { // rooms.notify
    qint64 roomId = 0;
    QString level; // protocol::notify::*
    static Parsed<Notify> parse(const QJsonObject& json, const Limits& limits);
    QJsonObject toJson() const;
};

struct Search { // messages.search
    QString query; // as the user typed it
    search::Query parsed; // query folded and classified (server side; not sent)
    std::optional<qint64> roomId; // none: every room of the user
    std::optional<qint64> senderId;
    std::optional<qint64> fromTs; // inclusive, ms since the epoch
    std::optional<qint64> toTs; // exclusive
    int limit = search::DefaultResults;
    QString cursor; // empty: the newest results; else the next_cursor of the page before
    static Parsed<Search> parse(const QJsonObject& json, const Limits& limits);
    QJsonObject toJson() const;
};

struct FilesUpload { // files.upload
    qint64 roomId = 0;
    QString name; // as the client sent it; the server sanitises it
    qint64 size = 0;
    QString sha256; // lowercase hex
    static Parsed<FilesUpload> parse(const QJsonObject& json, const Limits& limits);
    QJsonObject toJson() const;
};

struct UploadRef { // files.finish
    QString uploadId;
    static Parsed<UploadRef> parse(const QJsonObject& json, const Limits& limits);
    QJsonObject toJson() const;
};

struct FilesCancel { // exactly one of the two
    QString uploadId;
    QString downloadId;
    static Parsed<FilesCancel> parse(const QJsonObject& json, const Limits& limits);
    QJsonObject toJson() const;
};

struct FilesDownload {
    QString fileId;
    qint64 offset = 0;
    static Parsed<FilesDownload> parse(const QJsonObject& json, const Limits& limits);
    QJsonObject toJson() const;
};

} // namespace chat::params
