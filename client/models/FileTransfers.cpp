#include "FileTransfers.h"

#include "ChatConnection.h"
#include "ClientLogging.h"
#include "Outbox.h"

#include <QDir>
#include <QStandardPaths>

namespace chat::client {

FileTransfers::FileTransfers(ChatConnection* connection, Outbox* outbox, QObject* parent)
    : QObject(parent)
    , m_connection(connection)
    , m_outbox(outbox)
{
}

void FileTransfers::sendFiles(qint64 roomId, const QStringList& paths, const QString& caption)
{
    if (paths.isEmpty())
        return;
    Batch batch { roomId, caption.trimmed(), {} };
    for (const QString& path : paths) {
        auto* upload = new FileUpload(m_connection, roomId, path, this);
        connect(upload, &FileUpload::finished, this, &FileTransfers::postReadyBatches);
        batch.uploads.append(upload);
    }
    m_batches.append(batch);
    for (const QPointer<FileUpload>& upload : std::as_const(m_batches.last().uploads)) {
        Q_EMIT uploadAdded(upload);
        upload->start();
    }
}

QList<FileUpload*> FileTransfers::uploadsIn(qint64 roomId) const
{
    QList<FileUpload*> uploads;
    for (const Batch& batch : m_batches) {
        if (batch.roomId != roomId)
            continue;
        for (const QPointer<FileUpload>& upload : batch.uploads) {
            if (upload)
                uploads.append(upload);
        }
    }
    return uploads;
}

void FileTransfers::cancel(FileUpload* upload)
{
    upload->cancel();
    remove(upload);
}

void FileTransfers::dismiss(FileUpload* upload)
{
    if (upload->state() == FileUpload::State::Failed)
        remove(upload);
}

void FileTransfers::remove(FileUpload* upload)
{
    for (Batch& batch : m_batches)
        batch.uploads.removeAll(upload);
    Q_EMIT uploadRemoved(upload);
    upload->deleteLater();
    postReadyBatches(); // the others of its message may all be in
}

void FileTransfers::postReadyBatches()
{
    for (auto batch = m_batches.begin(); batch != m_batches.end();) {
        const bool ready = std::all_of(batch->uploads.cbegin(), batch->uploads.cend(),
            [](const QPointer<FileUpload>& upload) { return upload && upload->state() == FileUpload::State::Done; });
        if (!ready || batch->uploads.isEmpty()) {
            batch = batch->uploads.isEmpty() ? m_batches.erase(batch) : batch + 1;
            continue;
        }
        QStringList ids;
        for (const QPointer<FileUpload>& upload : std::as_const(batch->uploads))
            ids.append(upload->file().id);
        m_outbox->send(batch->roomId, batch->caption, 0, ids);
        const QList<QPointer<FileUpload>> posted = batch->uploads;
        batch = m_batches.erase(batch);
        for (const QPointer<FileUpload>& upload : posted) {
            Q_EMIT uploadRemoved(upload);
            upload->deleteLater();
        }
    }
}

QString FileTransfers::downloadFolder() const
{
    if (!m_downloadFolder.isEmpty())
        return m_downloadFolder;
    const QString downloads = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
    return downloads.isEmpty() ? QDir::homePath() : downloads;
}

FileDownload* FileTransfers::download(const Attachment& file)
{
    if (FileDownload* running = m_downloads.value(file.id); running && running->isActive())
        return running;
    FileDownload* download = startDownload(file, downloadFolder(), FileDownload::Naming::Unique);
    m_downloads.insert(file.id, download);
    return download;
}

FileDownload* FileTransfers::fetchForViewing(const Attachment& file)
{
    if (FileDownload* fetched = m_viewing.value(file.id);
        fetched && (fetched->isActive() || fetched->state() == FileDownload::State::Done))
        return fetched;
    const QString cache = m_cacheFolder.isEmpty()
        ? QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/files")
        : m_cacheFolder;
    FileDownload* download = startDownload(file, cache, FileDownload::Naming::ByContent);
    m_viewing.insert(file.id, download);
    return download;
}

FileDownload* FileTransfers::startDownload(const Attachment& file, const QString& folder, FileDownload::Naming naming)
{
    auto* download = new FileDownload(m_connection, file, QDir(folder), naming, this);
    const QString fileId = file.id;
    connect(download, &FileDownload::progressChanged, this, [this, fileId] { Q_EMIT downloadProgressed(fileId); });
    connect(download, &FileDownload::stateChanged, this, [this, fileId] { Q_EMIT downloadProgressed(fileId); });
    connect(download, &FileDownload::finished, this, [this, download] { Q_EMIT downloadFinished(download); });
    if (naming == FileDownload::Naming::Unique)
        Q_EMIT downloadAdded(download);
    download->start();
    return download;
}

FileDownload* FileTransfers::downloadOf(const QString& fileId) const
{
    return m_downloads.value(fileId);
}

void FileTransfers::cancel(FileDownload* download)
{
    download->cancel();
}

void FileTransfers::clear()
{
    for (const Batch& batch : std::as_const(m_batches)) {
        for (const QPointer<FileUpload>& upload : batch.uploads) {
            if (upload) {
                upload->cancel();
                Q_EMIT uploadRemoved(upload);
                upload->deleteLater();
            }
        }
    }
    m_batches.clear();
    for (const auto& downloads : { m_downloads, m_viewing }) {
        for (const QPointer<FileDownload>& download : downloads) {
            if (download) {
                download->cancel();
                download->deleteLater();
            }
        }
    }
    m_downloads.clear();
    m_viewing.clear();
}

} // namespace chat::client
