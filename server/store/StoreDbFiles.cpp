// StoreDb: files, uploads and the attachments of messages (protocol.md, "Files").
#include "StoreDb.h"

#include "SqlDialect.h"
#include "SqlStatements.h"

#include <QSqlQuery>

namespace chat::server {

namespace {

const QString FileColumns = QStringLiteral(
    "SELECT id, name, size, type, sha256, width, height, thumbnail_type, thumbnail_width, thumbnail_height, thumbnail, "
    "uploader_id, room_id, message_id, upload_id, created_at FROM files ");

FileRecord fileFrom(const QSqlQuery& q)
{
    FileRecord file;
    Attachment& a = file.attachment;
    a.id = q.value(0).toString();
    a.name = q.value(1).toString();
    a.size = q.value(2).toLongLong();
    a.type = q.value(3).toString();
    a.sha256 = q.value(4).toString();
    a.width = q.value(5).toInt();
    a.height = q.value(6).toInt();
    if (!q.isNull(10)) {
        a.thumbnail.type = q.value(7).toString();
        a.thumbnail.width = q.value(8).toInt();
        a.thumbnail.height = q.value(9).toInt();
        a.thumbnail.data = q.value(10).toByteArray();
    }
    file.uploaderId = q.value(11).toLongLong();
    file.roomId = q.value(12).toLongLong();
    file.messageId = q.isNull(13) ? 0 : q.value(13).toLongLong();
    file.uploadId = q.value(14).toString();
    file.createdAt = q.value(15).toLongLong();
    return file;
}

UploadRecord uploadFrom(const QSqlQuery& q)
{
    return UploadRecord { q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toLongLong(),
        q.value(3).toString(), q.value(4).toLongLong(), q.value(5).toString(), q.value(6).toLongLong() };
}

const QString UploadColumns
    = QStringLiteral("SELECT id, user_id, room_id, name, size, sha256, created_at FROM uploads ");

QString placeholders(qsizetype count)
{
    QStringList marks;
    marks.fill(QStringLiteral("?"), count);
    return marks.join(QStringLiteral(", "));
}

} // namespace

StoreDb::Result<QList<FileRecord>> StoreDb::filesWhere(const QString& condition, const QVariantList& values)
{
    auto rows = m_sql->run(FileColumns + condition, values);
    if (!rows)
        return rows.error();
    ScopedFinish finish(*rows);
    QList<FileRecord> files;
    while ((*rows)->next())
        files.append(fileFrom(**rows));
    return files;
}

StoreDb::Result<bool> StoreDb::loadAttachments(QList<Message>& messages, const QList<qsizetype>& indexes)
{
    QVariantList ids;
    QHash<qint64, qsizetype> indexOfId;
    for (qsizetype index : indexes) {
        ids.append(messages.at(index).id);
        indexOfId.insert(messages.at(index).id, index);
    }
    auto files = filesWhere(
        QStringLiteral("WHERE message_id IN (%1) ORDER BY message_id, position").arg(placeholders(ids.size())), ids);
    if (!files)
        return files.error();
    for (const FileRecord& file : std::as_const(*files))
        messages[indexOfId.value(file.messageId)].attachments.append(file.attachment);
    return true;
}

StoreDb::Result<bool> StoreDb::attachFiles(
    qint64 messageId, qint64 roomId, qint64 senderId, const QStringList& fileIds, bool apply)
{
    if (!apply) {
        QVariantList values { senderId, roomId };
        for (const QString& id : fileIds)
            values.append(id);
        auto count = m_sql->run(QStringLiteral("SELECT COUNT(*) FROM files WHERE uploader_id = ? AND room_id = ? AND "
                                               "message_id IS NULL AND id IN (%1)")
                                    .arg(placeholders(fileIds.size())),
            values);
        if (!count)
            return count.error();
        ScopedFinish finish(*count);
        return (*count)->next() && (*count)->value(0).toLongLong() == fileIds.size();
    }
    for (qsizetype position = 0; position < fileIds.size(); ++position) {
        auto linked = m_sql->exec(QStringLiteral("UPDATE files SET message_id = ?, position = ? WHERE id = ? AND "
                                                 "uploader_id = ? AND room_id = ? AND message_id IS NULL"),
            { messageId, position, fileIds.at(position), senderId, roomId });
        if (!linked)
            return linked.error();
        if (*linked != 1)
            return StoreError::failure(QStringLiteral("file %1 could not be attached").arg(fileIds.at(position)));
    }
    return true;
}

StoreDb::Result<UploadReservation> StoreDb::reserveUpload(
    const UploadRecord& wanted, qint64 userQuotaBytes, qint64 totalQuotaBytes)
{
    UploadReservation reservation;
    {
        auto existing = m_sql->run(
            UploadColumns + QStringLiteral("WHERE user_id = ? AND room_id = ? AND sha256 = ? AND size = ?"),
            { wanted.userId, wanted.roomId, wanted.sha256, wanted.size });
        if (!existing)
            return existing.error();
        ScopedFinish finish(*existing);
        if ((*existing)->next()) {
            reservation.upload = uploadFrom(**existing);
            reservation.resumed = true;
            return reservation;
        }
    }
    auto usage = [this](const QString& where, const QVariantList& values) -> Result<qint64> {
        auto sum = m_sql->run(QStringLiteral("SELECT (SELECT COALESCE(SUM(size), 0) FROM files %1) + "
                                             "(SELECT COALESCE(SUM(size), 0) FROM uploads %2)")
                                  .arg(where.isEmpty() ? QString() : where.arg(QStringLiteral("uploader_id")),
                                      where.isEmpty() ? QString() : where.arg(QStringLiteral("user_id"))),
            values + values);
        if (!sum)
            return sum.error();
        ScopedFinish finish(*sum);
        return (*sum)->next() ? (*sum)->value(0).toLongLong() : 0;
    };
    if (userQuotaBytes > 0) {
        auto used = usage(QStringLiteral("WHERE %1 = ?"), { wanted.userId });
        if (!used)
            return used.error();
        if (*used + wanted.size > userQuotaBytes)
            return UploadReservation { {}, false, UploadReservation::Refusal::UserQuota, userQuotaBytes, *used };
    }
    if (totalQuotaBytes > 0) {
        auto used = usage(QString(), {});
        if (!used)
            return used.error();
        if (*used + wanted.size > totalQuotaBytes)
            return UploadReservation { {}, false, UploadReservation::Refusal::ServerQuota, totalQuotaBytes, *used };
    }
    auto inserted = m_sql->exec(QStringLiteral("INSERT INTO uploads (id, user_id, room_id, name, size, sha256, "
                                               "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
        { wanted.id, wanted.userId, wanted.roomId, wanted.name, wanted.size, wanted.sha256, wanted.createdAt });
    if (!inserted)
        return inserted.error();
    reservation.upload = wanted;
    return reservation;
}

StoreDb::Result<std::optional<UploadRecord>> StoreDb::uploadOf(const QString& uploadId, qint64 userId)
{
    auto row = m_sql->run(UploadColumns + QStringLiteral("WHERE id = ? AND user_id = ?"), { uploadId, userId });
    if (!row)
        return row.error();
    ScopedFinish finish(*row);
    if (!(*row)->next())
        return std::optional<UploadRecord>();
    return std::optional<UploadRecord>(uploadFrom(**row));
}

StoreDb::Result<std::optional<FileRecord>> StoreDb::fileOfUpload(const QString& uploadId, qint64 userId)
{
    auto files = filesWhere(QStringLiteral("WHERE upload_id = ? AND uploader_id = ?"), { uploadId, userId });
    if (!files)
        return files.error();
    return files->isEmpty() ? std::optional<FileRecord>() : std::optional<FileRecord>(files->constFirst());
}

StoreDb::Result<FileRecord> StoreDb::finishUpload(const FileRecord& file)
{
    const Attachment& a = file.attachment;
    const bool thumbnail = !a.thumbnail.isNull();
    auto inserted = m_sql->exec(QStringLiteral("INSERT INTO files (id, sha256, size, name, type, uploader_id, room_id, "
                                               "width, height, thumbnail_type, thumbnail_width, thumbnail_height, "
                                               "thumbnail, upload_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                                               "?, ?, ?, ?, ?, ?)"),
        { a.id, a.sha256, a.size, a.name, a.type, file.uploaderId, file.roomId, a.width, a.height,
            thumbnail ? QVariant(a.thumbnail.type) : QVariant(QMetaType(QMetaType::QString)), a.thumbnail.width,
            a.thumbnail.height, thumbnail ? QVariant(a.thumbnail.data) : QVariant(QMetaType(QMetaType::QByteArray)),
            file.uploadId, file.createdAt });
    if (!inserted)
        return inserted.error();
    auto ended = m_sql->exec(QStringLiteral("DELETE FROM uploads WHERE id = ?"), { file.uploadId });
    if (!ended)
        return ended.error();
    return file;
}

StoreDb::Result<bool> StoreDb::discardUpload(const QString& uploadId, qint64 userId)
{
    auto gone = m_sql->exec(QStringLiteral("DELETE FROM uploads WHERE id = ? AND user_id = ?"), { uploadId, userId });
    if (!gone)
        return gone.error();
    return *gone > 0;
}

StoreDb::Result<std::optional<FileRecord>> StoreDb::fileForDownload(const QString& fileId, qint64 userId)
{
    // One query whether the file is missing, elsewhere or deleted, so neither the answer nor its time tells.
    auto files = filesWhere(
        QStringLiteral("WHERE id = ? AND ((message_id IS NULL AND uploader_id = ?) OR (message_id IS NOT NULL AND "
                       "EXISTS (SELECT 1 FROM room_members rm WHERE rm.room_id = files.room_id AND rm.user_id = ?) AND "
                       "EXISTS (SELECT 1 FROM messages m WHERE m.id = files.message_id AND m.deleted = ?)))"),
        { fileId, userId, userId, m_dialect->boolValue(false) });
    if (!files)
        return files.error();
    return files->isEmpty() ? std::optional<FileRecord>() : std::optional<FileRecord>(files->constFirst());
}

StoreDb::Result<QStringList> StoreDb::expireUploads(qint64 beforeMs)
{
    auto rows = m_sql->run(QStringLiteral("SELECT id FROM uploads WHERE created_at < ?"), { beforeMs });
    if (!rows)
        return rows.error();
    QStringList ids;
    {
        ScopedFinish finish(*rows);
        while ((*rows)->next())
            ids.append((*rows)->value(0).toString());
    }
    if (!ids.isEmpty()) {
        auto gone = m_sql->exec(QStringLiteral("DELETE FROM uploads WHERE created_at < ?"), { beforeMs });
        if (!gone)
            return gone.error();
    }
    return ids;
}

StoreDb::Result<int> StoreDb::expireUnsentFiles(qint64 beforeMs)
{
    return m_sql->exec(QStringLiteral("DELETE FROM files WHERE message_id IS NULL AND created_at < ?"), { beforeMs });
}

StoreDb::Result<QSet<QString>> StoreDb::referencedContent()
{
    auto rows = m_sql->run(QStringLiteral("SELECT sha256 FROM files UNION SELECT sha256 FROM uploads"));
    if (!rows)
        return rows.error();
    ScopedFinish finish(*rows);
    QSet<QString> content;
    while ((*rows)->next())
        content.insert((*rows)->value(0).toString());
    return content;
}

StoreDb::Result<QList<FileRecord>> StoreDb::allFiles()
{
    return filesWhere(QStringLiteral("ORDER BY created_at"), {});
}

} // namespace chat::server
