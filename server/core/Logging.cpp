#include "Logging.h"

namespace chat::server {
Q_LOGGING_CATEGORY(lcServer, "chat.server")
Q_LOGGING_CATEGORY(lcSession, "chat.session")
Q_LOGGING_CATEGORY(lcAuth, "chat.auth")
Q_LOGGING_CATEGORY(lcRooms, "chat.rooms")
} // namespace chat::server
