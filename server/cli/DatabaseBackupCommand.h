#pragma once

#include "config/ServerConfig.h"

#include <QTextStream>

namespace chat::server {

// `db backup FILE`: a consistent copy of the configured SQLite database while the server runs (see
// OnlineBackup), and the files its messages refer to in FILE.files. PostgreSQL is pg_dump's job; the command says so.
class DatabaseBackupCommand {
public:
    DatabaseBackupCommand(const DatabaseConfig& source, const QString& filesFolder, QTextStream& out, QTextStream& err);
    int run(const QString& targetPath); // an exit code

private:
    const DatabaseConfig& m_source;
    QString m_filesFolder;
    QTextStream& m_out;
    QTextStream& m_err;
};

} // namespace chat::server
