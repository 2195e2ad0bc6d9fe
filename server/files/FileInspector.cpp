#include "FileInspector.h"

#include "FileTransfer.h"

#include <QBuffer>
#include <QImage>
#include <QImageReader>
#include <QMimeDatabase>

namespace chat::server {

namespace {

// Types whose decoders Qt always has, and that every client can show.
bool isImageType(const QString& type)
{
    static const QStringList images { QStringLiteral("image/png"), QStringLiteral("image/jpeg"),
        QStringLiteral("image/gif"), QStringLiteral("image/bmp") };
    return images.contains(type);
}

Thumbnail thumbnailOf(const QImage& image)
{
    const QImage scaled = image.width() <= files::ThumbnailMaxSide && image.height() <= files::ThumbnailMaxSide
        ? image
        : image.scaled(files::ThumbnailMaxSide, files::ThumbnailMaxSide, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    Thumbnail thumbnail;
    thumbnail.width = scaled.width();
    thumbnail.height = scaled.height();
    QBuffer buffer(&thumbnail.data);
    buffer.open(QIODevice::WriteOnly);
    if (scaled.hasAlphaChannel()) {
        thumbnail.type = QStringLiteral("image/png");
        scaled.save(&buffer, "PNG");
    } else {
        thumbnail.type = QStringLiteral("image/jpeg");
        scaled.convertToFormat(QImage::Format_RGB32).save(&buffer, "JPEG", 80);
    }
    return thumbnail;
}

} // namespace

void allowImagesOf(qint64 maxPixels)
{
    // Qt's own ceiling on one decoded image, in MiB, must not be what refuses an image our limit allows.
    QImageReader::setAllocationLimit(int(std::max<qint64>(256, maxPixels * 8 / (1024 * 1024) + 1)));
}

FileInspection inspectFile(const QString& path, qint64 maxPixels)
{
    FileInspection inspection;
    inspection.type = QMimeDatabase().mimeTypeForFile(path, QMimeDatabase::MatchContent).name();
    if (!isImageType(inspection.type))
        return inspection;

    QImageReader reader(path);
    reader.setDecideFormatFromContent(true);
    reader.setAutoTransform(true);
    const QSize stored = reader.size(); // from the header, nothing decoded yet
    if (!stored.isValid() || stored.isEmpty()) {
        inspection.refusal = FileInspection::Refusal::ImageUnreadable;
        return inspection;
    }
    if (qint64(stored.width()) * stored.height() > maxPixels) {
        inspection.refusal = FileInspection::Refusal::ImageTooLarge;
        return inspection;
    }
    const QImage image = reader.read(); // the first frame of an animation; the EXIF orientation applied
    if (image.isNull()) {
        inspection.refusal = FileInspection::Refusal::ImageUnreadable;
        return inspection;
    }
    inspection.width = image.width();
    inspection.height = image.height();
    inspection.thumbnail = thumbnailOf(image);
    return inspection;
}

} // namespace chat::server
