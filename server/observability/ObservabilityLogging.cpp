#include "ObservabilityLogging.h"

namespace chat::server {
Q_LOGGING_CATEGORY(lcHttp, "chat.http", QtInfoMsg)
} // namespace chat::server
