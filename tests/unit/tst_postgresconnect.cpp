#include "PostgresProcess.h"
#include "StoreTestDatabase.h"
#include "config/ServerConfig.h"
#include "store/StoreDb.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace chat;
using namespace chat::server;

// The [database] keys of server.ini reach a real PostgreSQL: the password from password_file, and
// sslmode / sslrootcert through to libpq.
class PostgresConnectTest : public QObject {
    Q_OBJECT
private:
    PostgresProcess m_postgres;
    QTemporaryDir m_dir;
    int m_files = 0;

    QString writeFile(const QByteArray& content)
    {
        const QString path = m_dir.filePath(QStringLiteral("file-%1").arg(++m_files));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(content) < 0)
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

    // server.ini for the test server, with `extra` lines appended to its [database] section.
    Expected<ServerConfig, ConfigError> load(const QByteArray& passwordFileContent, const QByteArray& extra = {})
    {
        DatabaseConfig database = StoreTestDatabase::configFor(m_postgres);
        database.passwordFile = writeFile(passwordFileContent);
        return loadServerConfig(writeFile(StoreTestDatabase::iniSection(database) + extra));
    }

    static StoreDb::Result<std::unique_ptr<StoreDb>> open(const ServerConfig& config)
    {
        return StoreDb::open(config.database, QStringLiteral("tst-pg-connect"));
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_postgres.initialize(), qPrintable(m_postgres.errorString())); }

    void thePasswordComesFromPasswordFile()
    {
        auto config = load(m_postgres.password().toUtf8() + "\n");
        QVERIFY2(config.ok(), config.ok() ? "" : qPrintable(config.error().toString()));
        auto db = open(*config);
        QVERIFY2(db.ok(), db.ok() ? "" : qPrintable(db.error().message));
        QVERIFY((*db)->migrate().ok());
    }

    void aWrongPasswordFailsWithoutShowingIt()
    {
        auto config = load("not-the-password-4711\n");
        QVERIFY(config.ok());
        auto db = open(*config);
        QVERIFY(!db.ok());
        QVERIFY2(db.error().message.contains(QLatin1String("password")), qPrintable(db.error().message));
        QVERIFY2(!db.error().message.contains(QLatin1String("4711")), qPrintable(db.error().message));
    }

    void sslModeReachesLibpq_data()
    {
        QTest::addColumn<QByteArray>("keys");
        QTest::addColumn<bool>("connects");
        // The test server has no TLS: modes that insist on it must fail, the others connect in clear.
        QTest::newRow("disable") << QByteArray("sslmode=disable\n") << true;
        QTest::newRow("allow") << QByteArray("sslmode=allow\n") << true;
        QTest::newRow("prefer (default)") << QByteArray() << true;
        QTest::newRow("require") << QByteArray("sslmode=require\n") << false;
        QTest::newRow("verify-full, CA path with a space")
            << QByteArray("sslmode=verify-full\nsslrootcert=my ca.pem\n") << false;
    }
    void sslModeReachesLibpq()
    {
        QFETCH(QByteArray, keys);
        QFETCH(bool, connects);
        QFile ca(m_dir.filePath(QStringLiteral("my ca.pem"))); // a space: the conninfo value must be quoted
        QVERIFY(ca.open(QIODevice::WriteOnly));
        ca.close();
        auto config = load(m_postgres.password().toUtf8() + "\n", keys);
        QVERIFY2(config.ok(), config.ok() ? "" : qPrintable(config.error().toString()));
        auto db = open(*config);
        QCOMPARE(db.ok(), connects);
        if (!connects)
            QVERIFY2(
                db.error().message.contains(QLatin1String("SSL"), Qt::CaseInsensitive), qPrintable(db.error().message));
    }
};

QTEST_GUILESS_MAIN(PostgresConnectTest)
#include "tst_postgresconnect.moc"
