#include "FileUploads.h"

#include "FileTransfer.h"
#include "Protocol.h"

#include <QCryptographicHash>

namespace chat::test {

namespace key = protocol::key;

QString sha256Hex(const QByteArray& content)
{
    return QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
}

bool sendChunks(TestClient& client, const QString& uploadId, const QByteArray& content, qint64 offset, qint64 until,
    int chunkBytes, int windowBytes)
{
    qint64 sent = offset;
    qint64 acknowledged = offset;
    while (acknowledged < until) {
        while (sent < until && sent - acknowledged < windowBytes) {
            const qint64 length = std::min<qint64>(chunkBytes, until - sent);
            client.sendRawBinary(files::encodeChunk(
                files::ChunkKind::Upload, uploadId, quint64(sent), QByteArrayView(content).sliced(sent, length)));
            sent += length;
        }
        const auto progress = client.waitForNotificationWhere(protocol::notification::FileProgress,
            [&uploadId](const QJsonObject& params) { return params.value(key::UploadId).toString() == uploadId; });
        if (!progress)
            return false;
        acknowledged = progress->value(key::Received).toInteger();
        if (acknowledged < sent - windowBytes - chunkBytes)
            return false; // the server went back: not what these tests expect
    }
    return true;
}

Reply uploadFile(TestClient& client, qint64 roomId, const QString& name, const QByteArray& content, qint64 stopAfter)
{
    Reply reserved = client.call(protocol::method::FilesUpload,
        { { key::RoomId, roomId }, { key::Name, name }, { key::Size, content.size() },
            { key::Sha256, sha256Hex(content) } });
    if (!reserved.ok())
        return reserved;
    const QString uploadId = reserved.result.value(key::UploadId).toString();
    const qint64 offset = reserved.result.value(key::Offset).toInteger();
    const int chunk = reserved.result.value(key::ChunkBytes).toInt();
    const int window = reserved.result.value(key::WindowBytes).toInt();
    const qint64 until = stopAfter >= 0 ? std::min<qint64>(stopAfter, content.size()) : content.size();
    if (!sendChunks(client, uploadId, content, offset, until, chunk, window)) {
        Reply failed;
        failed.error = RpcError::internal(QStringLiteral("the chunks were not acknowledged"));
        return failed;
    }
    if (stopAfter >= 0)
        return reserved;
    return client.call(protocol::method::FilesFinish, { { key::UploadId, uploadId } }, 30000);
}

QByteArray downloadFile(TestClient& client, const QString& fileId, Reply* reply, qint64 offset)
{
    QJsonObject params { { key::FileId, fileId } };
    if (offset > 0)
        params.insert(key::Offset, offset);
    const Reply started = client.call(protocol::method::FilesDownload, params);
    if (reply)
        *reply = started;
    if (!started.ok())
        return {};
    const QString downloadId = started.result.value(key::DownloadId).toString();
    const qint64 size = started.result.value(key::File).toObject().value(key::Size).toInteger();
    QByteArray content;
    qint64 expected = started.result.value(key::Offset).toInteger();
    while (expected < size) {
        const auto frame = client.takeBinary();
        if (!frame)
            return {};
        const auto chunk = files::decodeChunk(*frame);
        if (!chunk || chunk->kind != files::ChunkKind::Download || chunk->id != downloadId
            || qint64(chunk->offset) != expected)
            return {};
        content += chunk->data;
        expected += chunk->data.size();
    }
    return content;
}

} // namespace chat::test
