#pragma once

#include "FileStore.h"
#include "FileWorker.h"
#include "UploadTracker.h"

namespace chat::server {

// Everything file handlers work with besides the database: the bytes on disk, the threads that touch them, and
// the uploads under way on this node.
struct FileService {
    explicit FileService(const QString& root)
        : store(root)
        , io(QStringLiteral("chat-file-io"))
        , processing(QStringLiteral("chat-file-processing"))
        , uploads(store, io)
    {
    }

    FileStore store;
    FileWorker io; // chunk writes and reads: short jobs, in order
    FileWorker processing; // hashing and thumbnails when an upload finishes: long jobs, kept off the chunks' way
    UploadTracker uploads;
};

} // namespace chat::server
