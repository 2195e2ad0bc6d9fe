#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

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

struct Message {
    qint64 id = 0;
    qint64 roomId = 0;
    qint64 seq = 0;
    qint64 senderId = 0;
    QString body;
    qint64 ts = 0; // ms since the epoch, UTC, server time
    QString clientId;

    QJsonObject toJson() const;
    static Message fromJson(const QJsonObject& json);
    friend bool operator==(const Message&, const Message&) = default;
};

} // namespace chat
