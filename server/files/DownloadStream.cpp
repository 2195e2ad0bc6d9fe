#include "DownloadStream.h"

#include "FileStore.h"
#include "FileTransfer.h"
#include "FileWorker.h"
#include "core/ClientSession.h"
#include "core/OutgoingFrame.h"

#include <QLoggingCategory>

namespace chat::server {

Q_DECLARE_LOGGING_CATEGORY(lcFiles)

namespace {
// A download chunk framed for the socket on the file thread: the socket thread only writes it.
struct ReadResult {
    QByteArray wire; // WebSocket frame header, chunk header, data
    qsizetype payloadAt = 0; // where the chunk header starts
    qint64 length = 0; // data bytes
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
    const qint64 length = std::min<qint64>(m_chunkBytes, m_size - m_offset);
    m_worker.run<ReadResult>(
        [store, sha256 = m_sha256, id = m_downloadId, offset = m_offset, length] {
            ReadResult result;
            result.wire = OutgoingFrame::binaryHeader(files::ChunkHeaderBytes + length);
            result.payloadAt = result.wire.size();
            result.wire.reserve(result.payloadAt + files::ChunkHeaderBytes + length);
            result.wire.append(files::encodeChunk(files::ChunkKind::Download, id, quint64(offset), {}));
            auto read = store->readInto(result.wire, sha256, offset, length);
            if (!read)
                result.error = read.error().message;
            else if (*read != length)
                result.error = QStringLiteral("the file is shorter than its size");
            result.length = read ? *read : 0;
            return result;
        },
        this,
        [this](ReadResult result) {
            m_reading = false;
            if (!result.error.isEmpty()) {
                qCWarning(lcFiles) << "download" << m_downloadId << "stopped:" << result.error;
                m_session.sendError(QJsonValue::Null,
                    RpcError::unavailable(QStringLiteral("The server could not read the file; download it again")));
                deleteLater();
                return;
            }
            m_offset += result.length;
            m_ready = std::move(result.wire);
            m_readyPayloadAt = result.payloadAt;
            pump();
        });
}

void DownloadStream::pump()
{
    if (m_ready.isNull() || m_session.pendingOutputBytes() >= m_windowBytes)
        return;
    m_session.sendBinaryWire(m_ready, m_readyPayloadAt);
    m_ready = QByteArray();
    if (m_offset >= m_size) {
        deleteLater();
        return;
    }
    readNext();
}

} // namespace chat::server
