#pragma once

#include "Types.h"

namespace chat::client {

// The rules for replacing a held copy of a message by a changed one (docs/protocol.md "Changes and
// catch-up") and for keeping replies' quotes of it current.
namespace messagechanges {

// The incoming copy replaces the held one only when its change number is higher (absent counts as 0).
inline bool supersedes(const Message& incoming, const Message& held)
{
    return incoming.id == held.id && incoming.change > held.change;
}

// The quote a reply carries of `original` as it is now: its first 200 characters, or a deleted marker.
MessageReply quoteOf(const Message& original);

// Updates `reply`'s quote when it quotes `original`; true when the quote changed.
bool refreshQuote(Message& reply, const Message& original);

} // namespace messagechanges
} // namespace chat::client
