#pragma once

#include "Expected.h"
#include "StoreTypes.h"

#include <QString>

namespace chat::server {

class StoreDb;

// A consistent copy of a live SQLite database (`db backup FILE`) made with VACUUM INTO: it reads one
// snapshot, so writers go on committing meanwhile, and what was committed before it began is in the copy.
// The copy is written beside the target under a temporary name, flushed to disk, checked, and only then
// renamed to the target: a backup that exists is complete.
class OnlineBackup {
public:
    struct Report {
        qint64 bytes = 0;
        int schemaVersion = 0;
        qint64 messages = 0;
    };

    explicit OnlineBackup(StoreDb& source);
    // Fails when the target exists, when the source is not SQLite, or when the copy fails its check.
    Expected<Report, StoreError> writeTo(const QString& targetPath);

private:
    StoreDb& m_source;
};

} // namespace chat::server
