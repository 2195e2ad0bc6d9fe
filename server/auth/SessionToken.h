#pragma once

#include <QByteArray>
#include <QString>

namespace chat::server {

// Session tokens: 32 random bytes, base64url; the store keeps only their SHA-256.
struct SessionToken {
    static QString generate();
    static QByteArray hash(const QString& token);
};

} // namespace chat::server
