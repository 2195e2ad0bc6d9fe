#include "RedisReply.h"

#include <hiredis/hiredis.h>

namespace chat::server {

RedisReply RedisReply::error(const QString& text)
{
    RedisReply reply;
    reply.type = Type::Error;
    reply.errorText = text;
    return reply;
}

RedisReply RedisReply::fromHiredis(const redisReply& source)
{
    RedisReply reply;
    switch (source.type) {
    case REDIS_REPLY_STATUS:
        reply.type = Type::Status;
        reply.bytes = QByteArray(source.str, qsizetype(source.len));
        break;
    case REDIS_REPLY_ERROR:
        reply.type = Type::Error;
        reply.errorText = QString::fromUtf8(source.str, qsizetype(source.len));
        break;
    case REDIS_REPLY_INTEGER:
        reply.type = Type::Integer;
        reply.integer = source.integer;
        break;
    case REDIS_REPLY_STRING:
        reply.type = Type::String;
        reply.bytes = QByteArray(source.str, qsizetype(source.len));
        break;
    case REDIS_REPLY_ARRAY:
        reply.type = Type::Array;
        reply.elements.reserve(qsizetype(source.elements));
        for (size_t i = 0; i < source.elements; ++i)
            reply.elements.append(fromHiredis(*source.element[i]));
        break;
    default:
        reply.type = Type::Nil;
        break;
    }
    return reply;
}

} // namespace chat::server
