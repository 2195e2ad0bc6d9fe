#include "NotificationPolicy.h"

#include "Protocol.h"

namespace chat::client::notificationpolicy {

bool shouldNotify(const Message& message, qint64 me, const QString& level)
{
    if (message.senderId == me || message.deleted)
        return false;
    if (level == protocol::notify::None)
        return false;
    if (level == protocol::notify::Mentions)
        return message.mentions.contains(me);
    return true; // "all", and a level this client does not know yet
}

} // namespace chat::client::notificationpolicy
