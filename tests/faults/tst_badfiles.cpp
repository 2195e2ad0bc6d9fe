#include "ServerUnderTest.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace chat::test;

// A database file that is damaged, truncated, someone else's, not a database at all, or locked by another
// process stops chat-server at startup with an error that names the file and the cause: never a crash,
// never a server that runs on a file it must not touch.
class BadFilesTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_database;

    static bool writeBytes(const QString& path, qint64 offset, const QByteArray& bytes)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadWrite) || !file.seek(offset))
            return false;
        return file.write(bytes) == bytes.size();
    }

    // A real chat database with a few users in it, closed cleanly (no -wal file beside it).
    static bool makeChatDatabase(ServerUnderTest& server)
    {
        if (server.runAdmin({ QStringLiteral("db"), QStringLiteral("migrate") }).exitCode != 0)
            return false;
        for (const QString& name : { QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("carol") }) {
            if (server
                    .runAdmin({ QStringLiteral("user"), QStringLiteral("add"), name }, QStringLiteral("long enough\n"))
                    .exitCode
                != 0)
                return false;
        }
        return true;
    }

    static qint64 pageSize(const QString& path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly) || !file.seek(16))
            return 0;
        const QByteArray bytes = file.read(2);
        const int size = (quint8(bytes.at(0)) << 8) | quint8(bytes.at(1));
        return size == 1 ? 65536 : size;
    }

    // Starts the server on the database and checks that it stops at once, saying where and why.
    void verifyRefusedWith(ServerUnderTest& server, const QString& cause)
    {
        const int exitCode = server.runToExit();
        const QString err = server.standardError();
        QVERIFY2(exitCode > 0, qPrintable(QStringLiteral("exit code %1; stderr: %2").arg(exitCode).arg(err)));
        QVERIFY2(!server.standardOutput().contains(QLatin1String("listening on")), qPrintable(server.standardOutput()));
        QVERIFY2(err.contains(m_database), qPrintable(err));
        QVERIFY2(err.contains(cause), qPrintable(err));
        // The admin commands explain it the same way.
        const ServerUnderTest::AdminRun check = server.runAdmin({ QStringLiteral("db"), QStringLiteral("check") });
        QVERIFY2(check.exitCode > 0, qPrintable(check.out + check.err));
        QVERIFY2(check.err.contains(m_database) && check.err.contains(cause), qPrintable(check.err));
    }

private Q_SLOTS:
    void init()
    {
        m_database = QDir(m_dir.path()).filePath(QStringLiteral("chat.sqlite3"));
        QFile::remove(m_database);
        QDir(m_database).removeRecursively();
    }

    void aFileThatIsNoDatabaseIsRefused()
    {
        ServerUnderTest server(m_dir.path());
        QVERIFY(server.writeConfig(m_database));
        QFile file(m_database);
        QVERIFY(file.open(QIODevice::WriteOnly));
        for (int i = 0; i < 200; ++i)
            file.write("These are an operator's notes, not a database.\n");
        file.close();
        verifyRefusedWith(server, QStringLiteral("is not a SQLite database"));
    }

    void anotherApplicationsDatabaseIsRefusedAndLeftAlone()
    {
        {
            QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other-app"));
            other.setDatabaseName(m_database);
            QVERIFY(other.open());
            QSqlQuery create(other);
            QVERIFY(create.exec(QStringLiteral("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")));
            QVERIFY(create.exec(QStringLiteral("INSERT INTO moz_places (url) VALUES ('https://example.org')")));
            other.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("other-app"));
        ServerUnderTest server(m_dir.path());
        QVERIFY(server.writeConfig(m_database));
        verifyRefusedWith(server, QStringLiteral("is another application's database"));
        QVERIFY2(server.standardError().contains(QLatin1String("moz_places")), qPrintable(server.standardError()));

        // Nothing of chat-server's was added to it.
        {
            QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other-app"));
            other.setDatabaseName(m_database);
            QVERIFY(other.open());
            QSqlQuery tables(other);
            QVERIFY(tables.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'")));
            QStringList names;
            while (tables.next())
                names.append(tables.value(0).toString());
            QCOMPARE(names, QStringList { QStringLiteral("moz_places") });
            other.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("other-app"));
    }

    void aDamagedDatabaseIsRefused()
    {
        ServerUnderTest server(m_dir.path());
        QVERIFY(server.writeConfig(m_database));
        QVERIFY(makeChatDatabase(server));
        // Page 1 holds the schema's b-tree after the 100-byte file header: overwrite that b-tree.
        const qint64 page = pageSize(m_database);
        QVERIFY(page >= 512);
        QVERIFY(writeBytes(m_database, 100, QByteArray(int(page - 100), '\xA5')));
        verifyRefusedWith(server, QStringLiteral("is damaged"));
    }

    void aDatabaseDamagedInsideATableIsRefused()
    {
        ServerUnderTest server(m_dir.path());
        QVERIFY(server.writeConfig(m_database));
        QVERIFY(makeChatDatabase(server));
        qint64 usersPage = 0;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("inspect"));
            db.setDatabaseName(m_database);
            QVERIFY(db.open());
            QSqlQuery root(db);
            QVERIFY(
                root.exec(QStringLiteral("SELECT rootpage FROM sqlite_master WHERE name = 'users'")) && root.next());
            usersPage = root.value(0).toLongLong();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("inspect"));
        // The schema is intact; the users table's page is not.
        const qint64 page = pageSize(m_database);
        QVERIFY(usersPage > 1);
        QVERIFY(writeBytes(m_database, (usersPage - 1) * page, QByteArray(int(page), '\xA5')));
        const int exitCode = server.runToExit();
        QVERIFY2(exitCode > 0, qPrintable(server.standardError()));
        QVERIFY2(server.standardError().contains(m_database), qPrintable(server.standardError()));
        QVERIFY2(server.standardError().contains(QLatin1String("is damaged")), qPrintable(server.standardError()));
        // The check finds it too.
        const ServerUnderTest::AdminRun check = server.runAdmin({ QStringLiteral("db"), QStringLiteral("check") });
        QCOMPARE(check.exitCode, 1);
        QVERIFY2(check.out.contains(QLatin1String("NOT OK")), qPrintable(check.out + check.err));
        QVERIFY2(check.err.contains(QLatin1String("is damaged")), qPrintable(check.err));
    }

    void aTruncatedDatabaseIsRefused()
    {
        ServerUnderTest server(m_dir.path());
        QVERIFY(server.writeConfig(m_database));
        QVERIFY(makeChatDatabase(server));
        const qint64 page = pageSize(m_database);
        const qint64 pages = QFileInfo(m_database).size() / page;
        QVERIFY2(pages >= 4, qPrintable(QString::number(pages)));
        QVERIFY(QFile::resize(m_database, (pages / 2) * page)); // as a copy cut short would leave it
        verifyRefusedWith(server, QStringLiteral("is damaged"));
    }

    void aDatabaseLockedByAnotherProcessIsRefused()
    {
        ServerUnderTest server(m_dir.path());
        QVERIFY(server.writeConfig(m_database));
        QVERIFY(makeChatDatabase(server));
        {
            // This test process is the other process: it holds the file's exclusive lock until it closes.
            QSqlDatabase holder = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("holder"));
            holder.setDatabaseName(m_database);
            QVERIFY(holder.open());
            QSqlQuery lock(holder);
            QVERIFY(lock.exec(QStringLiteral("PRAGMA locking_mode=EXCLUSIVE")));
            QVERIFY2(lock.exec(QStringLiteral("BEGIN EXCLUSIVE")), qPrintable(lock.lastError().text()));
            QVERIFY(lock.exec(QStringLiteral("UPDATE users SET disabled = disabled")));
            QVERIFY(lock.exec(QStringLiteral("COMMIT"))); // the lock stays: EXCLUSIVE locking mode
            verifyRefusedWith(server, QStringLiteral("is locked by another process"));
            holder.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("holder"));
        // Once the other process lets go, the same file serves.
        QVERIFY2(server.start(), qPrintable(server.standardError()));
        QCOMPARE(server.terminate(), 0);
    }

    void aFolderWhereTheFileShouldBeIsRefused()
    {
        QVERIFY(QDir().mkpath(m_database));
        ServerUnderTest server(m_dir.path());
        QVERIFY(server.writeConfig(m_database));
        const int exitCode = server.runToExit();
        QVERIFY2(exitCode > 0, qPrintable(server.standardError()));
        QVERIFY2(server.standardError().contains(m_database), qPrintable(server.standardError()));
        QVERIFY2(
            server.standardError().contains(QLatin1String("cannot be opened")), qPrintable(server.standardError()));
    }
};

QTEST_GUILESS_MAIN(BadFilesTest)
#include "tst_badfiles.moc"
