#include "Logging.h"

namespace chat::server {
Q_LOGGING_CATEGORY(lcServer, "chat.server", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSession, "chat.session", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAuth, "chat.auth", QtInfoMsg)
Q_LOGGING_CATEGORY(lcRooms, "chat.rooms", QtInfoMsg)
} // namespace chat::server
