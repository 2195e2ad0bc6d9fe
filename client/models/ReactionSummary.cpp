#include "ReactionSummary.h"

#include "UsersModel.h"

#include <QVariantMap>

namespace chat::client::reactionsummary {

QVariantList describe(const QList<Reaction>& reactions, const UsersModel& users, qint64 me)
{
    QVariantList list;
    list.reserve(reactions.size());
    for (const Reaction& reaction : reactions) {
        QStringList names;
        names.reserve(reaction.users.size());
        for (const qint64 user : reaction.users)
            names.append(users.nameOf(user));
        list.append(QVariantMap { { QStringLiteral("emoji"), reaction.emoji },
            { QStringLiteral("count"), int(reaction.users.size()) }, { QStringLiteral("names"), names },
            { QStringLiteral("mine"), reaction.users.contains(me) } });
    }
    return list;
}

bool isMine(const QList<Reaction>& reactions, const QString& emoji, qint64 me)
{
    for (const Reaction& reaction : reactions) {
        if (reaction.emoji == emoji)
            return reaction.users.contains(me);
    }
    return false;
}

} // namespace chat::client::reactionsummary
