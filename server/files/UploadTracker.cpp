#include "UploadTracker.h"

#include "FileStore.h"
#include "FileWorker.h"
#include "Protocol.h"
#include "core/ClientSession.h"
#include "handlers/HandlerSupport.h"

#include <QLoggingCategory>

namespace chat::server {

Q_LOGGING_CATEGORY(lcFiles, "chat.files")

namespace key = protocol::key;

UploadTracker::UploadTracker(const FileStore& store, FileWorker& worker, QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_worker(worker)
{
}

qint64 UploadTracker::open(const UploadRecord& upload, ClientSession& session)
{
    // Uploads whose connection went and that have nothing under way are read from disk again when resumed.
    for (auto it = m_uploads.begin(); it != m_uploads.end();) {
        if (!it->session && it->accepted == it->written)
            it = m_uploads.erase(it);
        else
            ++it;
    }
    auto it = m_uploads.find(upload.id);
    if (it == m_uploads.end()) {
        const qint64 onDisk = std::min(m_store.partSize(upload.id), upload.size);
        it = m_uploads.insert(upload.id, Upload { upload.userId, upload.size, onDisk, onDisk, {} });
    }
    it->session = &session;
    return it->accepted;
}

UploadTracker::ChunkResult UploadTracker::receive(ClientSession& session, const files::Chunk& chunk)
{
    auto it = m_uploads.find(chunk.id);
    if (it == m_uploads.end() || it->userId != session.userId())
        return ChunkResult::Unknown;
    it->session = &session;
    const qint64 length = chunk.data.size();
    if (qint64(chunk.offset) != it->accepted || it->accepted + length > it->size) {
        sendProgress(chunk.id, *it, it->accepted);
        return ChunkResult::WrongOffset;
    }
    const qint64 offset = it->accepted;
    it->accepted += length;
    const QString id = chunk.id;
    const FileStore* store = &m_store;
    m_worker.run<WriteResult>(
        [store, id, offset, data = chunk.data] {
            auto written = store->writeChunk(id, offset, data);
            if (!written)
                return WriteResult { store->partSize(id), written.error().message, written.error().diskFull };
            return WriteResult { *written, {}, false };
        },
        this, [this, id, offset, length](WriteResult result) { onWritten(id, offset, length, result); });
    return ChunkResult::Accepted;
}

void UploadTracker::onWritten(const QString& uploadId, qint64 offset, qint64 length, const WriteResult& result)
{
    auto it = m_uploads.find(uploadId);
    if (it == m_uploads.end())
        return; // finished or cancelled meanwhile
    if (result.error.isEmpty()) {
        it->written = std::max(it->written, offset + length);
        sendProgress(uploadId, *it, it->written);
        return;
    }
    if (offset > it->written)
        return; // queued behind a chunk that failed: the client resends from the progress that failure sent
    qCWarning(lcFiles) << "upload" << uploadId << "failed to write:" << result.error;
    it->accepted = it->written = result.size;
    if (it->session)
        it->session->sendError(QJsonValue::Null,
            result.diskFull ? RpcError::storageFull()
                            : RpcError::unavailable(QStringLiteral("The server could not store the file; try again")));
    sendProgress(uploadId, *it, it->written);
}

void UploadTracker::sendProgress(const QString& uploadId, const Upload& upload, qint64 received)
{
    if (upload.session)
        upload.session->send(encodeNotification(
            protocol::notification::FileProgress, { { key::UploadId, uploadId }, { key::Received, received } }));
}

void UploadTracker::restart(const QString& uploadId)
{
    auto it = m_uploads.find(uploadId);
    if (it != m_uploads.end())
        it->accepted = it->written = 0;
}

void UploadTracker::forget(const QString& uploadId)
{
    m_uploads.remove(uploadId);
}

} // namespace chat::server
