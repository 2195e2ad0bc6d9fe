#pragma once

#include "config/ServerConfig.h"

#include <QTextStream>

namespace chat::server {

// `db copy FILE`: moves a whole SQLite database into the configured, empty one (normally PostgreSQL),
// migrating both first and printing each table's progress. The copying itself is DatabaseCopy's.
class DatabaseCopyCommand {
public:
    DatabaseCopyCommand(const DatabaseConfig& target, QTextStream& out, QTextStream& err);
    int run(const QString& sourcePath); // an exit code

private:
    const DatabaseConfig& m_target;
    QTextStream& m_out;
    QTextStream& m_err;
};

} // namespace chat::server
