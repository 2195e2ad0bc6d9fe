#pragma once

#include "Types.h"

namespace chat::client {

// Whether a new message deserves a desktop notification (or a sound), by the room's notification level
// (rooms.notify): "all" for every message from someone else, "mentions" only when it mentions me, "none"
// never. The window's focus rules come on top of this.
namespace notificationpolicy {

bool shouldNotify(const Message& message, qint64 me, const QString& level);

} // namespace notificationpolicy
} // namespace chat::client
