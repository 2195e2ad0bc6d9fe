#include "AdminCommands.h"

#include "CliStore.h"
#include "DatabaseBackupCommand.h"
#include "DatabaseCopyCommand.h"
#include "ServerCli.h"
#include "Validation.h"
#include "auth/PasswordHasher.h"
#include "core/Clock.h"
#include "store/Accounts.h"
#include "store/OpenFailure.h"
#include "store/StoreDb.h"

#include <QElapsedTimer>

#include <memory>

namespace chat::server {

namespace {

StoreDb::Result<bool> asSuccess(const StoreDb::Result<qint64>& result)
{
    if (!result)
        return result.error();
    return true;
}

} // namespace

AdminCommands::AdminCommands(const ServerConfig& config, QTextStream& in, QTextStream& out, QTextStream& err)
    : m_config(config)
    , m_in(in)
    , m_out(out)
    , m_err(err)
{
}

QString AdminCommands::usage()
{
    return QStringLiteral(
        "Admin commands (on the database of --config):\n"
        "  user add NAME       create an account; the password is read from standard input\n"
        "  user passwd NAME    set a new password (from standard input); signs the user out everywhere\n"
        "  user disable NAME   refuse sign-in and end every session of the user\n"
        "  user enable NAME    allow sign-in again\n"
        "  user list           every account: id, name, state\n"
        "  db check            schema version and an integrity check\n"
        "  db migrate          bring the schema to this version\n"
        "  db reindex          rebuild the search index from the messages (also while the server runs; searches\n"
        "                      find fewer old messages until it is done; safe to interrupt and run again)\n"
        "  db copy FILE        copy the SQLite database FILE into the configured, empty database\n"
        "  db backup FILE      write a consistent copy of the SQLite database to the new FILE, also while\n"
        "                      the server runs (restore: stop the server, put the copy in place of the database)\n");
}

int AdminCommands::run(const QStringList& words)
{
    const QString group = words.value(0);
    const QString action = words.value(1);
    const bool needsName = (group == QLatin1String("user") && action != QLatin1String("list"))
        || (group == QLatin1String("db") && (action == QLatin1String("copy") || action == QLatin1String("backup")));
    if (words.size() != (needsName ? 3 : 2)) {
        m_err << "chat-server: unknown or incomplete command \"" << words.join(QLatin1Char(' ')) << "\"\n" << usage();
        return exitcode::Usage;
    }
    const QString name = words.value(2);
    if (group == QLatin1String("user")) {
        if (action == QLatin1String("add"))
            return addUser(name);
        if (action == QLatin1String("passwd"))
            return changePassword(name);
        if (action == QLatin1String("disable"))
            return setDisabled(name, true);
        if (action == QLatin1String("enable"))
            return setDisabled(name, false);
        if (action == QLatin1String("list"))
            return listUsers();
    } else if (group == QLatin1String("db")) {
        if (action == QLatin1String("check"))
            return checkDatabase();
        if (action == QLatin1String("migrate"))
            return migrateDatabase();
        if (action == QLatin1String("reindex"))
            return reindexSearch();
        if (action == QLatin1String("copy"))
            return copyDatabase(name);
        if (action == QLatin1String("backup"))
            return DatabaseBackupCommand(m_config.database, m_config.filesFolder(), m_out, m_err).run(name);
    }
    m_err << "chat-server: unknown command \"" << words.join(QLatin1Char(' ')) << "\"\n" << usage();
    return exitcode::Usage;
}

bool AdminCommands::readPassword(QString& password)
{
    password = m_in.readLine();
    if (auto weak = validation::checkPassword(password, m_config.limits)) {
        m_err << "chat-server: " << weak->message << Qt::endl;
        return false;
    }
    return true;
}

std::optional<UserRecord> AdminCommands::findUser(StoreDb& db, const QString& username)
{
    auto user = db.userByName(username);
    if (!user) {
        m_err << "chat-server: cannot read users: " << user.error().message << Qt::endl;
        return std::nullopt;
    }
    if (!user->has_value())
        m_err << "chat-server: no user named \"" << username << "\"" << Qt::endl;
    return *user;
}

int AdminCommands::addUser(const QString& username)
{
    if (auto invalid = validation::checkUsername(username, m_config.limits)) {
        m_err << "chat-server: " << invalid->message << Qt::endl;
        return exitcode::Failure;
    }
    QString password;
    if (!readPassword(password))
        return exitcode::Failure;
    auto db = openStore(m_config.database, m_err);
    if (!db)
        return exitcode::Failure;
    const QString hash = PasswordHasher::hash(password);
    const QStringList defaultRooms = m_config.defaultRooms;
    std::optional<UserRecord> added;
    const bool done = inTransaction(*db, [&](StoreDb& store) -> StoreDb::Result<bool> {
        auto account = createAccount(store, username, hash, defaultRooms, currentTimeMs());
        if (!account)
            return account.error();
        added = account->user;
        return asSuccess(store.recordAdminEvent(adminevent::UserAdded, account->user.id, currentTimeMs()));
    });
    if (!done)
        return exitcode::Failure;
    m_out << "added user " << added->username << " (id " << added->id << ")" << Qt::endl;
    return exitcode::Ok;
}

bool AdminCommands::inTransaction(StoreDb& db, const std::function<StoreDb::Result<bool>(StoreDb&)>& change)
{
    if (auto begun = db.begin(); !begun) {
        m_err << "chat-server: cannot write to the database: " << begun.error().message << Qt::endl;
        return false;
    }
    auto changed = change(db);
    if (changed)
        changed = db.commit();
    if (!changed) {
        db.rollback();
        m_err << "chat-server: "
              << (changed.error().kind == StoreError::Kind::Conflict ? QStringLiteral("the name is taken")
                                                                     : changed.error().message)
              << Qt::endl;
        return false;
    }
    return true;
}

int AdminCommands::changePassword(const QString& username)
{
    QString password;
    if (!readPassword(password))
        return exitcode::Failure;
    auto db = openStore(m_config.database, m_err);
    if (!db)
        return exitcode::Failure;
    const std::optional<UserRecord> user = findUser(*db, username);
    if (!user)
        return exitcode::Failure;
    const qint64 userId = user->id;
    const QString hash = PasswordHasher::hash(password);
    // Running servers read the event and end the user's open connections.
    const bool done = inTransaction(*db, [&](StoreDb& store) -> StoreDb::Result<bool> {
        if (auto set = store.setPasswordHash(userId, hash); !set)
            return set;
        if (auto deleted = store.deleteSessionsOfUser(userId); !deleted)
            return deleted;
        return asSuccess(store.recordAdminEvent(adminevent::PasswordChanged, userId, currentTimeMs()));
    });
    if (!done)
        return exitcode::Failure;
    m_out << "password changed for " << user->username << "; every session of theirs is signed out" << Qt::endl;
    return exitcode::Ok;
}

int AdminCommands::setDisabled(const QString& username, bool disabled)
{
    auto db = openStore(m_config.database, m_err);
    if (!db)
        return exitcode::Failure;
    const std::optional<UserRecord> user = findUser(*db, username);
    if (!user)
        return exitcode::Failure;
    const qint64 userId = user->id;
    const bool done = inTransaction(*db, [&](StoreDb& store) -> StoreDb::Result<bool> {
        if (auto set = store.setDisabled(userId, disabled); !set)
            return set;
        if (disabled) {
            if (auto deleted = store.deleteSessionsOfUser(userId); !deleted)
                return deleted;
        }
        return asSuccess(store.recordAdminEvent(
            disabled ? adminevent::UserDisabled : adminevent::UserEnabled, userId, currentTimeMs()));
    });
    if (!done)
        return exitcode::Failure;
    m_out << (disabled ? "disabled " : "enabled ") << user->username << Qt::endl;
    return exitcode::Ok;
}

int AdminCommands::listUsers()
{
    auto db = openStore(m_config.database, m_err);
    if (!db)
        return exitcode::Failure;
    auto users = db->allUsers();
    if (!users) {
        m_err << "chat-server: cannot read users: " << users.error().message << Qt::endl;
        return exitcode::Failure;
    }
    for (const UserRecord& user : std::as_const(*users))
        m_out << user.id << '\t' << user.username << '\t' << (user.disabled ? "disabled" : "active") << '\n';
    m_out.flush();
    return exitcode::Ok;
}

int AdminCommands::checkDatabase()
{
    auto db = openStore(m_config.database, m_err, false);
    if (!db)
        return exitcode::Failure;
    if (auto own = db->refuseForeignTables(); !own) {
        m_err << "chat-server: " << explainOpenFailure(m_config.database, own.error()) << Qt::endl;
        return exitcode::Failure;
    }
    const int version = db->schemaVersion();
    m_out << "database " << m_config.database.displayName() << "\nschema version " << version
          << " (this chat-server: " << StoreDb::latestSchemaVersion() << ")" << Qt::endl;
    if (version == 0) {
        m_out << "the database is empty: run `db migrate` (or start the server) to create it" << Qt::endl;
        return exitcode::Failure;
    }
    auto problems = db->integrityCheck();
    if (!problems) {
        m_err << "chat-server: the integrity check stopped: " << explainOpenFailure(m_config.database, problems.error())
              << Qt::endl;
        m_out << "NOT OK" << Qt::endl;
        return exitcode::Failure;
    }
    for (const QString& problem : std::as_const(*problems))
        m_out << "problem: " << problem << '\n';
    const bool healthy = problems->isEmpty() && version == StoreDb::latestSchemaVersion();
    if (version != StoreDb::latestSchemaVersion())
        m_out << "the schema needs `db migrate`\n";
    m_out << (healthy ? "ok" : "NOT OK") << Qt::endl;
    return healthy ? exitcode::Ok : exitcode::Failure;
}

int AdminCommands::migrateDatabase()
{
    auto db = openStore(m_config.database, m_err);
    if (!db)
        return exitcode::Failure;
    m_out << "schema version " << db->schemaVersion() << Qt::endl;
    return exitcode::Ok;
}

int AdminCommands::copyDatabase(const QString& sourcePath)
{
    return DatabaseCopyCommand(m_config.database, m_out, m_err).run(sourcePath);
}

int AdminCommands::reindexSearch()
{
    auto db = openStore(m_config.database, m_err);
    if (!db)
        return exitcode::Failure;
    if (auto reset = db->resetSearchIndex(); !reset) {
        m_err << "chat-server: cannot empty the search index: " << reset.error().message << Qt::endl;
        return exitcode::Failure;
    }
    QElapsedTimer sinceReport;
    sinceReport.start();
    auto built = db->buildSearchIndex(5000, [this, &sinceReport](const SearchIndexProgress& progress) {
        if (sinceReport.elapsed() < 1000 && !progress.done())
            return;
        sinceReport.restart();
        m_out << "search index: " << progress.indexed << " messages, through id " << progress.builtThrough << " of "
              << progress.target << Qt::endl;
    });
    if (!built) {
        m_err << "chat-server: the search index stopped at a failure (run db reindex again): " << built.error().message
              << Qt::endl;
        return exitcode::Failure;
    }
    m_out << "search index rebuilt: " << built->indexed << " messages" << Qt::endl;
    return exitcode::Ok;
}

} // namespace chat::server
