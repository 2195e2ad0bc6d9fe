#pragma once

#include <QLoggingCategory>

namespace chat::server {
Q_DECLARE_LOGGING_CATEGORY(lcCluster)
} // namespace chat::server
