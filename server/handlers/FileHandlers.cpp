#include "FileHandlers.h"

#include "FileTransfer.h"
#include "HandlerSupport.h"
#include "Protocol.h"
#include "core/Directory.h"
#include "core/SessionHub.h"
#include "files/DownloadStream.h"
#include "files/FileIds.h"
#include "files/FileInspector.h"
#include "files/FileService.h"
#include "store/Store.h"

#include <QLoggingCategory>

namespace chat::server {

Q_DECLARE_LOGGING_CATEGORY(lcFiles)

namespace key = protocol::key;

namespace {

constexpr int MaxDownloadsPerConnection = 4;

RpcError noSuchFile()
{
    return RpcError::notFound(QStringLiteral("There is no such file, or it is not in a room of yours"));
}

RpcError noSuchUpload()
{
    return RpcError::notFound(QStringLiteral("There is no such upload of yours"));
}

void upload(ServerContext& context, ClientSession& session, const jsonrpc::Message& message)
{
    auto params = paramsOrReply<params::FilesUpload>(session, message, context);
    if (!params)
        return;
    const qint64 self = session.userId();
    if (!context.directory.isMember(params->roomId, self))
        return session.sendError(message.id, notRoomMember());
    if (refusedByRate(session, session.uploadBucket(), message.id,
            QStringLiteral("You are starting uploads too fast; wait a moment")))
        return;
    const qint64 now = currentTimeMs();

    UploadRecord wanted { newFileId(), self, params->roomId, files::sanitizeFileName(params->name), params->size,
        params->sha256, now };
    const Limits& limits = context.config.limits;
    const QJsonValue id = message.id;
    context.store.write<UploadReservation>(
        [wanted, limits](
            StoreDb& db) { return db.reserveUpload(wanted, limits.userQuotaBytes, limits.totalQuotaBytes); },
        &session,
        [&context, &session, id](StoreDb::Result<UploadReservation> reservation) {
            if (!reservation)
                return session.sendError(id, storeFailure(reservation.error()));
            switch (reservation->refusal) {
            case UploadReservation::Refusal::UserQuota:
                return session.sendError(id,
                    RpcError::quotaExceeded(QLatin1String("user"), reservation->quotaBytes, reservation->usedBytes));
            case UploadReservation::Refusal::ServerQuota:
                return session.sendError(id,
                    RpcError::quotaExceeded(QLatin1String("server"), reservation->quotaBytes, reservation->usedBytes));
            case UploadReservation::Refusal::None:
                break;
            }
            if (reservation->resumed)
                session.uploadBucket().giveBack();
            const qint64 offset = context.files.uploads.open(reservation->upload, session);
            session.sendResult(id,
                {
                    { key::UploadId, reservation->upload.id },
                    { key::Offset, offset },
                    { key::ChunkBytes, context.config.limits.fileChunkBytes },
                    { key::WindowBytes, context.config.limits.fileWindowBytes },
                });
        });
}

RequestRouter::BinaryOutcome receiveChunk(ServerContext& context, ClientSession& session, const QByteArray& frame)
{
    using Outcome = RequestRouter::BinaryOutcome;
    const auto chunk = files::decodeChunk(frame);
    if (!chunk || chunk->kind != files::ChunkKind::Upload)
        return Outcome::Unknown;
    switch (context.files.uploads.receive(session, *chunk)) {
    case UploadTracker::ChunkResult::Accepted:
        return Outcome::Accepted;
    case UploadTracker::ChunkResult::WrongOffset:
        return Outcome::Answered; // with file.progress saying where to go on from
    case UploadTracker::ChunkResult::Unknown:
        break;
    }
    return Outcome::Unknown;
}

// What files.finish does off the socket thread: check the bytes, look at them, and keep them.
struct Processed {
    enum class Outcome { Kept, Missing, HashMismatch, TooLarge, Unreadable, Failed };
    Outcome outcome = Outcome::Failed;
    FileInspection inspection;
    qint64 received = 0; // Missing: the bytes the server holds
    QString error;
};

Processed process(const FileStore& store, const UploadRecord& upload, qint64 maxPixels)
{
    Processed processed;
    QString path = store.partPath(upload.id);
    const qint64 received = store.partSize(upload.id);
    const bool committedBefore = received == 0 && store.hasBlob(upload.sha256);
    if (committedBefore) {
        // Kept by an earlier finish whose database write failed: the blob is the checked content.
        path = store.blobPath(upload.sha256);
    } else {
        if (received != upload.size) {
            processed.outcome = Processed::Outcome::Missing;
            processed.received = received;
            return processed;
        }
        auto sha256 = store.sha256Of(path);
        if (!sha256) {
            processed.error = sha256.error().message;
            return processed;
        }
        if (*sha256 != upload.sha256) {
            store.removePart(upload.id);
            processed.outcome = Processed::Outcome::HashMismatch;
            return processed;
        }
    }
    processed.inspection = inspectFile(path, maxPixels);
    switch (processed.inspection.refusal) {
    case FileInspection::Refusal::ImageTooLarge:
        store.removePart(upload.id);
        processed.outcome = Processed::Outcome::TooLarge;
        return processed;
    case FileInspection::Refusal::ImageUnreadable:
        store.removePart(upload.id);
        processed.outcome = Processed::Outcome::Unreadable;
        return processed;
    case FileInspection::Refusal::None:
        break;
    }
    if (!committedBefore) {
        if (auto committed = store.commit(upload.id, upload.sha256); !committed) {
            processed.error = committed.error().message;
            return processed;
        }
    }
    processed.outcome = Processed::Outcome::Kept;
    return processed;
}

void answerProcessed(ServerContext& context, ClientSession& session, const QJsonValue& id, const UploadRecord& upload,
    const Processed& processed)
{
    const Limits& limits = context.config.limits;
    auto discard = [&context, upload] {
        context.files.uploads.forget(upload.id);
        context.store.write<bool>([upload](StoreDb& db) { return db.discardUpload(upload.id, upload.userId); },
            &context.hub, [](StoreDb::Result<bool>) {});
    };
    switch (processed.outcome) {
    case Processed::Outcome::Missing: {
        RpcError error = RpcError::invalidParams(QStringLiteral("The upload is not complete: send the missing bytes"));
        error.extra.insert(key::Received, processed.received);
        return session.sendError(id, error);
    }
    case Processed::Outcome::HashMismatch:
        context.files.uploads.restart(upload.id);
        return session.sendError(id,
            RpcError::fileRejected(cause::HashMismatch,
                QStringLiteral("The file arrived damaged (its SHA-256 differs): send it again from the start")));
    case Processed::Outcome::TooLarge: {
        discard();
        RpcError error = RpcError::fileRejected(cause::ImageTooLarge,
            QStringLiteral("The image has more than %1 megapixels").arg(limits.maxImagePixels / 1'000'000));
        error.extra.insert(key::MaxPixels, limits.maxImagePixels);
        return session.sendError(id, error);
    }
    case Processed::Outcome::Unreadable:
        discard();
        return session.sendError(id,
            RpcError::fileRejected(
                cause::ImageUnreadable, QStringLiteral("The image is damaged or not what its content says it is")));
    case Processed::Outcome::Failed:
        qCWarning(lcFiles) << "upload" << upload.id << "could not be kept:" << processed.error;
        return session.sendError(
            id, RpcError::unavailable(QStringLiteral("The server could not keep the file; try again")));
    case Processed::Outcome::Kept:
        break;
    }
    FileRecord file;
    file.attachment.id = newFileId();
    file.attachment.name = upload.name;
    file.attachment.size = upload.size;
    file.attachment.type = processed.inspection.type;
    file.attachment.sha256 = upload.sha256;
    file.attachment.width = processed.inspection.width;
    file.attachment.height = processed.inspection.height;
    file.attachment.thumbnail = processed.inspection.thumbnail;
    file.uploaderId = upload.userId;
    file.roomId = upload.roomId;
    file.uploadId = upload.id;
    file.createdAt = currentTimeMs();
    context.store.write<FileRecord>([file](StoreDb& db) { return db.finishUpload(file); }, &session,
        [&context, &session, id, uploadId = upload.id](StoreDb::Result<FileRecord> kept) {
            if (!kept)
                return session.sendError(id, storeFailure(kept.error()));
            context.files.uploads.forget(uploadId);
            session.sendResult(id, { { key::File, kept->attachment.toJson() } });
        });
}

void finish(ServerContext& context, ClientSession& session, const jsonrpc::Message& message)
{
    auto params = paramsOrReply<params::UploadRef>(session, message, context);
    if (!params)
        return;
    const qint64 self = session.userId();
    const QJsonValue id = message.id;
    const QString uploadId = params->uploadId;
    struct Found {
        std::optional<UploadRecord> upload;
        std::optional<FileRecord> finished;
    };
    context.store.read<Found>(
        [uploadId, self](StoreDb& db) -> StoreDb::Result<Found> {
            auto upload = db.uploadOf(uploadId, self);
            if (!upload)
                return upload.error();
            if (upload->has_value())
                return Found { *upload, std::nullopt };
            auto finished = db.fileOfUpload(uploadId, self);
            if (!finished)
                return finished.error();
            return Found { std::nullopt, *finished };
        },
        &session,
        [&context, &session, id](StoreDb::Result<Found> found) {
            if (!found)
                return session.sendError(id, storeFailure(found.error()));
            if (found->finished)
                return session.sendResult(id, { { key::File, found->finished->attachment.toJson() } });
            if (!found->upload)
                return session.sendError(id, noSuchUpload());
            const UploadRecord upload = *found->upload;
            const FileStore* store = &context.files.store;
            const qint64 maxPixels = context.config.limits.maxImagePixels;
            context.files.processing.run<Processed>(
                [store, upload, maxPixels] { return process(*store, upload, maxPixels); }, &session,
                [&context, &session, id, upload](
                    Processed processed) { answerProcessed(context, session, id, upload, processed); });
        });
}

void cancel(ServerContext& context, ClientSession& session, const jsonrpc::Message& message)
{
    auto params = paramsOrReply<params::FilesCancel>(session, message, context);
    if (!params)
        return;
    if (!params->downloadId.isEmpty()) {
        for (DownloadStream* stream : session.findChildren<DownloadStream*>(Qt::FindDirectChildrenOnly)) {
            if (stream->downloadId() == params->downloadId)
                stream->deleteLater();
        }
        return session.sendResult(message.id, {});
    }
    const qint64 self = session.userId();
    const QString uploadId = params->uploadId;
    const QJsonValue id = message.id;
    context.store.write<bool>([uploadId, self](StoreDb& db) { return db.discardUpload(uploadId, self); }, &session,
        [&context, &session, id, uploadId](StoreDb::Result<bool> discarded) {
            if (!discarded)
                return session.sendError(id, storeFailure(discarded.error()));
            if (*discarded) {
                context.files.uploads.forget(uploadId);
                // After any write still queued for it, which would otherwise bring the part back.
                const FileStore* store = &context.files.store;
                context.files.io.run<bool>(
                    [store, uploadId] {
                        store->removePart(uploadId);
                        return true;
                    },
                    &context.hub, [](bool) {});
            }
            session.sendResult(id, {});
        });
}

void download(ServerContext& context, ClientSession& session, const jsonrpc::Message& message)
{
    auto params = paramsOrReply<params::FilesDownload>(session, message, context);
    if (!params)
        return;
    if (session.findChildren<DownloadStream*>(Qt::FindDirectChildrenOnly).size() >= MaxDownloadsPerConnection)
        return session.sendError(message.id,
            RpcError::rateLimited(
                1000, QStringLiteral("At most %1 downloads at once per connection").arg(MaxDownloadsPerConnection)));
    const qint64 self = session.userId();
    const QString fileId = params->fileId;
    const qint64 offset = params->offset;
    const QJsonValue id = message.id;
    context.store.read<std::optional<FileRecord>>(
        [fileId, self](StoreDb& db) { return db.fileForDownload(fileId, self); }, &session,
        [&context, &session, id, offset](StoreDb::Result<std::optional<FileRecord>> file) {
            if (!file)
                return session.sendError(id, storeFailure(file.error()));
            if (!file->has_value())
                return session.sendError(id, noSuchFile());
            const FileRecord& record = **file;
            if (offset > record.attachment.size)
                return session.sendError(id,
                    RpcError::invalidParams(QStringLiteral("\"offset\" is past the end of the file (%1 bytes)")
                                                .arg(record.attachment.size)));
            const QString downloadId = newFileId();
            session.sendResult(id,
                { { key::File, record.attachment.toJson() }, { key::DownloadId, downloadId },
                    { key::Offset, offset } });
            auto* stream = new DownloadStream(session, context.files.store, context.files.io, downloadId, record,
                offset, context.config.limits.fileChunkBytes, context.config.limits.fileWindowBytes);
            stream->start();
        });
}

} // namespace

void registerFileHandlers(RequestRouter& router, ServerContext& context)
{
    using Access = RequestRouter::Access;
    router.addRequest(protocol::method::FilesUpload, Access::SignedIn, withContext(context, upload));
    router.addRequest(protocol::method::FilesFinish, Access::SignedIn, withContext(context, finish));
    router.addRequest(protocol::method::FilesCancel, Access::SignedIn, withContext(context, cancel));
    router.addRequest(protocol::method::FilesDownload, Access::SignedIn, withContext(context, download));
    router.setBinaryHandler(
        [&context](ClientSession& session, const QByteArray& frame) { return receiveChunk(context, session, frame); });
}

} // namespace chat::server
