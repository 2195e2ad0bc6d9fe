#pragma once

#include "StoreTypes.h"
#include "config/ServerConfig.h"

#include <QString>

namespace chat::server {

// Why a database could not be opened or migrated, for an operator reading a startup error: names the
// database and says the cause in plain words (not a SQLite database, damaged or truncated, locked by another
// process, another application's, disk full ...), with the driver's own text in brackets.
QString explainOpenFailure(const DatabaseConfig& config, const StoreError& error);

} // namespace chat::server
