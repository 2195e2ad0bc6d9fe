#include "ServerConfig.h"

#include "ConfigReader.h"

#include <QDir>
#include <QFileInfo>
#include <QHostAddress>
#include <QRegularExpression>
#include <QSysInfo>

namespace chat::server {

QString ConfigError::toString() const
{
    if (key.isEmpty())
        return QStringLiteral("%1: %2").arg(file, message);
    return QStringLiteral("%1: [%2] %3: %4")
        .arg(file, key.section(QLatin1Char('/'), 0, 0), key.section(QLatin1Char('/'), 1), message);
}

QString ServerConfig::filesFolder() const
{
    if (!files.path.isEmpty())
        return files.path;
    const QDir beside = database.driver == DatabaseConfig::Driver::Sqlite && !database.path.isEmpty()
        ? QFileInfo(database.path).absoluteDir()
        : QDir::current();
    return beside.absoluteFilePath(QStringLiteral("files"));
}

QString DatabaseConfig::displayName() const
{
    if (driver == Driver::Sqlite)
        return path;
    return QStringLiteral("postgres://%1@%2:%3/%4").arg(user, host).arg(port).arg(name);
}

namespace {

bool isValidNodeName(const QString& name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9._:-]+$"));
    return pattern.match(name).hasMatch();
}

QString defaultNodeName(quint16 port)
{
    QString host = QSysInfo::machineHostName();
    static const QRegularExpression unwanted(QStringLiteral("[^A-Za-z0-9._-]"));
    host.replace(unwanted, QStringLiteral("-"));
    return (host.isEmpty() ? QStringLiteral("node") : host) + QLatin1Char(':') + QString::number(port);
}

void readCluster(ConfigReader& reader, ServerConfig& config, const QDir& folder)
{
    ClusterConfig& cluster = config.cluster;
    reader.text(QStringLiteral("cluster/redis"), cluster.redisUrl, [&cluster](const QString& value) -> QString {
        if (value.isEmpty())
            return {};
        auto settings = parseRedisUrl(value);
        if (!settings)
            return settings.error();
        cluster.redis = *settings;
        return {};
    });
    reader.secretFile(QStringLiteral("cluster/redis_password_file"), cluster.redis.password, folder);
    QString node;
    reader.text(QStringLiteral("cluster/node"), node, [](const QString& value) -> QString {
        if (value.size() > 64 || !(value.isEmpty() || isValidNodeName(value)))
            return QStringLiteral("\"%1\" is not a node name: up to 64 letters, digits and . _ - :").arg(value);
        return {};
    });
    cluster.nodeName = node.isEmpty() ? defaultNodeName(config.port) : node;
    cluster.redis.clientName = cluster.nodeName;
}

void readHttp(ConfigReader& reader, HttpConfig& http)
{
    reader.boolean(QStringLiteral("http/enabled"), http.enabled);
    reader.text(QStringLiteral("http/host"), http.host, [](const QString& value) -> QString {
        if (value == QLatin1String("localhost") || !QHostAddress(value).isNull())
            return {};
        return QStringLiteral("\"%1\" is not an IP address (use 127.0.0.1, or 0.0.0.0 for every interface)").arg(value);
    });
    int port = http.port;
    reader.integer(QStringLiteral("http/port"), port, 0, 65535);
    http.port = quint16(port);
}

void readFileLimits(ConfigReader& reader, Limits& limits)
{
    constexpr qint64 MiB = 1024 * 1024;
    qint64 maxFileMb = limits.maxFileBytes / MiB;
    reader.integer(QStringLiteral("files/max_file_mb"), maxFileMb, 1, 64 * 1024);
    limits.maxFileBytes = maxFileMb * MiB;
    qint64 userQuotaMb = limits.userQuotaBytes / MiB;
    reader.integer(QStringLiteral("files/user_quota_mb"), userQuotaMb, 0, qint64(1) << 30);
    limits.userQuotaBytes = userQuotaMb * MiB;
    qint64 totalQuotaMb = limits.totalQuotaBytes / MiB;
    reader.integer(QStringLiteral("files/total_quota_mb"), totalQuotaMb, 0, qint64(1) << 40);
    limits.totalQuotaBytes = totalQuotaMb * MiB;
    qint64 megapixels = limits.maxImagePixels / 1'000'000;
    reader.integer(QStringLiteral("files/max_image_megapixels"), megapixels, 1, 1000);
    limits.maxImagePixels = megapixels * 1'000'000;
    reader.integer(QStringLiteral("files/upload_expiry_hours"), limits.uploadExpiryHours, 1, 24 * 365);
    reader.integer(QStringLiteral("files/uploads_per_minute"), limits.uploadsPerMinute, 1, 100000);
}

} // namespace

ServerConfig defaultServerConfig()
{
    ServerConfig config;
    config.database.path = QDir::current().absoluteFilePath(QStringLiteral("chat.sqlite3"));
    config.cluster.nodeName = defaultNodeName(config.port);
    config.cluster.redis.clientName = config.cluster.nodeName;
    return config;
}

Expected<ServerConfig, ConfigError> loadServerConfig(const QString& path)
{
    const QFileInfo info(path);
    ServerConfig config = defaultServerConfig();
    config.configFile = info.absoluteFilePath();
    const QDir folder = info.absoluteDir();
    config.database.path = folder.absoluteFilePath(QStringLiteral("chat.sqlite3"));
    if (!info.exists())
        return config; // a missing file means the safe defaults
    if (!info.isReadable())
        return ConfigError { config.configFile, QString(), QStringLiteral("the file cannot be read") };

    ConfigReader reader(config.configFile);
    if (auto error = reader.open())
        return *error;

    reader.text(QStringLiteral("server/host"), config.host, [](const QString& value) -> QString {
        return value.isEmpty() ? QStringLiteral("must not be empty (use 127.0.0.1 or 0.0.0.0)") : QString();
    });
    int port = config.port;
    reader.integer(QStringLiteral("server/port"), port, 0, 65535);
    config.port = quint16(port);
    reader.text(QStringLiteral("server/name"), config.serverName);
    reader.boolean(QStringLiteral("server/proxy_protocol"), config.proxyProtocol);

    QString driver = QStringLiteral("sqlite");
    reader.choice(QStringLiteral("database/driver"), driver, { QStringLiteral("sqlite"), QStringLiteral("postgres") });
    config.database.driver
        = driver == QLatin1String("postgres") ? DatabaseConfig::Driver::Postgres : DatabaseConfig::Driver::Sqlite;
    reader.path(QStringLiteral("database/path"), config.database.path, folder);
    QString synchronous = QStringLiteral("full");
    reader.choice(
        QStringLiteral("database/synchronous"), synchronous, { QStringLiteral("full"), QStringLiteral("normal") });
    config.database.synchronousFull = synchronous == QLatin1String("full");
    reader.text(QStringLiteral("database/host"), config.database.host);
    reader.integer(QStringLiteral("database/port"), config.database.port, 1, 65535);
    reader.text(QStringLiteral("database/name"), config.database.name);
    reader.text(QStringLiteral("database/user"), config.database.user);
    reader.refuse(QStringLiteral("database/password"),
        QStringLiteral("inline passwords are not accepted: put the password in a file readable only by chat-server "
                       "and name that file with database/password_file"));
    reader.secretFile(
        QStringLiteral("database/password_file"), config.database.passwordFile, config.database.password, folder);
    reader.choice(QStringLiteral("database/sslmode"), config.database.sslMode,
        { QStringLiteral("disable"), QStringLiteral("allow"), QStringLiteral("prefer"), QStringLiteral("require"),
            QStringLiteral("verify-ca"), QStringLiteral("verify-full") });
    reader.path(
        QStringLiteral("database/sslrootcert"), config.database.sslRootCert, folder, ConfigReader::MustBeReadable);
    if (config.database.sslRootCert.contains(QLatin1Char(';')))
        reader.fail(QStringLiteral("database/sslrootcert"), QStringLiteral("the path must not contain ';'"));
    reader.integer(QStringLiteral("database/group_commit_max_batch"), config.database.groupCommitMaxBatch, 1, 100000);

    reader.path(QStringLiteral("tls/certificate"), config.tls.certificate, folder, ConfigReader::MustBeReadable);
    reader.path(QStringLiteral("tls/private_key"), config.tls.privateKey, folder, ConfigReader::MustBeReadable);
    if (config.tls.certificate.isEmpty() != config.tls.privateKey.isEmpty())
        reader.fail(
            config.tls.certificate.isEmpty() ? QStringLiteral("tls/certificate") : QStringLiteral("tls/private_key"),
            QStringLiteral("set both tls/certificate and tls/private_key, or neither"));

    readCluster(reader, config, folder);
    reader.path(QStringLiteral("files/path"), config.files.path, folder);
    readFileLimits(reader, config.limits);
    readHttp(reader, config.http);

    Limits& limits = config.limits;
    reader.integer(QStringLiteral("limits/max_frame_bytes"), limits.maxFrameBytes, 1024, 16 * 1024 * 1024);
    reader.integer(QStringLiteral("limits/max_body_chars"), limits.maxBodyChars, 1, 100000);
    reader.integer(QStringLiteral("limits/history_max"), limits.historyMax, 1, limit::MaxHistoryPage);
    reader.integer(QStringLiteral("limits/messages_per_second"), limits.messagesPerSecond, 1, 1000000);
    reader.integer(QStringLiteral("limits/message_burst"), limits.messageBurst, 1, 1000000);
    reader.integer(QStringLiteral("limits/edit_window_s"), limits.editWindowS, 0, 10LL * 365 * 24 * 3600);
    reader.integer(QStringLiteral("limits/max_reactions_per_message"), limits.maxReactionsPerMessage, 1, 1000);
    reader.integer(QStringLiteral("limits/receipts_max_members"), limits.receiptsMaxMembers, 0, 100000);
    reader.integer(QStringLiteral("limits/searches_per_second"), limits.searchesPerSecond, 1, 10000);
    reader.integer(QStringLiteral("limits/search_burst"), limits.searchBurst, 1, 10000);
    limits.historyDefault = std::min(limits.historyDefault, limits.historyMax);
    if (qint64(limits.maxBodyChars) * 4 + 1024 > limits.maxFrameBytes)
        reader.fail(QStringLiteral("limits/max_body_chars"),
            QStringLiteral("%1 characters may need %2 bytes, more than limits/max_frame_bytes (%3)")
                .arg(limits.maxBodyChars)
                .arg(qint64(limits.maxBodyChars) * 4 + 1024)
                .arg(limits.maxFrameBytes));

    SecurityConfig& security = config.security;
    reader.integer(QStringLiteral("security/session_days"), security.sessionDays, 1, 3650);
    reader.integer(QStringLiteral("security/login_attempts_per_account"), security.loginAttemptsPerAccount, 1, 1000000);
    reader.integer(QStringLiteral("security/login_attempts_per_address"), security.loginAttemptsPerAddress, 1, 1000000);
    reader.integer(QStringLiteral("security/login_window_seconds"), security.loginWindowSeconds, 1, 86400);
    reader.integer(
        QStringLiteral("security/signups_per_address_per_hour"), security.signupsPerAddressPerHour, 1, 1000000);
    reader.integer(QStringLiteral("security/login_known_address_days"), security.loginKnownAddressDays, 0, 3650);
    reader.integer(QStringLiteral("security/hash_threads"), security.hashThreads, 0, 256);

    ConnectionConfig& connection = config.connection;
    reader.integer(QStringLiteral("connections/max_connections"), connection.maxConnections, 1, 1000000);
    reader.integer(
        QStringLiteral("connections/max_connections_per_address"), connection.maxConnectionsPerAddress, 1, 1000000);
    reader.integer(QStringLiteral("connections/handshake_timeout_ms"), connection.handshakeTimeoutMs, 100, 600000);
    reader.integer(QStringLiteral("connections/auth_timeout_ms"), connection.authTimeoutMs, 100, 3600000);
    reader.integer(QStringLiteral("connections/ping_interval_seconds"), connection.pingIntervalSeconds, 1, 3600);
    reader.integer(QStringLiteral("connections/idle_timeout_seconds"), connection.idleTimeoutSeconds, 2, 86400);
    reader.integer(
        QStringLiteral("connections/max_pending_bytes"), connection.maxPendingBytes, 65536, 1024 * 1024 * 1024);
    if (connection.idleTimeoutSeconds <= connection.pingIntervalSeconds)
        reader.fail(QStringLiteral("connections/idle_timeout_seconds"),
            QStringLiteral("must be longer than connections/ping_interval_seconds (%1), or every connection times out")
                .arg(connection.pingIntervalSeconds));

    reader.list(QStringLiteral("rooms/default"), config.defaultRooms, [&limits](const QString& name) -> QString {
        if (name.size() > limits.maxRoomNameChars)
            return QStringLiteral("the room name \"%1\" is longer than %2 characters")
                .arg(name)
                .arg(limits.maxRoomNameChars);
        return {};
    });

    if (auto error = reader.firstError())
        return *error;
    return config;
}

} // namespace chat::server
