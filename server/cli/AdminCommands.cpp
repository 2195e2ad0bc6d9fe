#include "AdminCommands.h"

#include "CliStore.h"
#include "DatabaseCopyCommand.h"
#include "ServerCli.h"
#include "Validation.h"
#include "auth/PasswordHasher.h"
#include "store/StoreDb.h"

#include <QDateTime>

#include <memory>

namespace chat::server {

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
        "  db copy FILE        copy the SQLite database FILE into the configured, empty database\n");
}

int AdminCommands::run(const QStringList& words)
{
    const QString group = words.value(0);
    const QString action = words.value(1);
    const bool needsName = (group == QLatin1String("user") && action != QLatin1String("list"))
        || (group == QLatin1String("db") && action == QLatin1String("copy"));
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
        if (action == QLatin1String("copy"))
            return copyDatabase(name);
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
    auto user = db->createUser(username, hash, QDateTime::currentMSecsSinceEpoch());
    if (!user) {
        m_err << "chat-server: cannot add \"" << username << "\": "
              << (user.error().kind == StoreError::Kind::Conflict ? QStringLiteral("the name is taken")
                                                                  : user.error().message)
              << Qt::endl;
        return exitcode::Failure;
    }
    // New accounts join the default rooms, as they do when people sign up themselves.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const QString& roomName : m_config.defaultRooms) {
        auto room = db->groupRoomByName(roomName);
        if (room && room->has_value())
            db->addMember((*room)->id, user->id, now);
        else if (room)
            db->createGroupRoom(roomName, user->id, now);
    }
    m_out << "added user " << user->username << " (id " << user->id << ")" << Qt::endl;
    return exitcode::Ok;
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
    if (!db->setPasswordHash(userId, PasswordHasher::hash(password)) || !db->deleteSessionsOfUser(userId)) {
        m_err << "chat-server: cannot store the new password" << Qt::endl;
        return exitcode::Failure;
    }
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
    if (!db->setDisabled(userId, disabled) || (disabled && !db->deleteSessionsOfUser(userId))) {
        m_err << "chat-server: cannot update the user" << Qt::endl;
        return exitcode::Failure;
    }
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
    const int version = db->schemaVersion();
    m_out << "database " << m_config.database.displayName() << "\nschema version " << version
          << " (this chat-server: " << StoreDb::latestSchemaVersion() << ")" << Qt::endl;
    if (version == 0) {
        m_out << "the database is empty: run `db migrate` (or start the server) to create it" << Qt::endl;
        return exitcode::Failure;
    }
    auto problems = db->integrityCheck();
    if (!problems) {
        m_err << "chat-server: integrity check failed to run: " << problems.error().message << Qt::endl;
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

} // namespace chat::server
