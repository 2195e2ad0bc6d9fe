#pragma once

#include "Expected.h"

#include <QString>

namespace chat::server {

class StoreDb;

// The bytes of every file a database refers to, copied from the files folder into another (e.g. beside a backup,
// `db backup` makes FILE.files). Blobs never change once written, so copying them after the database snapshot
// gives a consistent pair; one that went meanwhile (its message deleted and reclaimed) is counted as missing.
struct FileBackupReport {
    int files = 0;
    qint64 bytes = 0;
    int missing = 0;
};
Expected<FileBackupReport, QString> copyReferencedFiles(StoreDb& db, const QString& filesFolder, const QString& target);

} // namespace chat::server
