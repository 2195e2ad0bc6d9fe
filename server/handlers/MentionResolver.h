#pragma once

#include <QList>
#include <QString>

namespace chat::server {

class Directory;

// The members of the room that `body` names as @username, in order of first appearance, each once
// (protocol.md, "Mentions"). Costs nothing for a body without '@'.
QList<qint64> mentionsIn(const QString& body, const Directory& directory, qint64 roomId);

} // namespace chat::server
