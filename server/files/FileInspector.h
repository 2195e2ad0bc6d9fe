#pragma once

#include "Types.h"

#include <QString>

namespace chat::server {

// What the server tells about a file from its bytes alone, never from the name or what the client claimed:
// the MIME type, and for images their size as shown and a thumbnail.
struct FileInspection {
    enum class Refusal { None, ImageTooLarge, ImageUnreadable };
    Refusal refusal = Refusal::None;
    QString type; // sniffed
    int width = 0; // images: after the EXIF orientation
    int height = 0;
    Thumbnail thumbnail;
};

// Images (PNG, JPEG, GIF, BMP) are measured from their header first, and refused unread when width × height is
// over `maxPixels`: a decompression bomb costs a few bytes of reading. Animated GIFs give their first frame.
FileInspection inspectFile(const QString& path, qint64 maxPixels);
// Raises Qt's process-wide ceiling on a decoded image so that it never refuses what `maxPixels` allows; once.
void allowImagesOf(qint64 maxPixels);

} // namespace chat::server
