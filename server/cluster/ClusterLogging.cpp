#include "ClusterLogging.h"

namespace chat::server {
Q_LOGGING_CATEGORY(lcCluster, "chat.cluster", QtInfoMsg)
} // namespace chat::server
