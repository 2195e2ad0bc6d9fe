#include "FileStore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <unistd.h>

#include <cerrno>

namespace chat::server {

namespace {

FileStoreError failure(const QFile& file, const QString& what)
{
    // QFile keeps no errno; right after the failed call it is still the cause.
    const bool full = errno == ENOSPC || errno == EDQUOT;
    return FileStoreError { full, QStringLiteral("%1 %2: %3").arg(what, file.fileName(), file.errorString()) };
}

} // namespace

FileStore::FileStore(QString root)
    : m_root(std::move(root))
{
}

FileStore::Result<bool> FileStore::prepare() const
{
    QDir dir(m_root);
    for (const QString& sub : { QStringLiteral("blobs"), QStringLiteral("parts") }) {
        if (!dir.mkpath(sub))
            return FileStoreError { false, QStringLiteral("cannot create the folder %1").arg(dir.filePath(sub)) };
    }
    return true;
}

QString FileStore::partPath(const QString& uploadId) const
{
    return m_root + QStringLiteral("/parts/") + uploadId + QStringLiteral(".part");
}

QString FileStore::blobPath(const QString& sha256) const
{
    return m_root + QStringLiteral("/blobs/") + sha256.left(2) + QLatin1Char('/') + sha256;
}

qint64 FileStore::partSize(const QString& uploadId) const
{
    const QFileInfo info(partPath(uploadId));
    return info.exists() ? info.size() : 0;
}

bool FileStore::hasBlob(const QString& sha256) const
{
    return QFileInfo::exists(blobPath(sha256));
}

FileStore::Result<qint64> FileStore::writeChunk(const QString& uploadId, qint64 offset, const QByteArray& data) const
{
    QFile part(partPath(uploadId));
    if (!part.open(QIODevice::ReadWrite | QIODevice::Unbuffered))
        return failure(part, QStringLiteral("cannot open"));
    if (part.size() != offset)
        return FileStoreError { false,
            QStringLiteral("%1 holds %2 bytes, not %3").arg(part.fileName()).arg(part.size()).arg(offset) };
    if (!part.seek(offset))
        return failure(part, QStringLiteral("cannot seek in"));
    errno = 0;
    if (part.write(data) != data.size()) {
        FileStoreError error = failure(part, QStringLiteral("cannot write"));
        part.resize(offset); // a short write leaves no torn tail to resume after
        return error;
    }
    return offset + data.size();
}

FileStore::Result<QString> FileStore::sha256Of(const QString& path) const
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failure(file, QStringLiteral("cannot read"));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file))
        return failure(file, QStringLiteral("cannot read"));
    return QString::fromLatin1(hash.result().toHex());
}

FileStore::Result<bool> FileStore::commit(const QString& uploadId, const QString& sha256) const
{
    const QString blob = blobPath(sha256);
    QFile part(partPath(uploadId));
    if (QFileInfo::exists(blob)) {
        // Young again, so that the reclaimer (which spares young blobs) cannot take it from the new reference.
        QFile existing(blob);
        if (existing.open(QIODevice::ReadWrite))
            existing.setFileTime(QDateTime::currentDateTimeUtc(), QFileDevice::FileModificationTime);
        part.remove();
        return true;
    }
    if (!QDir().mkpath(QFileInfo(blob).absolutePath()))
        return FileStoreError { false, QStringLiteral("cannot create the folder for %1").arg(blob) };
    if (!part.open(QIODevice::ReadWrite))
        return failure(part, QStringLiteral("cannot open"));
    errno = 0;
    if (!part.flush() || ::fsync(part.handle()) != 0)
        return failure(part, QStringLiteral("cannot make durable"));
    part.close();
    if (!part.rename(blob))
        return failure(part, QStringLiteral("cannot move to %1").arg(blob));
    return true;
}

void FileStore::removePart(const QString& uploadId) const
{
    QFile::remove(partPath(uploadId));
}

FileStore::Result<qint64> FileStore::readInto(
    QByteArray& buffer, const QString& sha256, qint64 offset, qint64 maxBytes) const
{
    QFile blob(blobPath(sha256));
    if (!blob.open(QIODevice::ReadOnly))
        return failure(blob, QStringLiteral("cannot open"));
    if (!blob.seek(offset))
        return failure(blob, QStringLiteral("cannot seek in"));
    const qsizetype start = buffer.size();
    buffer.resize(start + qsizetype(std::min(maxBytes, std::max<qint64>(0, blob.size() - offset))));
    const qint64 read = blob.read(buffer.data() + start, buffer.size() - start);
    if (read < 0 || (read == 0 && offset < blob.size()))
        return failure(blob, QStringLiteral("cannot read"));
    buffer.resize(start + read);
    return read;
}

QStringList FileStore::blobsOlderThan(const QDateTime& before) const
{
    QStringList names;
    QDirIterator it(m_root + QStringLiteral("/blobs"), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        if (it.fileInfo().lastModified() < before)
            names.append(it.fileName());
    }
    return names;
}

bool FileStore::removeBlob(const QString& sha256, const QDateTime& unlessNewerThan) const
{
    const QString path = blobPath(sha256);
    if (QFileInfo(path).lastModified() >= unlessNewerThan)
        return false;
    return QFile::remove(path);
}

QStringList FileStore::partsOlderThan(const QDateTime& before) const
{
    QStringList ids;
    QDirIterator it(m_root + QStringLiteral("/parts"), { QStringLiteral("*.part") }, QDir::Files);
    while (it.hasNext()) {
        it.next();
        if (it.fileInfo().lastModified() < before)
            ids.append(it.fileInfo().completeBaseName());
    }
    return ids;
}

} // namespace chat::server
