#include "StoreLogging.h"

namespace chat::server {
Q_LOGGING_CATEGORY(lcStore, "chat.store", QtInfoMsg)
} // namespace chat::server
