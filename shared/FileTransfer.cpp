#include "FileTransfer.h"

#include <QtEndian>

namespace chat::files {

bool isId(const QString& id)
{
    if (id.size() != 2 * IdBytes)
        return false;
    for (QChar c : id) {
        const char16_t u = c.unicode();
        if (!((u >= '0' && u <= '9') || (u >= 'a' && u <= 'f') || (u >= 'A' && u <= 'F')))
            return false;
    }
    return true;
}

QByteArray encodeChunk(ChunkKind kind, const QString& id, quint64 offset, QByteArrayView data)
{
    QByteArray frame;
    frame.reserve(ChunkHeaderBytes + data.size());
    frame.append(char(kind));
    frame.append(QByteArray::fromHex(id.toLatin1()));
    char bigEndian[8];
    qToBigEndian(offset, bigEndian);
    frame.append(bigEndian, 8);
    frame.append(data);
    return frame;
}

std::optional<Chunk> decodeChunk(const QByteArray& frame)
{
    if (frame.size() <= ChunkHeaderBytes)
        return std::nullopt;
    const auto kind = quint8(frame.at(0));
    if (kind != quint8(ChunkKind::Upload) && kind != quint8(ChunkKind::Download))
        return std::nullopt;
    Chunk chunk;
    chunk.kind = ChunkKind(kind);
    chunk.id = QString::fromLatin1(frame.mid(1, IdBytes).toHex());
    chunk.offset = qFromBigEndian<quint64>(frame.constData() + 1 + IdBytes);
    chunk.data = frame.mid(ChunkHeaderBytes);
    return chunk;
}

QString sanitizeFileName(const QString& name)
{
    QString last = name;
    const qsizetype slash = qMax(last.lastIndexOf(QLatin1Char('/')), last.lastIndexOf(QLatin1Char('\\')));
    if (slash >= 0)
        last = last.mid(slash + 1);
    QString clean;
    clean.reserve(last.size());
    static const QString forbidden = QStringLiteral("<>:\"|?*");
    for (QChar c : std::as_const(last)) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format
            || c.category() == QChar::Separator_Line || c.category() == QChar::Separator_Paragraph
            || forbidden.contains(c))
            continue;
        clean.append(c);
    }
    qsizetype start = 0;
    while (start < clean.size() && (clean.at(start) == QLatin1Char('.') || clean.at(start).isSpace()))
        ++start;
    qsizetype end = clean.size();
    while (end > start && (clean.at(end - 1) == QLatin1Char('.') || clean.at(end - 1).isSpace()))
        --end;
    clean = clean.mid(start, end - start);
    if (clean.size() > MaxNameChars) {
        // Keep the extension: it is what the user's system goes by.
        const qsizetype dot = clean.lastIndexOf(QLatin1Char('.'));
        const QString extension = dot > 0 && clean.size() - dot <= 16 ? clean.mid(dot) : QString();
        qsizetype keep = MaxNameChars - extension.size();
        if (clean.at(keep - 1).isHighSurrogate())
            --keep;
        clean = clean.left(keep);
        while (!clean.isEmpty() && (clean.back() == QLatin1Char('.') || clean.back().isSpace()))
            clean.chop(1);
        clean += extension;
    }
    return clean.isEmpty() ? QStringLiteral("file") : clean;
}

} // namespace chat::files
