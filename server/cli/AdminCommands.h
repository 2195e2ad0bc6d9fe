#pragma once

#include "config/ServerConfig.h"
#include "store/StoreTypes.h"

#include <QStringList>
#include <QTextStream>

#include "store/StoreDb.h"

#include <functional>
#include <optional>

namespace chat::server {

class StoreDb;

// The admin subcommands (user add/passwd/disable/enable/list, db check/migrate/reindex/copy), run synchronously on
// the same store the server uses. Safe while the server runs: SQLite's WAL lets both write, and each change
// leaves an `events` row in its transaction that running servers apply within a second (AdminEventTail).
class AdminCommands {
public:
    AdminCommands(const ServerConfig& config, QTextStream& in, QTextStream& out, QTextStream& err);

    // `words` is the subcommand, e.g. {"user", "add", "alice"}; returns an exit code.
    int run(const QStringList& words);
    static QString usage();

private:
    int addUser(const QString& username);
    int changePassword(const QString& username);
    int setDisabled(const QString& username, bool disabled);
    int listUsers();
    int checkDatabase();
    int migrateDatabase();
    int reindexSearch();
    int copyDatabase(const QString& sourcePath);
    bool readPassword(QString& password);
    std::optional<UserRecord> findUser(StoreDb& db, const QString& username);
    // Runs `change` in one transaction; reports a failure on the error stream.
    bool inTransaction(StoreDb& db, const std::function<StoreDb::Result<bool>(StoreDb&)>& change);

    const ServerConfig& m_config;
    QTextStream& m_in;
    QTextStream& m_out;
    QTextStream& m_err;
};

} // namespace chat::server
