#include "SafeFileName.h"

#include "FileTransfer.h"

#include <QFileInfo>
#include <QRegularExpression>

namespace chat::client {

bool SafeFileName::isReservedOnWindows(const QString& name)
{
    // The device names count with any extension ("nul.txt") and trailing spaces, in any case.
    static const QRegularExpression reserved(QStringLiteral("^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]) *(\\..*)?$"),
        QRegularExpression::CaseInsensitiveOption);
    return reserved.match(name).hasMatch();
}

QString SafeFileName::clean(const QString& name)
{
    const QString clean = files::sanitizeFileName(name);
    return isReservedOnWindows(clean) ? QLatin1Char('_') + clean : clean;
}

QString SafeFileName::uniquePathIn(const QDir& folder, const QString& name, int attempt)
{
    const QString clean = SafeFileName::clean(name);
    const qsizetype dot = clean.lastIndexOf(QLatin1Char('.'));
    const QString stem = dot > 0 ? clean.left(dot) : clean;
    const QString extension = dot > 0 ? clean.mid(dot) : QString();
    for (int n = attempt;; ++n) {
        const QString candidate = n == 0 ? clean : QStringLiteral("%1 (%2)%3").arg(stem).arg(n).arg(extension);
        const QString path = folder.filePath(candidate);
        if (!QFileInfo::exists(path))
            return path;
    }
}

} // namespace chat::client
