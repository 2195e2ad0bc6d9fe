#pragma once

#include "Expected.h"
#include "Limits.h"
#include "RpcError.h"

#include <QJsonObject>
#include <QString>

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
    static Parsed<Send> parse(const QJsonObject& json, const Limits& limits);
    QJsonObject toJson() const;
};

struct History {
    qint64 roomId = 0;
    std::optional<qint64> before;
    std::optional<qint64> after;
    int limit = 50;
    static Parsed<History> parse(const QJsonObject& json, const Limits& limits);
    QJsonObject toJson() const;
};

struct Read {
    qint64 roomId = 0;
    qint64 seq = 0;
    static Parsed<Read> parse(const QJsonObject& json, const Limits& limits);
    QJsonObject toJson() const;
};

} // namespace chat::params
