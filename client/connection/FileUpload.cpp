#include "FileUpload.h"

#include "ChatConnection.h"
#include "ClientLogging.h"
#include "FileHasher.h"
#include "FileTransfer.h"
#include "Protocol.h"

#include <QFileInfo>

namespace chat::client {

namespace key = protocol::key;
namespace method = protocol::method;

FileUpload::FileUpload(ChatConnection* connection, qint64 roomId, const QString& path, QObject* parent)
    : QObject(parent)
    , m_connection(connection)
    , m_roomId(roomId)
    , m_path(path)
    , m_name(QFileInfo(path).fileName())
    , m_source(path)
    , m_size(QFileInfo(path).size())
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &FileUpload::reserve);
    m_pauseTimer.setSingleShot(true);
    connect(&m_pauseTimer, &QTimer::timeout, this, &FileUpload::pump);
    connect(m_connection, &ChatConnection::fileProgressReceived, this, &FileUpload::onProgress);
    connect(m_connection, &ChatConnection::stateChanged, this, &FileUpload::onConnectionStateChanged);
}

FileUpload::~FileUpload() = default;

void FileUpload::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void FileUpload::fail(const RpcError& error)
{
    qCInfo(lcConnection) << "upload failed:" << error.reason;
    ++m_attempt;
    m_retryTimer.stop();
    m_source.close();
    m_error = error;
    setState(State::Failed);
    Q_EMIT failed(error);
}

void FileUpload::start()
{
    ++m_attempt;
    m_error = {};
    setState(State::Hashing);
    if (!m_sha256.isEmpty())
        return reserve();
    delete m_hasher;
    m_hasher = new FileHasher(m_path, this);
    connect(m_hasher, &FileHasher::finished, this, [this](const QString& sha256) {
        m_sha256 = sha256;
        m_size = m_hasher->size();
        m_hasher->deleteLater();
        reserve();
    });
    connect(m_hasher, &FileHasher::failed, this, [this](const QString& why) {
        m_hasher->deleteLater();
        fail(RpcError { 0, UnreadableReason, tr("The file cannot be read: %1").arg(why), {} });
    });
    m_hasher->start();
}

void FileUpload::discardOnServer()
{
    if (!m_uploadId.isEmpty())
        m_connection->call(method::FilesCancel, params::FilesCancel { m_uploadId, {} }.toJson(), m_connection,
            [](const RpcResult&) {});
}

void FileUpload::retry()
{
    if (m_state != State::Failed)
        return;
    // The file may have changed since (hash_mismatch says it did): hash it again, and let go of the old reservation.
    discardOnServer();
    m_uploadId.clear();
    m_sha256.clear();
    start();
}

void FileUpload::cancel()
{
    if (!isActive())
        return;
    discardOnServer();
    ++m_attempt;
    m_retryTimer.stop();
    m_source.close();
    setState(State::Cancelled);
}

void FileUpload::reserve()
{
    setState(State::Reserving);
    if (!m_connection->isOnline())
        return; // onConnectionStateChanged() comes back here
    const params::FilesUpload request { m_roomId, m_name, m_size, m_sha256 };
    const int attempt = m_attempt;
    m_connection->call(method::FilesUpload, request.toJson(), this, [this, attempt](const RpcResult& result) {
        if (attempt == m_attempt)
            onReserved(result);
    });
}

bool FileUpload::waitForConnection(const RpcResult& result)
{
    if (result.reason() == reason::Unavailable) {
        // A lost connection comes back through onConnectionStateChanged(); a server that did not answer in time or
        // could not write is asked again in a while.
        if (m_connection->isOnline())
            m_retryTimer.start(2000);
        return true;
    }
    if (result.reason() == reason::RateLimited) {
        m_retryTimer.start(
            int(std::clamp<qint64>(result.error->extra.value(key::RetryAfterMs).toInteger(1000), 100, 60000)));
        return true;
    }
    return false;
}

void FileUpload::onReserved(const RpcResult& result)
{
    if (!result.ok()) {
        if (!waitForConnection(result))
            fail(*result.error);
        return;
    }
    m_uploadId = result.result.value(key::UploadId).toString();
    m_received = std::clamp<qint64>(result.result.value(key::Offset).toInteger(), 0, m_size);
    m_sent = m_received;
    m_inFlight.clear();
    m_staleAcks = 0;
    m_pauseTimer.stop();
    m_heldBack = false;
    const Limits& limits = m_connection->limits();
    m_chunkBytes = int(std::clamp<qint64>(
        result.result.value(key::ChunkBytes).toInteger(limits.fileChunkBytes), 1, limits.fileChunkBytes));
    m_windowBytes
        = int(std::max<qint64>(result.result.value(key::WindowBytes).toInteger(limits.fileWindowBytes), m_chunkBytes));
    qCInfo(lcConnection) << "upload" << m_uploadId << "starts at" << m_received << "of" << m_size;
    Q_EMIT progressChanged(m_received, m_size);
    if (!m_source.isOpen() && !m_source.open(QIODevice::ReadOnly))
        return fail(
            RpcError { 0, UnreadableReason, tr("The file cannot be read: %1").arg(m_source.errorString()), {} });
    setState(State::Sending);
    if (m_received >= m_size)
        return finish();
    pump();
}

void FileUpload::pump()
{
    while (m_state == State::Sending && m_connection->isOnline() && !m_pauseTimer.isActive() && m_sent < m_size
        && m_sent - m_received < m_windowBytes) {
        if (!m_source.seek(m_sent))
            return fail(
                RpcError { 0, UnreadableReason, tr("The file cannot be read: %1").arg(m_source.errorString()), {} });
        const QByteArray data = m_source.read(std::min<qint64>(m_chunkBytes, m_size - m_sent));
        if (data.isEmpty())
            return fail(RpcError { 0, UnreadableReason, tr("The file changed while it was being sent"), {} });
        m_connection->sendBinary(files::encodeChunk(files::ChunkKind::Upload, m_uploadId, quint64(m_sent), data));
        m_sent += data.size();
        m_inFlight.enqueue(m_sent);
    }
}

void FileUpload::onProgress(const QString& uploadId, qint64 received)
{
    if (m_state != State::Sending || uploadId.compare(m_uploadId, Qt::CaseInsensitive) != 0)
        return;
    received = std::clamp<qint64>(received, 0, m_size);
    if (m_staleAcks > 0) {
        // Answers to chunks sent before a rewind: the server dropped them, they say nothing new.
        --m_staleAcks;
        return;
    }
    // One acknowledgement per chunk, in order: each names the end of its chunk. One below that means the server did
    // not keep the chunk (its disk was full, say) and says what it holds: send again from there, after a pause.
    const qint64 expected = m_inFlight.isEmpty() ? m_sent : m_inFlight.head();
    if (received < expected) {
        m_staleAcks = std::max(0, int(m_inFlight.size()) - 1);
        m_inFlight.clear();
        m_received = received;
        m_sent = received;
        m_heldBack = true;
        qCInfo(lcConnection) << "upload" << m_uploadId << "refused a chunk; sending again from" << received << "in"
                             << m_pauseMs << "ms";
        Q_EMIT progressChanged(m_received, m_size);
        m_pauseTimer.start(m_pauseMs);
        m_pauseMs = std::min(2 * m_pauseMs, MaxPauseMs);
        return;
    }
    while (!m_inFlight.isEmpty() && m_inFlight.head() <= received)
        m_inFlight.dequeue();
    m_received = std::max(m_received, received);
    m_sent = std::max(m_sent, m_received);
    m_heldBack = false;
    m_pauseMs = MinPauseMs;
    Q_EMIT progressChanged(m_received, m_size);
    if (m_received >= m_size)
        return finish();
    pump();
}

void FileUpload::finish()
{
    setState(State::Finishing);
    const int attempt = m_attempt;
    m_connection->call(
        method::FilesFinish, params::UploadRef { m_uploadId }.toJson(), this, [this, attempt](const RpcResult& result) {
            if (attempt == m_attempt)
                onFinished(result);
        });
}

void FileUpload::onFinished(const RpcResult& result)
{
    if (!result.ok()) {
        if (waitForConnection(result))
            return;
        if (result.reason() == reason::InvalidParams && result.error->extra.contains(key::Received)) {
            // Bytes are missing (a chunk lost with a connection): ask where to continue.
            return reserve();
        }
        return fail(*result.error);
    }
    m_source.close();
    m_file = Attachment::fromJson(result.result.value(key::File).toObject());
    m_received = m_size;
    setState(State::Done);
    Q_EMIT finished(m_file);
}

void FileUpload::onConnectionStateChanged()
{
    if (!m_connection->isOnline() || !isActive() || m_state == State::Hashing)
        return;
    // Whatever was in flight on the old connection may be lost: the server says where to continue.
    ++m_attempt;
    reserve();
}

} // namespace chat::client
