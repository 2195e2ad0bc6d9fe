#pragma once

#include "Limits.h"

#include <QObject>
#include <QTimer>

namespace chat::server {

class Store;
struct FileService;

// Frees what nothing needs any more, now and then: uploads never finished and files never sent after
// upload_expiry_hours, and the bytes of contents no file or upload refers to (after a message with files is
// deleted). Blobs younger than an hour are spared, so a reference being made right now is never lost. The folder
// is listed and blobs are deleted on the file thread.
// In a cluster every node runs it; they agree on what to delete, and deleting twice is harmless.
class FileReclaimer : public QObject {
    Q_OBJECT
public:
    FileReclaimer(Store& store, FileService& files, const Limits& limits, QObject* parent = nullptr);
    void start(int intervalMs = 3600 * 1000);
    void reclaimNow(); // one pass; reclaimed() when it is done
    static constexpr qint64 SpareYoungerThanMs = 3600 * 1000;

Q_SIGNALS:
    void reclaimed(int blobsRemoved);

private:
    void removeUnreferenced();

    Store& m_store;
    FileService& m_files;
    const Limits& m_limits;
    QTimer m_timer;
    bool m_running = false;
};

} // namespace chat::server
