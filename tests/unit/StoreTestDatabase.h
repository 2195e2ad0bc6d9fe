#pragma once

#include "PostgresProcess.h"
#include "config/ServerConfig.h"

#include <QCoreApplication>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QTemporaryDir>

#include <functional>
#include <memory>

// The database the store tests run on: a SQLite file by default; PostgreSQL when CHAT_TEST_PG=throwaway
// (a PostgresProcess of the test's own, started on first use) or when CHAT_TEST_PG_PORT names a running
// server (with optional CHAT_TEST_PG_HOST, _USER, _PASSWORD, _DB). reset() empties it before a test.
namespace StoreTestDatabase {

inline bool onThrowawayPostgres()
{
    return qEnvironmentVariable("CHAT_TEST_PG") == QLatin1String("throwaway");
}

inline bool onPostgres()
{
    return onThrowawayPostgres() || qEnvironmentVariableIsSet("CHAT_TEST_PG_PORT");
}

// Started on first use, stopped when the QCoreApplication goes (before statics are torn down).
inline PostgresProcess& throwawayServer()
{
    static std::unique_ptr<PostgresProcess> server;
    if (!server) {
        server = std::make_unique<PostgresProcess>();
        server->setServerSetting(QStringLiteral("fsync"), QStringLiteral("off")); // tests never lose power
        if (!server->initialize())
            qFatal("cannot start a throwaway PostgreSQL: %s", qPrintable(server->errorString()));
        qAddPostRoutine([] { server.reset(); });
    }
    return *server;
}

// The password of a CHAT_TEST_PG_PORT server, in a file as password_file expects it.
inline QString passwordFileFor(const QString& password)
{
    static QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("pg-password"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(password.toUtf8() + '\n') < 0)
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

// The database `server` created, with both its password and the file that holds it.
inline chat::server::DatabaseConfig configFor(const PostgresProcess& server)
{
    chat::server::DatabaseConfig config;
    config.driver = chat::server::DatabaseConfig::Driver::Postgres;
    config.host = server.host();
    config.port = server.port();
    config.user = server.user();
    config.password = server.password();
    config.passwordFile = server.passwordFile();
    config.name = server.databaseName();
    return config;
}

inline chat::server::DatabaseConfig config(const QString& sqlitePath)
{
    chat::server::DatabaseConfig config;
    if (onThrowawayPostgres())
        config = configFor(throwawayServer());
    config.path = sqlitePath;
    config.synchronousFull = false;
    if (!onThrowawayPostgres() && onPostgres()) {
        config.driver = chat::server::DatabaseConfig::Driver::Postgres;
        config.port = qEnvironmentVariableIntValue("CHAT_TEST_PG_PORT");
        config.host = qEnvironmentVariable("CHAT_TEST_PG_HOST", QStringLiteral("127.0.0.1"));
        config.user = qEnvironmentVariable("CHAT_TEST_PG_USER", QStringLiteral("postgres"));
        config.password = qEnvironmentVariable("CHAT_TEST_PG_PASSWORD");
        if (!config.password.isEmpty())
            config.passwordFile = passwordFileFor(config.password);
        config.name = qEnvironmentVariable("CHAT_TEST_PG_DB", QStringLiteral("chat"));
    }
    return config;
}

// The [database] section of a server.ini that points at `config`.
inline QByteArray iniSection(const chat::server::DatabaseConfig& config)
{
    if (config.driver == chat::server::DatabaseConfig::Driver::Sqlite)
        return "[database]\ndriver=sqlite\npath=" + config.path.toUtf8() + "\nsynchronous=normal\n";
    QByteArray ini = "[database]\ndriver=postgres\nhost=" + config.host.toUtf8() + "\nport="
        + QByteArray::number(config.port) + "\nname=" + config.name.toUtf8() + "\nuser=" + config.user.toUtf8() + "\n";
    if (!config.passwordFile.isEmpty())
        ini += "password_file=" + config.passwordFile.toUtf8() + "\n";
    return ini;
}

// Runs `use` on a PostgreSQL connection of the test's own (not the store's), then closes it.
inline void withAdminConnection(
    const chat::server::DatabaseConfig& config, const std::function<void(QSqlDatabase&)>& use)
{
    const QString name = QStringLiteral("store-test-admin");
    {
        QSqlDatabase admin = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        admin.setHostName(config.host);
        admin.setPort(config.port);
        admin.setUserName(config.user);
        admin.setPassword(config.password);
        admin.setDatabaseName(config.name);
        if (!admin.open())
            qFatal("cannot reach PostgreSQL: %s", qPrintable(admin.lastError().text()));
        use(admin);
    }
    QSqlDatabase::removeDatabase(name);
}

// The first column of the first row of `sql`, run on an admin connection; invalid on failure.
inline QVariant adminValue(const chat::server::DatabaseConfig& config, const QString& sql)
{
    QVariant value;
    withAdminConnection(config, [&](QSqlDatabase& admin) {
        QSqlQuery query(admin);
        if (query.exec(sql) && query.next())
            value = query.value(0);
    });
    return value;
}

inline void reset(const chat::server::DatabaseConfig& config)
{
    if (config.driver == chat::server::DatabaseConfig::Driver::Sqlite) {
        for (const QString& suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") })
            QFile::remove(config.path + suffix);
        return;
    }
    withAdminConnection(config, [](QSqlDatabase& admin) {
        QSqlQuery query(admin);
        if (!query.exec(QStringLiteral("SET client_min_messages = warning"))
            || !query.exec(QStringLiteral("DROP SCHEMA public CASCADE"))
            || !query.exec(QStringLiteral("CREATE SCHEMA public")))
            qFatal("cannot reset the schema: %s", qPrintable(query.lastError().text()));
    });
}

} // namespace StoreTestDatabase
