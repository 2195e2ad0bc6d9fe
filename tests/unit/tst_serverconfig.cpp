#include "config/ServerConfig.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace chat::server;

class ServerConfigTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_files = 0;

    QString writeFile(const QString& name, const QByteArray& contents)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        file.open(QIODevice::WriteOnly | QIODevice::Truncate);
        file.write(contents);
        return path;
    }

    // A new file each time: QSettings caches files by name, size and time.
    QString write(const QByteArray& ini) { return writeFile(QStringLiteral("server-%1.ini").arg(++m_files), ini); }

private Q_SLOTS:
    void initTestCase() { writeFile(QStringLiteral("empty.pass"), "\n"); }

    void missingFileMeansDefaults()
    {
        auto config = loadServerConfig(m_dir.filePath(QStringLiteral("absent.ini")));
        QVERIFY(config.ok());
        QCOMPARE(config->host, QStringLiteral("127.0.0.1"));
        QCOMPARE(config->port, quint16(7447));
        QCOMPARE(config->database.driver, DatabaseConfig::Driver::Sqlite);
        QCOMPARE(config->database.path, m_dir.filePath(QStringLiteral("chat.sqlite3")));
        QCOMPARE(config->defaultRooms, QStringList { QStringLiteral("general") });
        QVERIFY(!config->cluster.enabled());
        QVERIFY2(config->cluster.nodeName.endsWith(QLatin1String(":7447")), qPrintable(config->cluster.nodeName));
        QCOMPARE(config->http.enabled, false);
        QCOMPARE(config->http.host, QStringLiteral("127.0.0.1"));
        QCOMPARE(config->http.port, quint16(7448));
    }

    void everyKeyIsRead()
    {
        QDir(m_dir.path()).mkpath(QStringLiteral("data"));
        QDir(m_dir.path()).mkpath(QStringLiteral("secrets"));
        writeFile(QStringLiteral("secrets/redis.pass"), "pass word\n");
        auto config = loadServerConfig(write(
            "[server]\nhost=0.0.0.0\nport=9000\nname=Team\n"
            "[database]\npath=data/chat.db\nsynchronous=normal\ngroup_commit_max_batch=64\n"
            "[limits]\nmax_frame_bytes=131072\nmax_body_chars=8000\nhistory_max=100\nmessages_per_second="
            "5\nmessage_burst=10\n"
            "[security]\nsession_days=7\nlogin_attempts_per_account=3\nhash_threads=2\nlogin_known_address_days=0\n"
            "[connections]\nmax_connections=10\nmax_connections_per_address=3\nping_interval_seconds=10\n"
            "idle_timeout_seconds=25\n"
            "[rooms]\ndefault=lobby, random\n"
            "[cluster]\nredis=redis://10.0.0.5:6380/2\nredis_password_file=secrets/redis.pass\nnode=node-a.1:7447\n"
            "[http]\nenabled=true\nhost=0.0.0.0\nport=0\n"));
        QVERIFY2(config.ok(), config.ok() ? "" : qPrintable(config.error().toString()));
        QCOMPARE(config->host, QStringLiteral("0.0.0.0"));
        QCOMPARE(config->port, quint16(9000));
        QCOMPARE(config->serverName, QStringLiteral("Team"));
        QCOMPARE(config->database.path, m_dir.filePath(QStringLiteral("data/chat.db")));
        QCOMPARE(config->database.synchronousFull, false);
        QCOMPARE(config->database.groupCommitMaxBatch, 64);
        QCOMPARE(config->limits.maxFrameBytes, 131072);
        QCOMPARE(config->limits.maxBodyChars, 8000);
        QCOMPARE(config->limits.historyMax, 100);
        QCOMPARE(config->limits.messagesPerSecond, 5);
        QCOMPARE(config->limits.messageBurst, 10);
        QCOMPARE(config->security.sessionDays, 7);
        QCOMPARE(config->security.loginAttemptsPerAccount, 3);
        QCOMPARE(config->security.hashThreads, 2);
        QCOMPARE(config->security.loginKnownAddressDays, 0);
        QCOMPARE(config->connection.maxConnections, 10);
        QCOMPARE(config->connection.maxConnectionsPerAddress, 3);
        QCOMPARE(config->connection.idleTimeoutSeconds, 25);
        QCOMPARE(config->defaultRooms, QStringList({ QStringLiteral("lobby"), QStringLiteral("random") }));
        QVERIFY(config->cluster.enabled());
        QCOMPARE(config->cluster.redisUrl, QStringLiteral("redis://10.0.0.5:6380/2"));
        QCOMPARE(config->cluster.redis.host, QStringLiteral("10.0.0.5"));
        QCOMPARE(config->cluster.redis.port, quint16(6380));
        QCOMPARE(config->cluster.redis.db, 2);
        QCOMPARE(config->cluster.redis.password, QByteArray("pass word")); // the line break is not part of it
        QCOMPARE(config->cluster.nodeName, QStringLiteral("node-a.1:7447"));
        QCOMPARE(config->cluster.redis.clientName, QStringLiteral("node-a.1:7447"));
        QCOMPARE(config->http.enabled, true);
        QCOMPARE(config->http.host, QStringLiteral("0.0.0.0"));
        QCOMPARE(config->http.port, quint16(0));
    }

    void nodeNameDefaultsToHostAndPort()
    {
        auto config = loadServerConfig(write("[server]\nport=9100\n[cluster]\nredis=redis://127.0.0.1\nnode=\n"));
        QVERIFY(config.ok());
        QVERIFY2(config->cluster.nodeName.endsWith(QLatin1String(":9100")), qPrintable(config->cluster.nodeName));
        QCOMPARE(config->cluster.redis.port, quint16(6379));
        QCOMPARE(config->cluster.redis.db, 0);
        QVERIFY(config->cluster.redis.password.isEmpty());
    }

    void secretsAreNotEchoedInErrors()
    {
        auto config = loadServerConfig(write("[cluster]\nredis=redis://:hunter2@127.0.0.1:6379\n"));
        QVERIFY(!config.ok());
        QCOMPARE(config.error().key, QStringLiteral("cluster/redis"));
        QVERIFY2(!config.error().toString().contains(QLatin1String("hunter2")), qPrintable(config.error().toString()));
    }

    void postgresKeysAreRead()
    {
        QFile secret(m_dir.filePath(QStringLiteral("db-password")));
        QVERIFY(secret.open(QIODevice::WriteOnly | QIODevice::Truncate));
        secret.write("s3cret with spaces\n");
        secret.close();
        auto config
            = loadServerConfig(write("[database]\ndriver=postgres\nhost=db.internal\nport=6543\nname=team\nuser=chat\n"
                                     "password_file=db-password\nsslmode=verify-full\nsslrootcert=db-password\n"));
        QVERIFY2(config.ok(), config.ok() ? "" : qPrintable(config.error().toString()));
        const DatabaseConfig& database = config->database;
        QCOMPARE(database.driver, DatabaseConfig::Driver::Postgres);
        QCOMPARE(database.host, QStringLiteral("db.internal"));
        QCOMPARE(database.port, 6543);
        QCOMPARE(database.name, QStringLiteral("team"));
        QCOMPARE(database.user, QStringLiteral("chat"));
        QCOMPARE(database.passwordFile, secret.fileName());
        QCOMPARE(database.password, QStringLiteral("s3cret with spaces")); // the trailing newline is not part of it
        QCOMPARE(database.sslMode, QStringLiteral("verify-full"));
        QCOMPARE(database.sslRootCert, secret.fileName());
        QVERIFY(!database.displayName().contains(QLatin1String("s3cret")));
    }

    void postgresDefaultsToSslPreferWithoutPassword()
    {
        // An empty password= (older sample files had one) holds no secret and is accepted.
        auto config = loadServerConfig(write("[database]\ndriver=postgres\npassword=\n"));
        QVERIFY2(config.ok(), config.ok() ? "" : qPrintable(config.error().toString()));
        QCOMPARE(config->database.sslMode, QStringLiteral("prefer"));
        QVERIFY(config->database.password.isEmpty());
        QVERIFY(config->database.sslRootCert.isEmpty());
    }

    void anInlinePasswordIsRefusedWithoutEchoingIt()
    {
        auto config = loadServerConfig(write("[database]\ndriver=postgres\npassword=hunter2hunter2\n"));
        QVERIFY(!config.ok());
        QCOMPARE(config.error().key, QStringLiteral("database/password"));
        const QString line = config.error().toString();
        QVERIFY2(line.contains(QLatin1String("password_file")), qPrintable(line));
        QVERIFY2(!line.contains(QLatin1String("hunter2")), qPrintable(line));
    }

    void inlineCommentsAreNotPartOfValues()
    {
        auto config = loadServerConfig(write("[server]\nhost=127.0.0.1          ; listen address\nport=7448 ; port\n"));
        QVERIFY(config.ok());
        QCOMPARE(config->host, QStringLiteral("127.0.0.1"));
        QCOMPARE(config->port, quint16(7448));
    }

    void emptyDefaultRoomsMeansNone()
    {
        auto config = loadServerConfig(write("[rooms]\ndefault=\n"));
        QVERIFY(config.ok());
        QVERIFY(config->defaultRooms.isEmpty());
    }

    void badValuesNameTheKeyAndFile_data()
    {
        QTest::addColumn<QByteArray>("ini");
        QTest::addColumn<QString>("key");
        QTest::newRow("port not a number") << QByteArray("[server]\nport=abc\n") << "server/port";
        QTest::newRow("port too big") << QByteArray("[server]\nport=70000\n") << "server/port";
        QTest::newRow("negative port") << QByteArray("[server]\nport=-1\n") << "server/port";
        QTest::newRow("empty host") << QByteArray("[server]\nhost=\"\"\n") << "server/host";
        QTest::newRow("driver") << QByteArray("[database]\ndriver=mysql\n") << "database/driver";
        QTest::newRow("synchronous") << QByteArray("[database]\nsynchronous=sometimes\n") << "database/synchronous";
        QTest::newRow("folder missing") << QByteArray("[database]\npath=no/such/folder/chat.db\n") << "database/path";
        QTest::newRow("certificate alone") << QByteArray("[tls]\ncertificate=server-1.ini\n") << "tls/private_key";
        QTest::newRow("unreadable key") << QByteArray("[tls]\ncertificate=server-1.ini\nprivate_key=missing.pem\n")
                                        << "tls/private_key";
        QTest::newRow("inline password") << QByteArray("[database]\npassword=secret\n") << "database/password";
        QTest::newRow("password file missing")
            << QByteArray("[database]\npassword_file=no-such-secret\n") << "database/password_file";
        QTest::newRow("password file is a folder")
            << QByteArray("[database]\npassword_file=.\n") << "database/password_file";
        QTest::newRow("sslmode") << QByteArray("[database]\nsslmode=always\n") << "database/sslmode";
        QTest::newRow("sslrootcert missing")
            << QByteArray("[database]\nsslrootcert=no-such-ca.pem\n") << "database/sslrootcert";
        QTest::newRow("database port") << QByteArray("[database]\nport=0\n") << "database/port";
        QTest::newRow("redis url") << QByteArray("[cluster]\nredis=localhost:6379\n") << "cluster/redis";
        QTest::newRow("redis scheme") << QByteArray("[cluster]\nredis=rediss://localhost:6379\n") << "cluster/redis";
        QTest::newRow("redis db 16") << QByteArray("[cluster]\nredis=redis://localhost:6379/16\n") << "cluster/redis";
        QTest::newRow("redis db name") << QByteArray("[cluster]\nredis=redis://localhost/chat\n") << "cluster/redis";
        QTest::newRow("redis password in url")
            << QByteArray("[cluster]\nredis=redis://:pw@localhost:6379\n") << "cluster/redis";
        QTest::newRow("redis password file missing")
            << QByteArray("[cluster]\nredis=redis://localhost\nredis_password_file=no-such.pass\n")
            << "cluster/redis_password_file";
        QTest::newRow("redis password file empty")
            << QByteArray("[cluster]\nredis=redis://localhost\nredis_password_file=empty.pass\n")
            << "cluster/redis_password_file";
        QTest::newRow("node with space") << QByteArray("[cluster]\nnode=\"node a\"\n") << "cluster/node";
        QTest::newRow("node with slash") << QByteArray("[cluster]\nnode=a/b\n") << "cluster/node";
        QTest::newRow("node too long") << QByteArray("[cluster]\nnode=") + QByteArray(65, 'n') + "\n"
                                       << "cluster/node";
        QTest::newRow("http enabled") << QByteArray("[http]\nenabled=maybe\n") << "http/enabled";
        QTest::newRow("http host name") << QByteArray("[http]\nhost=example.com\n") << "http/host";
        QTest::newRow("http port too big") << QByteArray("[http]\nport=70000\n") << "http/port";
        QTest::newRow("http port negative") << QByteArray("[http]\nport=-1\n") << "http/port";
        QTest::newRow("http typo") << QByteArray("[http]\nenable=true\n") << "http/enable";
        QTest::newRow("frame too small") << QByteArray("[limits]\nmax_frame_bytes=10\n") << "limits/max_frame_bytes";
        QTest::newRow("body zero") << QByteArray("[limits]\nmax_body_chars=0\n") << "limits/max_body_chars";
        QTest::newRow("body beyond frame") << QByteArray("[limits]\nmax_body_chars=60000\n") << "limits/max_body_chars";
        QTest::newRow("rate") << QByteArray("[limits]\nmessages_per_second=lots\n") << "limits/messages_per_second";
        QTest::newRow("session days") << QByteArray("[security]\nsession_days=0\n") << "security/session_days";
        QTest::newRow("no connection per address") << QByteArray("[connections]\nmax_connections_per_address=0\n")
                                                   << "connections/max_connections_per_address";
        QTest::newRow("known addresses for ever")
            << QByteArray("[security]\nlogin_known_address_days=-1\n") << "security/login_known_address_days";
        QTest::newRow("idle shorter than ping")
            << QByteArray("[connections]\nping_interval_seconds=30\nidle_timeout_seconds=20\n")
            << "connections/idle_timeout_seconds";
        QTest::newRow("typo in key") << QByteArray("[server]\nprot=7447\n") << "server/prot";
        QTest::newRow("unknown section") << QByteArray("[sever]\nport=7447\n") << "sever/port";
        QTest::newRow("long room name") << QByteArray("[rooms]\ndefault=") + QByteArray(80, 'x') + "\n"
                                        << "rooms/default";
    }
    void badValuesNameTheKeyAndFile()
    {
        QFETCH(QByteArray, ini);
        QFETCH(QString, key);
        const QString path = write(ini);
        auto config = loadServerConfig(path);
        QVERIFY(!config.ok());
        QCOMPARE(config.error().key, key);
        QCOMPARE(config.error().file, path);
        QVERIFY(!config.error().message.isEmpty());
        const QString line = config.error().toString();
        QVERIFY2(line.contains(path) && line.contains(key.section(QLatin1Char('/'), 1)), qPrintable(line));
    }

    void sampleFileLoadsCleanly()
    {
        auto config = loadServerConfig(QStringLiteral(CHAT_SOURCE_DIR "/resources/server.ini"));
        QVERIFY2(config.ok(), config.ok() ? "" : qPrintable(config.error().toString()));
        QCOMPARE(config->port, quint16(7447));
        QCOMPARE(config->limits.maxBodyChars, 4000);
        QVERIFY(!config->cluster.enabled());
        QVERIFY(!config->http.enabled);
        QVERIFY(config->database.path.endsWith(QLatin1String("/resources/chat.sqlite3")));
        // The sample shows the defaults: loading it changes no limit.
        const ServerConfig defaults;
        QCOMPARE(config->connection.maxConnectionsPerAddress, defaults.connection.maxConnectionsPerAddress);
        QCOMPARE(config->connection.handshakeTimeoutMs, defaults.connection.handshakeTimeoutMs);
        QCOMPARE(config->connection.authTimeoutMs, defaults.connection.authTimeoutMs);
        QCOMPARE(config->security.loginAttemptsPerAccount, defaults.security.loginAttemptsPerAccount);
        QCOMPARE(config->security.loginKnownAddressDays, defaults.security.loginKnownAddressDays);
        QCOMPARE(config->security.signupsPerAddressPerHour, defaults.security.signupsPerAddressPerHour);
    }
};

QTEST_GUILESS_MAIN(ServerConfigTest)
#include "tst_serverconfig.moc"
