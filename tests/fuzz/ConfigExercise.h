#pragma once

#include "config/ServerConfig.h"

#include <QByteArray>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QString>
#include <QTemporaryDir>

// What the config fuzz target and the corpus replay test do with one input: the bytes as a server.ini, read
// the way `chat-server --config` reads it. Returns an empty string, or the broken property.
namespace chat::fuzz {

namespace detail {

// A value the reader accepted still holds every rule it checks, so the server never runs on a bad one.
inline QString checkAccepted(const server::ServerConfig& config)
{
    const server::ConnectionConfig& connection = config.connection;
    if (connection.idleTimeoutSeconds <= connection.pingIntervalSeconds)
        return QStringLiteral("accepted an idle timeout not longer than the ping interval");
    if (connection.handshakeTimeoutMs < 100 || connection.authTimeoutMs < 100 || connection.maxConnections < 1
        || connection.maxConnectionsPerAddress < 1)
        return QStringLiteral("accepted a connection limit below its minimum");
    if (config.limits.historyDefault > config.limits.historyMax)
        return QStringLiteral("the default history page is larger than history_max");
    if (qint64(config.limits.maxBodyChars) * 4 + 1024 > config.limits.maxFrameBytes)
        return QStringLiteral("accepted a body limit that does not fit in a frame");
    if (config.tls.certificate.isEmpty() != config.tls.privateKey.isEmpty())
        return QStringLiteral("accepted half a TLS configuration");
    if (!QDir::isAbsolutePath(config.database.path))
        return QStringLiteral("the database path is not absolute");
    if (config.cluster.nodeName.isEmpty())
        return QStringLiteral("no node name");
    const server::SecurityConfig& security = config.security;
    if (security.loginAttemptsPerAccount < 1 || security.loginAttemptsPerAddress < 1
        || security.signupsPerAddressPerHour < 1 || security.loginWindowSeconds < 1)
        return QStringLiteral("accepted a security limit below its minimum");
    return {};
}

inline QString describe(const Expected<server::ServerConfig, server::ConfigError>& loaded)
{
    if (!loaded)
        return loaded.error().toString();
    const server::ServerConfig& c = *loaded;
    return QStringLiteral("%1:%2 %3 %4 %5 %6 %7")
        .arg(c.host)
        .arg(c.port)
        .arg(c.database.path)
        .arg(c.connection.maxConnectionsPerAddress)
        .arg(c.limits.maxFrameBytes)
        .arg(c.security.loginAttemptsPerAccount)
        .arg(c.defaultRooms.join(QLatin1Char(',')));
}

} // namespace detail

inline QString exerciseConfig(const QByteArray& ini)
{
    static QTemporaryDir folder;
    static qint64 version = 0;
    const QString path = folder.filePath(QStringLiteral("server.ini"));
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(ini) != ini.size())
            return QStringLiteral("cannot write %1").arg(path);
        // Each input a new modification time, as an edit gives: QSettings caches files by name, size and time.
        file.setFileTime(QDateTime::fromMSecsSinceEpoch(1700000000000 + ++version), QFileDevice::FileModificationTime);
    }
    const auto first = server::loadServerConfig(path);
    const auto second = server::loadServerConfig(path);

    if (!first) {
        const server::ConfigError& error = first.error();
        if (error.message.isEmpty())
            return QStringLiteral("an error without a message");
        if (error.file != QFileInfo(path).absoluteFilePath())
            return QStringLiteral("an error that names another file: %1").arg(error.file);
        if (!error.key.isEmpty() && !error.key.contains(QLatin1Char('/')))
            return QStringLiteral("an error that names no [section]: %1").arg(error.key);
    } else if (QString problem = detail::checkAccepted(*first); !problem.isEmpty()) {
        return problem;
    }
    if (detail::describe(first) != detail::describe(second))
        return QStringLiteral("reading the same file twice gave two answers: %1 / %2")
            .arg(detail::describe(first), detail::describe(second));
    return {};
}

} // namespace chat::fuzz
