#include "FileDownload.h"

#include "ChatConnection.h"
#include "ClientLogging.h"
#include "FileHasher.h"
#include "Protocol.h"
#include "SafeFileName.h"

#include <QFileInfo>

namespace chat::client {

namespace key = protocol::key;
namespace method = protocol::method;

FileDownload::FileDownload(
    ChatConnection* connection, const Attachment& file, const QDir& folder, Naming naming, QObject* parent)
    : QObject(parent)
    , m_connection(connection)
    , m_file(file)
    , m_folder(folder)
    , m_naming(naming)
{
    connect(m_connection, &ChatConnection::downloadChunkReceived, this, &FileDownload::onChunk);
    connect(m_connection, &ChatConnection::stateChanged, this, &FileDownload::onConnectionStateChanged);
}

FileDownload::~FileDownload()
{
    if (isActive())
        stopOnServer();
}

void FileDownload::stopOnServer()
{
    if (!m_downloadId.isEmpty() && m_connection->isOnline())
        m_connection->call(method::FilesCancel, params::FilesCancel { {}, m_downloadId }.toJson(), m_connection,
            [](const RpcResult&) {});
}

void FileDownload::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void FileDownload::fail(const RpcError& error)
{
    qCInfo(lcConnection) << "download failed:" << error.reason;
    ++m_attempt;
    m_part.reset(); // removes the partial file
    m_error = error;
    setState(State::Failed);
    Q_EMIT failed(error);
}

void FileDownload::start()
{
    if (!m_folder.exists() && !m_folder.mkpath(QStringLiteral(".")))
        return fail(RpcError { 0, UnwritableReason, tr("The folder %1 cannot be created").arg(m_folder.path()), {} });
    // Hidden, beside the destination, so that the final move is a rename on the same disk.
    m_part = std::make_unique<QTemporaryFile>(m_folder.filePath(QStringLiteral(".chat-download-XXXXXX.part")));
    if (!m_part->open())
        return fail(RpcError {
            0, UnwritableReason, tr("%1 cannot be written: %2").arg(m_folder.path(), m_part->errorString()), {} });
    m_written = 0;
    request();
}

void FileDownload::cancel()
{
    if (!isActive())
        return;
    stopOnServer();
    ++m_attempt;
    m_part.reset();
    setState(State::Cancelled);
}

void FileDownload::request()
{
    setState(State::Requesting);
    m_downloadId.clear();
    if (!m_connection->isOnline())
        return; // onConnectionStateChanged() asks once online
    const int attempt = ++m_attempt;
    m_connection->call(method::FilesDownload, params::FilesDownload { m_file.id, m_written }.toJson(), this,
        [this, attempt](const RpcResult& result) {
            if (attempt == m_attempt)
                onAnswer(result);
        });
}

void FileDownload::onAnswer(const RpcResult& result)
{
    if (!result.ok()) {
        if (result.reason() == reason::Unavailable)
            return; // the connection went: asked again once online
        return fail(*result.error);
    }
    const Attachment file = Attachment::fromJson(result.result.value(key::File).toObject());
    if (file.size > 0)
        m_file = file;
    m_downloadId = result.result.value(key::DownloadId).toString();
    const qint64 offset = result.result.value(key::Offset).toInteger();
    if (offset != m_written) {
        m_part->resize(offset); // the server starts where it says; never past what is here
        m_written = std::min(offset, m_written);
    }
    setState(State::Receiving);
    Q_EMIT progressChanged(m_written, m_file.size);
    if (m_written >= m_file.size)
        verify();
}

void FileDownload::onChunk(const QString& downloadId, qint64 offset, const QByteArray& data)
{
    if (m_state != State::Receiving || downloadId.compare(m_downloadId, Qt::CaseInsensitive) != 0)
        return;
    if (offset != m_written || m_written + data.size() > m_file.size) {
        qCWarning(lcConnection) << "download chunk at" << offset << "while" << m_written
                                << "were written; asking again";
        return request();
    }
    if (m_part->write(data) != data.size())
        return fail(RpcError {
            0, UnwritableReason, tr("%1 cannot be written: %2").arg(m_folder.path(), m_part->errorString()), {} });
    m_written += data.size();
    Q_EMIT progressChanged(m_written, m_file.size);
    if (m_written >= m_file.size)
        verify();
}

void FileDownload::verify()
{
    setState(State::Verifying);
    m_part->flush();
    m_hasher = new FileHasher(m_part->fileName(), this);
    connect(m_hasher, &FileHasher::finished, this, [this](const QString& sha256) {
        m_hasher->deleteLater();
        if (m_state != State::Verifying)
            return;
        if (sha256.compare(m_file.sha256, Qt::CaseInsensitive) != 0)
            return fail(
                RpcError { 0, DamagedReason, tr("The download of %1 was damaged on the way").arg(m_file.name), {} });
        moveIntoPlace();
    });
    connect(m_hasher, &FileHasher::failed, this, [this](const QString& why) {
        m_hasher->deleteLater();
        fail(RpcError { 0, UnwritableReason, why, {} });
    });
    m_hasher->start();
}

void FileDownload::moveIntoPlace()
{
    m_part->close();
    if (m_naming == Naming::ByContent) {
        const QString suffix = QFileInfo(SafeFileName::clean(m_file.name)).suffix();
        m_path
            = m_folder.filePath(m_file.sha256.toLower() + (suffix.isEmpty() ? QString() : QLatin1Char('.') + suffix));
        QFile::remove(m_path);
        if (!m_part->rename(m_path))
            return fail(RpcError { 0, UnwritableReason, m_part->errorString(), {} });
    } else {
        // rename() never replaces a file: one that appeared meanwhile only moves this one to the next free name.
        for (int attempt = 0; attempt < 1000; ++attempt) {
            m_path = SafeFileName::uniquePathIn(m_folder, m_file.name, attempt);
            if (m_part->rename(m_path))
                break;
            m_path.clear();
        }
        if (m_path.isEmpty())
            return fail(RpcError { 0, UnwritableReason, m_part->errorString(), {} });
    }
    m_part->setAutoRemove(false);
    m_part.reset();
    qCInfo(lcConnection) << "download of" << m_file.id << "complete";
    setState(State::Done);
    Q_EMIT finished(m_path);
}

void FileDownload::onConnectionStateChanged()
{
    // A dropped connection ends its downloads on the server: ask again from what is written.
    if (m_connection->isOnline() && (m_state == State::Requesting || m_state == State::Receiving))
        request();
}

} // namespace chat::client
