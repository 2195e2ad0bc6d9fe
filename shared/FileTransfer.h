#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

// The binary side of file transfers (protocol.md, "Files"): ids, chunk frames and file names.
namespace chat::files {

inline constexpr int IdBytes = 16; // an id is 16 random bytes, 32 hex characters on the wire
inline constexpr int ChunkHeaderBytes = 1 + IdBytes + 8; // kind, id, offset
inline constexpr int MaxNameChars = 255;
inline constexpr int ThumbnailMaxSide = 320;

enum class ChunkKind : quint8 { Upload = 0x01, Download = 0x02 };

struct Chunk {
    ChunkKind kind = ChunkKind::Upload;
    QString id; // lowercase hex
    quint64 offset = 0;
    QByteArray data;
};

// 32 hex characters (either case).
bool isId(const QString& id);
// A chunk frame; `id` must satisfy isId().
QByteArray encodeChunk(ChunkKind kind, const QString& id, quint64 offset, QByteArrayView data);
// Nothing when the frame is not a chunk: too short, an unknown kind, or no data.
std::optional<Chunk> decodeChunk(const QByteArray& frame);

// The last path component of `name` without control characters, < > : " | ? * and \ /, leading dots and
// spaces or trailing dots and spaces, at most MaxNameChars characters; "file" when nothing is left.
QString sanitizeFileName(const QString& name);

} // namespace chat::files
