#include "DatabaseCopyCommand.h"

#include "CliStore.h"
#include "ServerCli.h"
#include "store/DatabaseCopy.h"
#include "store/StoreDb.h"

#include <QElapsedTimer>
#include <QFileInfo>

namespace chat::server {

namespace {
constexpr qint64 ProgressEveryRows = 100000; // a line now and then for big tables, one per table otherwise
}

DatabaseCopyCommand::DatabaseCopyCommand(const DatabaseConfig& target, QTextStream& out, QTextStream& err)
    : m_target(target)
    , m_out(out)
    , m_err(err)
{
}

int DatabaseCopyCommand::run(const QString& sourcePath)
{
    DatabaseConfig source;
    source.driver = DatabaseConfig::Driver::Sqlite;
    source.path = QFileInfo(sourcePath).absoluteFilePath();
    if (!QFileInfo(source.path).isFile()) {
        m_err << "chat-server: no SQLite database at " << source.path << Qt::endl;
        return exitcode::Failure;
    }
    if (m_target.driver == DatabaseConfig::Driver::Sqlite
        && QFileInfo(m_target.path).canonicalFilePath() == QFileInfo(source.path).canonicalFilePath()) {
        m_err << "chat-server: the source is the configured database itself" << Qt::endl;
        return exitcode::Failure;
    }
    auto from = openStore(source, m_err);
    auto to = from ? openStore(m_target, m_err) : nullptr;
    if (!to)
        return exitcode::Failure;
    m_out << "copying " << source.path << " into " << m_target.displayName() << Qt::endl;

    QElapsedTimer timer;
    timer.start();
    qint64 nextReport = ProgressEveryRows;
    DatabaseCopy copy(*from, *to);
    auto copied = copy.run([this, &nextReport](const QString& table, qint64 rows, bool finished) {
        if (finished || rows >= nextReport)
            m_out << "  " << table << ": " << rows << (finished ? " rows" : " rows so far") << Qt::endl;
        nextReport = finished ? ProgressEveryRows : (rows / ProgressEveryRows + 1) * ProgressEveryRows;
    });
    if (!copied) {
        m_err << "chat-server: " << copied.error().message << Qt::endl;
        if (copied.error().kind != StoreError::Kind::Conflict)
            m_err << "chat-server: the target may hold part of the data now; empty it before copying again" << Qt::endl;
        return exitcode::Failure;
    }
    m_out << "copied " << *copied << " rows in " << timer.elapsed() << " ms" << Qt::endl;
    return exitcode::Ok;
}

} // namespace chat::server
