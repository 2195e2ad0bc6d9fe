#include "OnlineBackup.h"

#include "SqlStatements.h"
#include "StoreDb.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryFile>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <unistd.h>
#endif

namespace chat::server {

namespace {

// VACUUM INTO leaves flushing to the operating system; a backup must be on the disk before it is called one.
// `path` may be a folder (after a rename), which QFile does not open.
bool flushToDisk(const QString& path)
{
#ifdef Q_OS_UNIX
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool flushed = ::fsync(fd) == 0;
    ::close(fd);
    return flushed;
#else
    Q_UNUSED(path)
    return true;
#endif
}

Expected<OnlineBackup::Report, StoreError> checkCopy(const QString& path)
{
    DatabaseConfig config;
    config.driver = DatabaseConfig::Driver::Sqlite;
    config.path = path;
    auto copy = StoreDb::open(config, QStringLiteral("chat-backup-check"));
    if (!copy)
        return copy.error();
    auto problems = (*copy)->integrityCheck();
    if (!problems)
        return problems.error();
    if (!problems->isEmpty())
        return StoreError::failure(QStringLiteral("the copy fails its integrity check: ") + problems->join(u"; "));
    OnlineBackup::Report report;
    report.schemaVersion = (*copy)->schemaVersion();
    QSqlQuery count((*copy)->connection());
    if (!count.exec(QStringLiteral("SELECT COUNT(*) FROM messages")) || !count.next())
        return StoreError::failure(QStringLiteral("cannot count the copy's messages"));
    report.messages = count.value(0).toLongLong();
    return report;
}

} // namespace

OnlineBackup::OnlineBackup(StoreDb& source)
    : m_source(source)
{
}

Expected<OnlineBackup::Report, StoreError> OnlineBackup::writeTo(const QString& targetPath)
{
    if (m_source.config().driver != DatabaseConfig::Driver::Sqlite)
        return StoreError::failure(QStringLiteral("online backup copies SQLite databases only"));
    const QFileInfo target(targetPath);
    if (target.exists())
        return StoreError::conflict(
            QStringLiteral("%1 exists already; choose a new name").arg(target.absoluteFilePath()));
    if (!target.absoluteDir().exists())
        return StoreError::failure(QStringLiteral("the folder %1 does not exist").arg(target.absolutePath()));

    // Empty, in the target's folder (so the rename below cannot cross file systems); VACUUM INTO accepts an
    // empty file.
    QTemporaryFile partial(target.absoluteDir().filePath(QStringLiteral(".%1.XXXXXX.partial").arg(target.fileName())));
    if (!partial.open())
        return StoreError::failure(
            QStringLiteral("cannot create a file in %1: %2").arg(target.absolutePath(), partial.errorString()));
    partial.close();

    QSqlQuery vacuum(m_source.connection());
    vacuum.prepare(QStringLiteral("VACUUM INTO ?"));
    vacuum.addBindValue(partial.fileName());
    if (!vacuum.exec())
        return SqlStatements::failureOf(vacuum, QStringLiteral("the copy failed"));
    vacuum.finish();
    if (!flushToDisk(partial.fileName()))
        return StoreError::failure(QStringLiteral("cannot flush %1 to disk").arg(partial.fileName()));
    auto report = checkCopy(partial.fileName());
    if (!report)
        return report.error();
    report->bytes = QFileInfo(partial.fileName()).size();
    if (!partial.rename(target.absoluteFilePath()))
        return StoreError::failure(
            QStringLiteral("cannot rename the copy to %1: %2").arg(target.absoluteFilePath(), partial.errorString()));
    partial.setAutoRemove(false);
    flushToDisk(target.absolutePath()); // the rename itself
    return report;
}

} // namespace chat::server
