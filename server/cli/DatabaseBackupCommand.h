#pragma once

#include "config/ServerConfig.h"

#include <QTextStream>

namespace chat::server {

// `db backup FILE`: a consistent copy of the configured SQLite database while the server runs (see
// OnlineBackup). PostgreSQL is pg_dump's job; the command says so.
class DatabaseBackupCommand {
public:
    DatabaseBackupCommand(const DatabaseConfig& source, QTextStream& out, QTextStream& err);
    int run(const QString& targetPath); // an exit code

private:
    const DatabaseConfig& m_source;
    QTextStream& m_out;
    QTextStream& m_err;
};

} // namespace chat::server
