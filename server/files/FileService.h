#pragma once

#include "FileInspector.h"
#include "FileStore.h"
#include "FileWorker.h"
#include "UploadTracker.h"

namespace chat::server {

// Everything file handlers work with besides the database: the bytes on disk, the threads that touch them, and
// the uploads under way on this node.
struct FileService {
    FileService(const QString& root, qint64 maxImagePixels)
        : store(root)
        , io(QStringLiteral("chat-file-io"))
        , processing(QStringLiteral("chat-file-processing"))
        , uploads(store, io)
    {
        allowImagesOf(maxImagePixels);
    }

    FileStore store;
    FileWorker io; // chunk writes and reads: short jobs, in order
    FileWorker processing; // hashing and thumbnails when an upload finishes: long jobs, kept off the chunks' way
    UploadTracker uploads;
};

} // namespace chat::server
