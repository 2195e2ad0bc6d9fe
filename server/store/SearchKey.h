#pragma once

#include <QtGlobal>

namespace chat::server {

// The search index's rowid of a message: (room_id << 32) | (2^32 - 1 - seq). One room's rows are one range of
// rowids, its newest message first in ascending order, the direction FTS5 reads fastest (5 to 15 times faster
// than backwards). Room ids stay below 2^31 and seqs below 2^32.
inline qint64 searchKey(qint64 roomId, qint64 seq)
{
    constexpr int RoomShift = 32;
    constexpr qint64 MaxSeq = 0xFFFFFFFFLL;
    return (roomId << RoomShift) | (MaxSeq - seq);
}

} // namespace chat::server
