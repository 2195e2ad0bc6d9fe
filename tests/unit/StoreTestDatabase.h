#pragma once

#include "config/ServerConfig.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>

// The database the store tests run on: a SQLite file by default; PostgreSQL when CHAT_TEST_PG_PORT is set
// (with optional CHAT_TEST_PG_HOST, _USER, _PASSWORD, _DB). reset() empties it before a test.
namespace StoreTestDatabase {

inline bool onPostgres()
{
    return qEnvironmentVariableIsSet("CHAT_TEST_PG_PORT");
}

inline chat::server::DatabaseConfig config(const QString& sqlitePath)
{
    chat::server::DatabaseConfig config;
    config.path = sqlitePath;
    config.synchronousFull = false;
    if (onPostgres()) {
        config.driver = chat::server::DatabaseConfig::Driver::Postgres;
        config.port = qEnvironmentVariableIntValue("CHAT_TEST_PG_PORT");
        config.host = qEnvironmentVariable("CHAT_TEST_PG_HOST", QStringLiteral("127.0.0.1"));
        config.user = qEnvironmentVariable("CHAT_TEST_PG_USER", QStringLiteral("postgres"));
        config.password = qEnvironmentVariable("CHAT_TEST_PG_PASSWORD");
        config.name = qEnvironmentVariable("CHAT_TEST_PG_DB", QStringLiteral("chat"));
    }
    return config;
}

inline void reset(const chat::server::DatabaseConfig& config)
{
    if (config.driver == chat::server::DatabaseConfig::Driver::Sqlite) {
        for (const QString& suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") })
            QFile::remove(config.path + suffix);
        return;
    }
    const QString name = QStringLiteral("store-test-reset");
    {
        QSqlDatabase admin = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        admin.setHostName(config.host);
        admin.setPort(config.port);
        admin.setUserName(config.user);
        admin.setPassword(config.password);
        admin.setDatabaseName(config.name);
        if (!admin.open())
            qFatal("cannot reach PostgreSQL: %s", qPrintable(admin.lastError().text()));
        QSqlQuery query(admin);
        if (!query.exec(QStringLiteral("SET client_min_messages = warning"))
            || !query.exec(QStringLiteral("DROP SCHEMA public CASCADE"))
            || !query.exec(QStringLiteral("CREATE SCHEMA public")))
            qFatal("cannot reset the schema: %s", qPrintable(query.lastError().text()));
    }
    QSqlDatabase::removeDatabase(name);
}

} // namespace StoreTestDatabase
