#pragma once

#include "Expected.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace chat::server {

struct FileStoreError {
    bool diskFull = false;
    QString message; // for the log: names the file and the cause
};

// The bytes of files on disk, content-addressed: blobs/<first two hex digits>/<sha256>, written once and never
// changed, so identical files are stored once and a shared folder serves every node of a cluster. Unfinished
// uploads grow in parts/<upload id>.part. Synchronous and stateless: call it from the file worker's thread.
class FileStore {
public:
    template<typename T> using Result = Expected<T, FileStoreError>;

    explicit FileStore(QString root);
    const QString& root() const { return m_root; }
    Result<bool> prepare() const; // creates the folders

    QString partPath(const QString& uploadId) const;
    QString blobPath(const QString& sha256) const;
    qint64 partSize(const QString& uploadId) const; // 0 when there is none
    bool hasBlob(const QString& sha256) const;

    // Appends `data` to the part, which must hold exactly `offset` bytes; returns its new size.
    Result<qint64> writeChunk(const QString& uploadId, qint64 offset, const QByteArray& data) const;
    Result<QString> sha256Of(const QString& path) const; // lowercase hex
    // The finished part becomes the blob (made durable first); if the blob exists already, the part just goes.
    Result<bool> commit(const QString& uploadId, const QString& sha256) const;
    void removePart(const QString& uploadId) const;
    // Appends up to `maxBytes` from `offset` to `buffer`, reading straight into it; returns how many.
    Result<qint64> readInto(QByteArray& buffer, const QString& sha256, qint64 offset, qint64 maxBytes) const;

    // Blob names (their SHA-256) last written before `before`; the reclaimer spares younger ones, which an upload
    // finishing right now may be about to refer to.
    QStringList blobsOlderThan(const QDateTime& before) const;
    bool removeBlob(const QString& sha256, const QDateTime& unlessNewerThan) const; // checked again just before
    QStringList partsOlderThan(const QDateTime& before) const; // upload ids

private:
    QString m_root;
};

} // namespace chat::server
