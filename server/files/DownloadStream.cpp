#include "DownloadStream.h"

#include "FileStore.h"
#include "FileTransfer.h"
#include "FileWorker.h"
#include "core/ClientSession.h"

#include <QLoggingCategory>

namespace chat::server {

Q_DECLARE_LOGGING_CATEGORY(lcFiles)

namespace {
struct ReadResult {
    QByteArray data;
    QString error;
};
} // namespace

DownloadStream::DownloadStream(ClientSession& session, const FileStore& store, FileWorker& worker,
    const QString& downloadId, const FileRecord& file, qint64 offset, int chunkBytes, qint64 windowBytes)
    : QObject(&session)
    , m_session(session)
    , m_store(store)
    , m_worker(worker)
    , m_downloadId(downloadId)
    , m_sha256(file.attachment.sha256)
    , m_size(file.attachment.size)
    , m_offset(offset)
    , m_chunkBytes(chunkBytes)
    , m_windowBytes(windowBytes)
{
    connect(&m_session, &ClientSession::outputWritten, this, &DownloadStream::pump);
}

void DownloadStream::start()
{
    if (m_offset >= m_size) {
        deleteLater();
        return;
    }
    readNext();
}

void DownloadStream::readNext()
{
    if (m_reading || m_offset >= m_size || !m_ready.isNull())
        return;
    m_reading = true;
    const FileStore* store = &m_store;
    m_worker.run<ReadResult>(
        [store, sha256 = m_sha256, offset = m_offset, length = m_chunkBytes] {
            auto data = store->read(sha256, offset, length);
            return data ? ReadResult { *data, {} } : ReadResult { {}, data.error().message };
        },
        this,
        [this](ReadResult result) {
            m_reading = false;
            if (!result.error.isEmpty() || result.data.isEmpty()) {
                qCWarning(lcFiles) << "download" << m_downloadId << "stopped:" << result.error;
                m_session.sendError(QJsonValue::Null,
                    RpcError::unavailable(QStringLiteral("The server could not read the file; download it again")));
                deleteLater();
                return;
            }
            m_readyOffset = m_offset;
            m_offset += result.data.size();
            m_ready = std::move(result.data);
            pump();
        });
}

void DownloadStream::pump()
{
    if (m_ready.isNull() || m_session.pendingOutputBytes() >= m_windowBytes)
        return;
    m_session.sendBinary(files::encodeChunk(files::ChunkKind::Download, m_downloadId, quint64(m_readyOffset), m_ready));
    m_ready = QByteArray();
    if (m_offset >= m_size) {
        deleteLater();
        return;
    }
    readNext();
}

} // namespace chat::server
