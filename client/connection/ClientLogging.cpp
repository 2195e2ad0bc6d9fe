#include "ClientLogging.h"

namespace chat::client {
Q_LOGGING_CATEGORY(lcConnection, "chat.client.connection")
Q_LOGGING_CATEGORY(lcSession, "chat.client.session")
Q_LOGGING_CATEGORY(lcUi, "chat.client.ui")
Q_LOGGING_CATEGORY(lcCache, "chat.client.cache")
} // namespace chat::client
