#include "StoreTestDatabase.h"
#include "auth/PasswordHasher.h"
#include "auth/SessionToken.h"
#include "cli/ServerCli.h"
#include "store/StoreDb.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace chat::server;

class AdminCliTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_out;
    QString m_err;
    bool m_served = false;

    QString configPath() const { return m_dir.filePath(QStringLiteral("server.ini")); }

    int run(const QStringList& args, const QString& input = {})
    {
        QString inputCopy = input;
        QTextStream in(&inputCopy);
        m_out.clear();
        m_err.clear();
        QTextStream out(&m_out);
        QTextStream err(&m_err);
        const int code
            = runCli(QStringList { QStringLiteral("chat-server"), QStringLiteral("--config"), configPath() } + args, in,
                out, err, [this](const ServerConfig&) {
                    m_served = true;
                    return 0;
                });
        out.flush();
        err.flush();
        return code;
    }

    DatabaseConfig databaseConfig() const
    {
        return StoreTestDatabase::config(m_dir.filePath(QStringLiteral("chat.sqlite3")));
    }

    std::unique_ptr<StoreDb> openStore()
    {
        auto db = StoreDb::open(databaseConfig(), QStringLiteral("admin-cli-test"));
        return db ? std::move(db).value() : nullptr;
    }

private Q_SLOTS:
    void init()
    {
        StoreTestDatabase::reset(databaseConfig());
        QFile file(configPath());
        file.open(QIODevice::WriteOnly | QIODevice::Truncate);
        file.write("[server]\nport=0\n" + StoreTestDatabase::iniSection(databaseConfig()));
        m_served = false;
    }

    void noCommandServes()
    {
        QCOMPARE(run({}), 0);
        QVERIFY(m_served);
    }

    void versionAndHelpDoNotServe()
    {
        QCOMPARE(run({ QStringLiteral("--version") }), 0);
        QVERIFY(m_out.contains(QLatin1String("chat-server " CHAT_VERSION)));
        QCOMPARE(run({ QStringLiteral("--help") }), 0);
        QVERIFY(m_out.contains(QLatin1String("user add")));
        QVERIFY(!m_served);
    }

    void addedUserIsListedAndCanSignIn()
    {
        QCOMPARE(run({ QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("alice") },
                     QStringLiteral("correct horse\n")),
            0);
        QCOMPARE(run({ QStringLiteral("user"), QStringLiteral("list") }), 0);
        QVERIFY2(m_out.contains(QLatin1String("alice\tactive")), qPrintable(m_out));
        auto db = openStore();
        auto user = db->userByName(QStringLiteral("alice"));
        QVERIFY(user && user->has_value());
        QVERIFY(PasswordHasher::verify((*user)->passwordHash, QStringLiteral("correct horse")));
        QVERIFY(!m_out.contains(QLatin1String("correct horse")));
    }

    void duplicateAddFails()
    {
        QCOMPARE(run({ QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("bob") },
                     QStringLiteral("correct horse\n")),
            0);
        QCOMPARE(run({ QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("BOB") },
                     QStringLiteral("correct horse\n")),
            1);
        QVERIFY(m_err.contains(QLatin1String("taken")));
    }

    void weakPasswordAndBadNameAreRefused()
    {
        QCOMPARE(
            run({ QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("carol") }, QStringLiteral("short\n")),
            1);
        QVERIFY(m_err.contains(QLatin1String("at least 8")));
        QCOMPARE(run({ QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("no way") },
                     QStringLiteral("correct horse\n")),
            1);
    }

    void passwdChangesThePasswordAndSignsOut()
    {
        QCOMPARE(run({ QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("dave") },
                     QStringLiteral("correct horse\n")),
            0);
        auto db = openStore();
        const qint64 userId = (*db->userByName(QStringLiteral("dave")))->id;
        const QByteArray tokenHash = SessionToken::hash(QStringLiteral("token"));
        QVERIFY(db->createSession({ tokenHash, userId, 0, std::numeric_limits<qint64>::max() }));
        QCOMPARE(run({ QStringLiteral("user"), QStringLiteral("passwd"), QStringLiteral("dave") },
                     QStringLiteral("battery staple\n")),
            0);
        auto user = db->userByName(QStringLiteral("dave"));
        QVERIFY(PasswordHasher::verify((*user)->passwordHash, QStringLiteral("battery staple")));
        QVERIFY(!PasswordHasher::verify((*user)->passwordHash, QStringLiteral("correct horse")));
        QVERIFY(!db->sessionByTokenHash(tokenHash)->has_value());
    }

    void disableAndEnable()
    {
        QCOMPARE(run({ QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("erin") },
                     QStringLiteral("correct horse\n")),
            0);
        QCOMPARE(run({ QStringLiteral("user"), QStringLiteral("disable"), QStringLiteral("erin") }), 0);
        QVERIFY((*openStore()->userByName(QStringLiteral("erin")))->disabled);
        QCOMPARE(run({ QStringLiteral("user"), QStringLiteral("enable"), QStringLiteral("erin") }), 0);
        QVERIFY(!(*openStore()->userByName(QStringLiteral("erin")))->disabled);
        QCOMPARE(run({ QStringLiteral("user"), QStringLiteral("disable"), QStringLiteral("nobody") }), 1);
        QVERIFY(m_err.contains(QLatin1String("no user named")));
    }

    void dbCheckReportsAHealthyDatabase()
    {
        QCOMPARE(run({ QStringLiteral("db"), QStringLiteral("check") }), 1); // empty: not yet created
        QCOMPARE(run({ QStringLiteral("db"), QStringLiteral("migrate") }), 0);
        QCOMPARE(run({ QStringLiteral("db"), QStringLiteral("check") }), 0);
        QVERIFY2(m_out.contains(QLatin1String("ok")), qPrintable(m_out));
    }

    void badConfigExitsWithUsageCodeNamingTheKey()
    {
        QFile file(configPath());
        file.open(QIODevice::WriteOnly | QIODevice::Truncate);
        file.write("[limits]\nmax_body_chars=zero\n");
        file.close();
        QCOMPARE(run({}), 2);
        QVERIFY(!m_served);
        QVERIFY2(m_err.contains(QLatin1String("max_body_chars")) && m_err.contains(configPath()), qPrintable(m_err));
    }

    void unknownCommandIsAUsageError()
    {
        QCOMPARE(run({ QStringLiteral("user"), QStringLiteral("explode"), QStringLiteral("x") }), 2);
        QCOMPARE(run({ QStringLiteral("--no-such-option") }), 2);
    }
};

QTEST_GUILESS_MAIN(AdminCliTest)
#include "tst_admincli.moc"
