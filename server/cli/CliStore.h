#pragma once

#include "config/ServerConfig.h"

#include <QTextStream>

#include <memory>

namespace chat::server {

class StoreDb;

// Opens a database for an admin command, by default migrated to this server's schema. On failure it
// says why on `err` (naming the database, never its password) and returns null.
std::unique_ptr<StoreDb> openStore(const DatabaseConfig& config, QTextStream& err, bool migrate = true);

} // namespace chat::server
