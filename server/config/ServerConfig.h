#pragma once

#include "Expected.h"
#include "Limits.h"
#include "cluster/RedisSettings.h"

#include <QString>
#include <QStringList>

namespace chat::server {

struct DatabaseConfig {
    enum class Driver { Sqlite, Postgres };
    Driver driver = Driver::Sqlite;
    QString path; // sqlite: absolute path of the database file
    // postgres
    QString host = QStringLiteral("127.0.0.1");
    int port = 5432;
    QString name = QStringLiteral("chat");
    QString user;
    QString passwordFile; // absolute path; the password is its content without the trailing newline
    QString password; // read from passwordFile; never logged
    QString sslMode = QStringLiteral("prefer"); // libpq's sslmode
    QString sslRootCert; // absolute path of the CA certificate(s) for verify-ca / verify-full
    // sqlite: FULL survives power loss; NORMAL survives a crash of the process only
    bool synchronousFull = true;
    int groupCommitMaxBatch = 512;

    // For messages: the SQLite file, or postgres://user@host:port/name (never the password).
    QString displayName() const;
};

struct TlsConfig {
    QString certificate;
    QString privateKey;
    bool enabled() const { return !certificate.isEmpty() && !privateKey.isEmpty(); }
};

struct ClusterConfig {
    QString redisUrl; // empty: single node
    RedisSettings redis; // parsed from redisUrl, with the password read from redis_password_file
    QString nodeName; // this node among the others: letters, digits and . _ - : (default hostname:port)
    bool enabled() const { return !redisUrl.isEmpty(); }
};

struct HttpConfig {
    bool enabled = false; // health and metrics listener
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 7448; // 0: any free port
};

struct FilesConfig {
    // Where file contents live: content-addressed blobs and unfinished uploads. Every node of a cluster must see the
    // same folder (a shared mount). Default: "files" beside the SQLite database, or beside the config file.
    QString path;
};

struct SecurityConfig {
    int sessionDays = 30; // sliding expiry of a session token
    int loginAttemptsPerAccount = 10; // failed attempts per window before throttling
    int loginAttemptsPerAddress = 30;
    int loginWindowSeconds = 300;
    int signupsPerAddressPerHour = 20;
    // A password sign-in from an address that signed in to the same account with its password within this many
    // days is held by the per-address limit only, so an attacker's failures elsewhere never lock the owner out.
    // 0: every address is held by the per-account limit too.
    int loginKnownAddressDays = 30;
    int hashThreads = 0; // 0: one per core
};

struct ConnectionConfig {
    int maxConnections = 50000;
    // Per client address (the PROXY header's, behind a balancer), handshakes in progress included.
    int maxConnectionsPerAddress = 256;
    int handshakeTimeoutMs = 10000; // TCP accept to WebSocket upgrade
    int authTimeoutMs = 60000; // upgrade to successful auth.*
    int pingIntervalSeconds = 30;
    int idleTimeoutSeconds = 90; // no frame nor pong for this long closes the connection
    int maxPendingBytes = 8 * 1024 * 1024; // per connection output buffer before it is dropped as too slow
};

struct ServerConfig {
    QString configFile; // empty when running on defaults
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 7447;
    QString serverName = QStringLiteral("chat-server");
    // Every connection starts with a PROXY protocol v1 header (HAProxy's send-proxy) naming the real client.
    bool proxyProtocol = false;
    DatabaseConfig database;
    TlsConfig tls;
    ClusterConfig cluster;
    HttpConfig http;
    FilesConfig files;
    SecurityConfig security;
    ConnectionConfig connection;
    Limits limits;
    QStringList defaultRooms { QStringLiteral("general") };

    // files.path, or when it is empty "files" beside the SQLite database (beside the working directory otherwise).
    QString filesFolder() const;
};

struct ConfigError {
    QString file;
    QString key; // "section/key"
    QString message;
    QString toString() const;
};

// Reads and validates an ini file; a missing file or key means the default. Relative paths resolve
// against the folder of the file.
Expected<ServerConfig, ConfigError> loadServerConfig(const QString& path);
// Defaults with the database next to the working directory (used when --config is not given).
ServerConfig defaultServerConfig();

} // namespace chat::server
