#include "MessageChanges.h"

#include "Protocol.h"

namespace chat::client::messagechanges {

namespace {

QString firstChars(const QString& text, int count)
{
    int units = 0;
    for (int chars = 0; chars < count && units < text.size(); ++chars)
        units += (text.at(units).isHighSurrogate() && units + 1 < text.size()) ? 2 : 1;
    return text.left(units);
}
} // namespace

MessageReply quoteOf(const Message& original)
{
    MessageReply quote;
    quote.id = original.id;
    quote.seq = original.seq;
    quote.senderId = original.senderId;
    quote.deleted = original.deleted;
    if (!original.deleted)
        quote.excerpt = firstChars(original.body, protocol::ReplyExcerptChars);
    return quote;
}

bool refreshQuote(Message& reply, const Message& original)
{
    if (!reply.reply || reply.reply->id != original.id)
        return false;
    const MessageReply quote = quoteOf(original);
    if (*reply.reply == quote)
        return false;
    reply.reply = quote;
    return true;
}

} // namespace chat::client::messagechanges
