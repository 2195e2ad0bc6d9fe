#include "MentionResolver.h"

#include "Mentions.h"
#include "core/Directory.h"

namespace chat::server {

QList<qint64> mentionsIn(const QString& body, const Directory& directory, qint64 roomId)
{
    QList<qint64> mentioned;
    if (!body.contains(QLatin1Char('@')))
        return mentioned;
    const QStringList names = mentions::names(body);
    for (const QString& name : names) {
        const std::optional<qint64> userId = directory.userIdByName(name);
        if (userId && directory.isMember(roomId, *userId) && !mentioned.contains(*userId))
            mentioned.append(*userId);
    }
    return mentioned;
}

} // namespace chat::server
