#pragma once

#include "Expected.h"

#include <QByteArray>
#include <QString>

namespace chat::server {

// Where and how to reach Redis. The password is never part of the URL and never logged.
struct RedisSettings {
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 6379;
    int db = 0; // 0..15
    QByteArray password; // empty: no AUTH
    QString clientName; // CLIENT SETNAME, shown by CLIENT LIST; empty: none

    // hiredis 0.14 has no command timeouts: a PING every interval, no reply within the timeout = dead link.
    int pingIntervalMs = 2000;
    int pingTimeoutMs = 5000;
    // Reconnect delays: initial doubling up to max, each with +-20 % jitter.
    int backoffInitialMs = 100;
    int backoffMaxMs = 5000;

    QString address() const { return host + QLatin1Char(':') + QString::number(port); }
};

// Parses redis://host:port[/db] (port default 6379, db 0..15 default 0); the error says what is wrong.
Expected<RedisSettings, QString> parseRedisUrl(const QString& url);

} // namespace chat::server
