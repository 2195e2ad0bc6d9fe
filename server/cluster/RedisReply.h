#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

struct redisReply;

namespace chat::server {

// A Qt-side copy of one Redis reply, safe to keep after hiredis frees its own.
struct RedisReply {
    enum class Type { Nil, Status, Error, Integer, String, Array };

    Type type = Type::Nil;
    qint64 integer = 0;
    QByteArray bytes; // String and Status
    QList<RedisReply> elements; // Array
    QString errorText; // Error: the text Redis sent, or why no reply came (link down)

    bool isError() const { return type == Type::Error; }

    static RedisReply error(const QString& text);
    static RedisReply fromHiredis(const redisReply& reply);
};

} // namespace chat::server
