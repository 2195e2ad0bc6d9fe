#pragma once

#include "SearchText.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace chat {

struct User {
    qint64 id = 0;
    QString username;
    bool online = false;

    QJsonObject toJson() const;
    static User fromJson(const QJsonObject& json);
    friend bool operator==(const User&, const User&) = default;
};

struct Room {
    enum class Kind { Direct, Group };
    qint64 id = 0;
    Kind kind = Kind::Group;
    QString name; // group rooms only; direct rooms are named by their other member
    QList<qint64> members;
    qint64 lastSeq = 0;
    qint64 lastReadSeq = 0; // of the user the room is described to
    qint64 unread = 0;
    qint64 lastChange = 0; // the newest change number of the room's messages (edits, deletions, reactions)
    QString notify = QStringLiteral("all"); // personal notification level: all, mentions, none

    QJsonObject toJson() const;
    static Room fromJson(const QJsonObject& json);
    friend bool operator==(const Room&, const Room&) = default;
};

// A group room as listed by rooms.public: no member list, only a count.
struct PublicRoom {
    qint64 id = 0;
    QString name;
    qint64 memberCount = 0;

    QJsonObject toJson() const;
    static PublicRoom fromJson(const QJsonObject& json);
    friend bool operator==(const PublicRoom&, const PublicRoom&) = default;
};

// What a reply shows of the message it answers, as that message is now.
struct MessageReply {
    qint64 id = 0;
    qint64 seq = 0;
    qint64 senderId = 0;
    QString excerpt; // the first ReplyExcerptChars characters of its body; empty when deleted
    bool deleted = false;

    QJsonObject toJson() const;
    static MessageReply fromJson(const QJsonObject& json);
    friend bool operator==(const MessageReply&, const MessageReply&) = default;
};

// One emoji on a message and who added it, in the order they did.
struct Reaction {
    QString emoji;
    QList<qint64> users;

    friend bool operator==(const Reaction&, const Reaction&) = default;
};

// A small preview of an image attachment, made by the server.
struct Thumbnail {
    QString type; // image/jpeg or image/png
    int width = 0;
    int height = 0;
    QByteArray data; // the encoded image (base64 on the wire)

    bool isNull() const { return data.isEmpty(); }
    friend bool operator==(const Thumbnail&, const Thumbnail&) = default;
};

// A file on a message (protocol.md, "Files"). Images have a size and a thumbnail.
struct Attachment {
    QString id; // 32 hex characters
    QString name; // sanitised by the server
    qint64 size = 0;
    QString type; // sniffed by the server
    QString sha256; // lowercase hex
    int width = 0; // images only, orientation applied
    int height = 0;
    Thumbnail thumbnail;

    bool isImage() const { return width > 0 && height > 0; }
    QJsonObject toJson() const;
    static Attachment fromJson(const QJsonObject& json);
    friend bool operator==(const Attachment&, const Attachment&) = default;
};

struct Message {
    qint64 id = 0;
    qint64 roomId = 0;
    qint64 seq = 0;
    qint64 senderId = 0;
    QString body;
    qint64 ts = 0; // ms since the epoch, UTC, server time
    QString clientId;
    qint64 editedTs = 0; // 0: never edited
    bool deleted = false; // a tombstone: body empty, no mentions, reactions or reply
    std::optional<MessageReply> reply {};
    QList<qint64> mentions {}; // member ids named @username in the body
    QList<Reaction> reactions {}; // in the order each emoji was first added
    QList<Attachment> attachments {}; // in the order they were sent
    qint64 change = 0; // the room's change number of this message's latest change; 0: never changed

    QJsonObject toJson() const;
    static Message fromJson(const QJsonObject& json);
    friend bool operator==(const Message&, const Message&) = default;
};

// One messages.search result: the message as it is now, and where the query matched its body.
struct SearchHit {
    Message message;
    QList<search::TextRange> highlights; // ranges of message.body, in order

    QJsonObject toJson() const;
    static SearchHit fromJson(const QJsonObject& json);
    friend bool operator==(const SearchHit&, const SearchHit&) = default;
};

} // namespace chat
