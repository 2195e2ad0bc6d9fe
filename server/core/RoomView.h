#pragma once

#include "store/StoreTypes.h"

#include <QJsonObject>

namespace chat::server {

// A room as one member sees it; lastReadSeq < 0 leaves out the per-member read state, an empty
// notifyLevel the member's notification level.
QJsonObject roomView(const RoomRecord& room, qint64 lastReadSeq, const QString& notifyLevel = {});

} // namespace chat::server
