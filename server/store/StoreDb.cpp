#include "StoreDb.h"

#include "Migrations.h"
#include "SqlDialect.h"
#include "SqlStatements.h"
#include "StoreLogging.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

#include <atomic>

namespace chat::server {

namespace {

bool isPlainIdentifier(const QString& name)
{
    static const QRegularExpression identifier(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]{0,62}$"));
    return identifier.match(name).hasMatch();
}

} // namespace

StoreDb::StoreDb(const DatabaseConfig& config, const QString& connectionName)
    : m_config(config)
    , m_connectionName(connectionName)
    , m_dialect(SqlDialect::forDriver(config.driver))
{
}

StoreDb::~StoreDb()
{
    m_sql.reset(); // prepared statements must go before their connection
    if (m_db.isValid())
        m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

StoreDb::Result<std::unique_ptr<StoreDb>> StoreDb::open(const DatabaseConfig& config, const QString& connectionName)
{
    // Callers may reuse a name (two Stores in one process, tests); Qt needs each one unique.
    static std::atomic<int> serial { 0 };
    const QString unique = connectionName + QLatin1Char('#') + QString::number(++serial);
    std::unique_ptr<StoreDb> db(new StoreDb(config, unique));
    if (auto connected = db->connect(); !connected)
        return connected.error();
    return db;
}

StoreDb::Result<bool> StoreDb::connect()
{
    m_db = QSqlDatabase::addDatabase(m_dialect->qtDriverName(), m_connectionName);
    if (!m_db.isValid())
        return StoreError::failure(
            QStringLiteral("the Qt SQL driver %1 is not available").arg(m_dialect->qtDriverName()));
    if (m_config.driver == DatabaseConfig::Driver::Sqlite) {
        if (m_config.path.isEmpty())
            return StoreError::failure(QStringLiteral("no database path is configured"));
        const QDir folder = QFileInfo(m_config.path).absoluteDir();
        if (!folder.exists() && !QDir().mkpath(folder.absolutePath()))
            return StoreError::failure(QStringLiteral("cannot create the folder %1").arg(folder.absolutePath()));
    }
    m_dialect->configure(m_db, m_config);
    return openAndSetUp();
}

StoreDb::Result<bool> StoreDb::openAndSetUp()
{
    // Statements exist even while the connection is down: they then fail instead of crashing.
    m_sql = std::make_unique<SqlStatements>(m_db);
    if (!m_db.open())
        return SqlStatements::failureOf(m_db.lastError(), m_db.driver(), QStringLiteral("cannot open the database"));
    const QStringList setup = m_dialect->connectionSetup(m_config);
    for (const QString& statement : setup) {
        if (auto done = m_sql->execDirect(statement); !done)
            return done.error();
    }
    return true;
}

bool StoreDb::ping()
{
    return m_sql && m_sql->execDirect(QStringLiteral("SELECT 1")).ok();
}

StoreDb::Result<bool> StoreDb::reopen()
{
    m_sql.reset(); // prepared statements belong to the old connection
    m_db.close();
    return openAndSetUp();
}

StoreDb::Result<int> StoreDb::migrate()
{
    auto version = Migrations(*m_sql, *m_dialect).migrate(QDateTime::currentMSecsSinceEpoch());
    if (!version)
        return version;
    // Messages stored before the search index existed; a build cut short by a stop goes on from its last batch.
    QElapsedTimer sinceReport;
    sinceReport.start();
    auto built = buildSearchIndex(5000, [&sinceReport](const SearchIndexProgress& progress) {
        if (sinceReport.elapsed() < 2000 && !progress.done())
            return;
        sinceReport.restart();
        qCInfo(lcStore).noquote() << QStringLiteral("search index: %1 messages added, through message id %2 of %3%4")
                                         .arg(progress.indexed)
                                         .arg(progress.builtThrough)
                                         .arg(progress.target)
                                         .arg(progress.done() ? QStringLiteral(": done")
                                                              : QStringLiteral(" (safe to "
                                                                               "interrupt)"));
    });
    if (!built)
        return built.error();
    return version;
}

StoreDb::Result<int> StoreDb::migrateTo(int version)
{
    return Migrations(*m_sql, *m_dialect).migrate(QDateTime::currentMSecsSinceEpoch(), version);
}

int StoreDb::schemaVersion()
{
    auto version = Migrations(*m_sql, *m_dialect).currentVersion();
    return version ? *version : 0;
}

StoreDb::Result<bool> StoreDb::refuseForeignTables()
{
    return Migrations(*m_sql, *m_dialect).refuseForeignTables();
}

int StoreDb::latestSchemaVersion()
{
    return Migrations::latestVersion();
}

StoreDb::Result<QStringList> StoreDb::integrityCheck()
{
    QStringList statements = m_dialect->integrityCheck();
    statements.append(
        QStringLiteral("SELECT 'room ' || r.id || ' has a message beyond its last_seq' FROM rooms r "
                       "WHERE EXISTS (SELECT 1 FROM messages m WHERE m.room_id = r.id AND m.seq > r.last_seq)"));
    QStringList problems;
    for (const QString& sql : std::as_const(statements)) {
        QSqlQuery query(m_db);
        query.setForwardOnly(true);
        if (!query.exec(sql))
            return SqlStatements::failureOf(query, QStringLiteral("integrity check failed"));
        while (query.next()) {
            QStringList fields;
            for (int i = 0; i < query.record().count(); ++i)
                fields.append(query.value(i).toString());
            const QString problem = fields.join(QLatin1Char(' '));
            if (problem != QLatin1String("ok"))
                problems.append(problem);
        }
    }
    return problems;
}

StoreDb::Result<bool> StoreDb::begin()
{
    return m_sql->execDirect(m_dialect->beginWrite());
}

StoreDb::Result<bool> StoreDb::commit()
{
    return m_sql->execDirect(QStringLiteral("COMMIT"));
}

void StoreDb::rollback()
{
    if (auto done = m_sql->execDirect(QStringLiteral("ROLLBACK")); !done)
        qCWarning(lcStore) << "rollback failed:" << done.error().message;
}

StoreDb::Result<bool> StoreDb::savepoint(const QString& name)
{
    if (!isPlainIdentifier(name))
        return StoreError::failure(QStringLiteral("invalid savepoint name"));
    return m_sql->execDirect(QStringLiteral("SAVEPOINT ") + name);
}

StoreDb::Result<bool> StoreDb::releaseSavepoint(const QString& name)
{
    if (!isPlainIdentifier(name))
        return StoreError::failure(QStringLiteral("invalid savepoint name"));
    return m_sql->execDirect(QStringLiteral("RELEASE SAVEPOINT ") + name);
}

void StoreDb::rollbackToSavepoint(const QString& name)
{
    if (!isPlainIdentifier(name))
        return;
    if (auto done = m_sql->execDirect(QStringLiteral("ROLLBACK TO SAVEPOINT ") + name); !done)
        qCWarning(lcStore) << "rollback to savepoint failed:" << done.error().message;
}

} // namespace chat::server
