#pragma once

#include <QString>

namespace chat::server {

// A new file, upload or download id: 128 bits from libsodium's generator (the OS's CSPRNG), 32 hex characters.
QString newFileId();

} // namespace chat::server
