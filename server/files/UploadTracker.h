#pragma once

#include "FileTransfer.h"
#include "store/StoreTypes.h"

#include <QHash>
#include <QObject>
#include <QPointer>

namespace chat::server {

class ClientSession;
class FileStore;
class FileWorker;

// The uploads this node is receiving: which bytes it accepted and which are on disk, and whom to tell.
// Chunks are written by the file worker in the order they came; each written chunk is acknowledged with
// file.progress to the connection that sent the upload's latest chunk or resumed it.
class UploadTracker : public QObject {
    Q_OBJECT
public:
    UploadTracker(const FileStore& store, FileWorker& worker, QObject* parent = nullptr);

    // Starts or resumes following an upload for `session`; returns where its bytes end (the offset to send next).
    qint64 open(const UploadRecord& upload, ClientSession& session);
    enum class ChunkResult { Accepted, WrongOffset, Unknown };
    ChunkResult receive(ClientSession& session, const files::Chunk& chunk);
    void restart(const QString& uploadId); // the bytes were wrong: from offset 0 again
    void forget(const QString& uploadId);

private:
    struct Upload {
        qint64 userId = 0;
        qint64 size = 0;
        qint64 accepted = 0; // taken for writing
        qint64 written = 0; // on disk
        QPointer<ClientSession> session;
    };
    struct WriteResult {
        qint64 size = 0; // of the part after the write
        QString error;
        bool diskFull = false;
    };
    void onWritten(const QString& uploadId, qint64 offset, qint64 length, const WriteResult& result);
    void sendProgress(const QString& uploadId, const Upload& upload, qint64 received);

    const FileStore& m_store;
    FileWorker& m_worker;
    QHash<QString, Upload> m_uploads;
};

} // namespace chat::server
