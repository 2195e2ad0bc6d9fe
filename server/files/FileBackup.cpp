#include "FileBackup.h"

#include "FileStore.h"
#include "store/StoreDb.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>

namespace chat::server {

Expected<FileBackupReport, QString> copyReferencedFiles(StoreDb& db, const QString& filesFolder, const QString& target)
{
    auto files = db.allFiles();
    if (!files)
        return QStringLiteral("cannot list the files: %1").arg(files.error().message);
    const FileStore from(filesFolder);
    const FileStore to(target);
    if (auto prepared = to.prepare(); !prepared)
        return prepared.error().message;
    FileBackupReport report;
    QSet<QString> done;
    for (const FileRecord& file : std::as_const(*files)) {
        const QString& sha256 = file.attachment.sha256;
        if (done.contains(sha256))
            continue;
        done.insert(sha256);
        const QString source = from.blobPath(sha256);
        const QString copy = to.blobPath(sha256);
        if (!QFileInfo::exists(source)) {
            ++report.missing;
            continue;
        }
        if (!QFileInfo::exists(copy)) {
            QDir().mkpath(QFileInfo(copy).absolutePath());
            if (!QFile::copy(source, copy))
                return QStringLiteral("cannot copy %1 to %2").arg(source, copy);
        }
        ++report.files;
        report.bytes += QFileInfo(copy).size();
    }
    return report;
}

} // namespace chat::server
