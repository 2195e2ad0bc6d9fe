#pragma once

#include "Types.h"

#include <QVariantList>

namespace chat::client {

class UsersModel;

// Reactions as the message model shows them: per emoji, in the order each was first added, how many, who
// (by name, in the order they reacted) and whether one of them is me.
namespace reactionsummary {

// QVariantMap {emoji: QString, count: int, names: QStringList, mine: bool} per emoji.
QVariantList describe(const QList<Reaction>& reactions, const UsersModel& users, qint64 me);

bool isMine(const QList<Reaction>& reactions, const QString& emoji, qint64 me);

} // namespace reactionsummary
} // namespace chat::client
