#pragma once

#include "store/StoreTypes.h"

#include <QObject>
#include <QPointer>

namespace chat::server {

class ClientSession;
class FileStore;
class FileWorker;

// Sends one file to one connection in download chunk frames, reading ahead by one chunk on the file worker and
// writing only while the connection's output buffer holds less than a window: a slow reader slows its own
// download, never the server's memory or other people's messages. A child of the session; ends with it.
class DownloadStream : public QObject {
    Q_OBJECT
public:
    DownloadStream(ClientSession& session, const FileStore& store, FileWorker& worker, const QString& downloadId,
        const FileRecord& file, qint64 offset, int chunkBytes, qint64 windowBytes);

    const QString& downloadId() const { return m_downloadId; }
    void start();

private:
    void pump();
    void readNext();

    ClientSession& m_session;
    const FileStore& m_store;
    FileWorker& m_worker;
    QString m_downloadId;
    QString m_sha256;
    qint64 m_size;
    qint64 m_offset; // next byte to read
    int m_chunkBytes;
    qint64 m_windowBytes;
    bool m_reading = false;
    QByteArray m_ready; // the next chunk's frame, read and not yet sent
    qsizetype m_readyPayloadAt = 0;
};

} // namespace chat::server
