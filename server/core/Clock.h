#pragma once

#include <QDateTime>

namespace chat::server {

// Wall-clock time in ms since the epoch, UTC: message timestamps, session expiry and throttle windows.
inline qint64 currentTimeMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace chat::server
