#include "DatabaseBackupCommand.h"

#include "CliStore.h"
#include "ServerCli.h"
#include "files/FileBackup.h"
#include "store/OnlineBackup.h"
#include "store/StoreDb.h"

#include <QElapsedTimer>
#include <QFileInfo>

namespace chat::server {

DatabaseBackupCommand::DatabaseBackupCommand(
    const DatabaseConfig& source, const QString& filesFolder, QTextStream& out, QTextStream& err)
    : m_source(source)
    , m_filesFolder(filesFolder)
    , m_out(out)
    , m_err(err)
{
}

int DatabaseBackupCommand::run(const QString& targetPath)
{
    if (m_source.driver != DatabaseConfig::Driver::Sqlite) {
        m_err << "chat-server: db backup copies SQLite databases; back up PostgreSQL with its own tools, e.g.\n"
                 "  pg_dump --format=custom --host="
              << m_source.host << " --port=" << m_source.port << " --username=" << m_source.user
              << " --file=" << targetPath << ' ' << m_source.name << Qt::endl;
        return exitcode::Failure;
    }
    if (!QFileInfo(m_source.path).isFile()) {
        m_err << "chat-server: no SQLite database at " << m_source.path << Qt::endl;
        return exitcode::Failure;
    }
    // Not migrated: a backup copies the database as it is.
    auto db = openStore(m_source, m_err, false);
    if (!db)
        return exitcode::Failure;
    QElapsedTimer timer;
    timer.start();
    auto report = OnlineBackup(*db).writeTo(targetPath);
    if (!report) {
        m_err << "chat-server: cannot back up " << m_source.path << ": " << report.error().message << Qt::endl;
        return exitcode::Failure;
    }
    m_out << "backed up " << m_source.path << " to " << QFileInfo(targetPath).absoluteFilePath() << ": "
          << report->bytes << " bytes, schema version " << report->schemaVersion << ", " << report->messages
          << " messages, checked, in " << timer.elapsed() << " ms" << Qt::endl;
    // The files, from the backup's own list of them.
    DatabaseConfig copy = m_source;
    copy.path = QFileInfo(targetPath).absoluteFilePath();
    auto backup = openStore(copy, m_err, false);
    if (!backup)
        return exitcode::Failure;
    const QString filesTarget = copy.path + QStringLiteral(".files");
    auto files = copyReferencedFiles(*backup, m_filesFolder, filesTarget);
    if (!files) {
        m_err << "chat-server: cannot back up the files: " << files.error() << Qt::endl;
        return exitcode::Failure;
    }
    m_out << "backed up " << files->files << " files (" << files->bytes << " bytes) to " << filesTarget;
    if (files->missing > 0)
        m_out << "; " << files->missing << " were deleted meanwhile";
    m_out << Qt::endl;
    return exitcode::Ok;
}

} // namespace chat::server
