#include "PostgresProcess.h"
#include "StoreTestDatabase.h"
#include "auth/SessionToken.h"
#include "cli/ServerCli.h"
#include "store/DatabaseCopy.h"
#include "store/StoreDb.h"

#include <QFile>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace chat;
using namespace chat::server;

namespace {
constexpr qint64 Now = 1700000000000;

// A table's rows as text, in the copy's order; booleans as 0/1 since SQLite keeps them as integers.
QList<QStringList> rowsOf(StoreDb& db, const DatabaseCopy::Table& table, const QStringList& columns)
{
    QList<QStringList> rows;
    QSqlQuery query(db.connection());
    if (!query.exec(QStringLiteral("SELECT %1 FROM %2 ORDER BY %3")
                        .arg(columns.join(QLatin1Char(',')), table.name, table.orderBy)))
        qFatal("cannot read %s", qPrintable(table.name));
    while (query.next()) {
        QStringList row;
        for (int i = 0; i < columns.size(); ++i) {
            const QVariant value = query.value(i);
            if (value.isNull())
                row.append(QStringLiteral("<null>"));
            else if (value.typeId() == QMetaType::Bool)
                row.append(QString::number(int(value.toBool())));
            else
                row.append(value.toString());
        }
        rows.append(row);
    }
    return rows;
}
} // namespace

// `chat-server db copy`: a SQLite database holding every kind of row, copied into a throwaway PostgreSQL.
class DatabaseCopyTest : public QObject {
    Q_OBJECT
private:
    PostgresProcess m_postgres;
    QTemporaryDir m_dir;
    DatabaseConfig m_source;
    DatabaseConfig m_target;
    QString m_out;
    QString m_err;

    QString sourcePath() const { return m_dir.filePath(QStringLiteral("old.sqlite3")); }
    QString configPath() const { return m_dir.filePath(QStringLiteral("pg.ini")); }

    int copy(const QString& source)
    {
        QString none;
        QTextStream in(&none);
        m_out.clear();
        m_err.clear();
        QTextStream out(&m_out);
        QTextStream err(&m_err);
        const int code = runCli({ QStringLiteral("chat-server"), QStringLiteral("--config"), configPath(),
                                    QStringLiteral("db"), QStringLiteral("copy"), source },
            in, out, err, [](const ServerConfig&) { return 0; });
        out.flush();
        err.flush();
        return code;
    }

    static std::unique_ptr<StoreDb> open(const DatabaseConfig& config)
    {
        auto db = StoreDb::open(config, QStringLiteral("tst-copy"));
        if (!db)
            qFatal("cannot open: %s", qPrintable(db.error().message));
        return std::move(db).value();
    }

    // Users (one disabled), sessions, group and direct rooms, members with read markers, and messages
    // with and without client_id, in several rooms.
    void fillSource()
    {
        auto db = open(m_source);
        QVERIFY(db->migrate().ok());
        const qint64 alice = db->createUser(QStringLiteral("alice"), QStringLiteral("$argon2id$a"), Now)->id;
        const qint64 bob = db->createUser(QStringLiteral("Bob"), QStringLiteral("$argon2id$b"), Now + 1)->id;
        const qint64 carol = db->createUser(QStringLiteral("carol"), QStringLiteral("$argon2id$c"), Now + 2)->id;
        QVERIFY(db->setDisabled(carol, true).ok());
        QVERIFY(db->createSession({ SessionToken::hash(QStringLiteral("t1")), alice, Now, Now + 1000 }).ok());
        QVERIFY(db->createSession({ SessionToken::hash(QStringLiteral("t2")), bob, Now, Now + 2000 }).ok());
        const qint64 general = db->createGroupRoom(QStringLiteral("general"), alice, Now)->id;
        const qint64 random = db->createGroupRoom(QStringLiteral("Random"), bob, Now)->id;
        QVERIFY(db->addMember(general, bob, Now).ok());
        QVERIFY(db->addMember(general, carol, Now).ok());
        const qint64 direct = db->directRoom(alice, bob, Now)->id;
        QVERIFY(db->directRoom(carol, carol, Now).ok());
        for (int i = 0; i < 7; ++i)
            QVERIFY(db->appendMessage(general, i % 2 ? alice : bob, QStringLiteral("général %1 ✓").arg(i),
                          QStringLiteral("g%1").arg(i), Now + i)
                        .ok());
        QStringList imported;
        for (int i = 0; i < 252; ++i) // more than one multi-row INSERT holds
            imported.append(QStringLiteral("imported %1").arg(i));
        QVERIFY(db->importMessages(random, bob, imported, Now).ok()); // client_id NULL
        auto psst = db->appendMessage(direct, alice, QStringLiteral("psst"), QStringLiteral("d1"), Now);
        QVERIFY(psst.ok());
        QVERIFY(db->addReaction(direct, psst->message.id, bob, QStringLiteral("🤫"), 20)->changed);
        // A file sent on a message (with a thumbnail's bytes) and an upload still under way.
        FileRecord file;
        file.attachment = Attachment { QStringLiteral("0123456789abcdef0123456789abcdef"), QStringLiteral("a.png"),
            2048, QStringLiteral("image/png"), QString(64, u'a'), 64, 32,
            Thumbnail { QStringLiteral("image/png"), 64, 32, QByteArray("\x89PNG\r\n\x1a\n\0\xff", 10) } };
        file.uploaderId = alice;
        file.roomId = direct;
        file.uploadId = QStringLiteral("fedcba9876543210fedcba9876543210");
        file.createdAt = Now;
        QVERIFY(db->finishUpload(file).ok());
        QVERIFY(db->appendMessage(direct, alice, QString(), QStringLiteral("d2"), Now, {}, 0, { file.attachment.id })
                    ->message.attachments.size()
            == 1);
        QVERIFY(db->reserveUpload({ QStringLiteral("00000000000000000000000000000001"), bob, general,
                                      QStringLiteral("b.bin"), 5000, QString(64, u'b'), Now },
                      0, 0)
                    .ok());
        QVERIFY(db->markRead(general, carol, 3).ok());
        QVERIFY(db->removeMember(random, bob).ok()); // a room whose messages outlive its members
        QVERIFY(db->recordAdminEvent(adminevent::UserDisabled, carol, Now).ok());
        QVERIFY(db->recordAdminEvent(adminevent::PasswordChanged, alice, Now + 1).ok());
    }

    void compareEveryTable()
    {
        auto source = open(m_source);
        auto target = open(m_target);
        for (const DatabaseCopy::Table& table : DatabaseCopy::tables()) {
            const QSqlRecord record = target->connection().record(table.name);
            QStringList columns;
            for (int i = 0; i < record.count(); ++i)
                columns.append(record.fieldName(i));
            const QList<QStringList> expected = rowsOf(*source, table, columns);
            QVERIFY2(!expected.isEmpty(), qPrintable(table.name + QStringLiteral(" has no rows to copy")));
            QCOMPARE(rowsOf(*target, table, columns), expected);
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_postgres.initialize(), qPrintable(m_postgres.errorString()));
        m_source.path = sourcePath();
        m_target = StoreTestDatabase::configFor(m_postgres); // the CLI reads the password from the file
        QFile ini(configPath());
        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.write(StoreTestDatabase::iniSection(m_target));
        ini.close();
        fillSource();
    }

    void everyRowIsCopiedAsItWas()
    {
        QCOMPARE(copy(sourcePath()), exitcode::Ok);
        QVERIFY2(!m_out.contains(m_postgres.password()), "the password was printed");
        for (const DatabaseCopy::Table& table : DatabaseCopy::tables())
            QVERIFY2(m_out.contains(QStringLiteral("%1: ").arg(table.name)), qPrintable(m_out)); // progress
        compareEveryTable();
        auto target = open(m_target);
        QVERIFY(rowsOf(*target, { QStringLiteral("messages"), QStringLiteral("id") }, { QStringLiteral("client_id") })
                    .contains(QStringList { QStringLiteral("<null>") }));
        QCOMPARE(*target->integrityCheck(), QStringList());
        // The target's search index was built from the copied messages.
        SearchRequest request;
        request.userId = (*target->userByName(QStringLiteral("alice")))->id;
        request.query = search::parseQuery(QStringLiteral("general 3"));
        auto found = target->searchMessages(request);
        QVERIFY(found.ok());
        QCOMPARE(found->hits.size(), 1);
        QCOMPARE(found->hits.first().message.body, QStringLiteral("général 3 ✓"));
    }

    void theCopyContinuesSeqsAndIds()
    {
        auto target = open(m_target);
        const auto general = target->groupRoomByName(QStringLiteral("general"));
        QVERIFY(general.ok() && general->has_value());
        const qint64 alice = (*target->userByName(QStringLiteral("alice")))->id;
        auto sent = target->appendMessage(
            (*general)->id, alice, QStringLiteral("after the move"), QStringLiteral("after-1"), Now + 100);
        QVERIFY2(sent.ok(), sent.ok() ? "" : qPrintable(sent.error().message));
        QCOMPARE(sent->message.seq, 8); // seven were copied
        QCOMPARE(sent->message.id, 262); // 261 messages were copied
        auto dave = target->createUser(QStringLiteral("dave"), QStringLiteral("$argon2id$d"), Now);
        QVERIFY2(dave.ok(), dave.ok() ? "" : qPrintable(dave.error().message));
        QCOMPARE(dave->id, 4);
        auto room = target->createGroupRoom(QStringLiteral("new"), dave->id, Now);
        QVERIFY2(room.ok(), room.ok() ? "" : qPrintable(room.error().message));
        QCOMPARE(room->id, 5); // after two group rooms and two direct ones
        QCOMPARE((*target->membershipsOf(dave->id)).size(), 1);
    }

    void aTargetThatHoldsRowsIsRefused()
    {
        QCOMPARE(copy(sourcePath()), exitcode::Failure);
        QVERIFY2(m_err.contains(QLatin1String("not empty")), qPrintable(m_err));
        auto target = open(m_target);
        QCOMPARE(target->allUsers()->size(), 4); // nothing was added
    }

    void aMissingSourceIsRefused()
    {
        QCOMPARE(copy(m_dir.filePath(QStringLiteral("no-such.sqlite3"))), exitcode::Failure);
        QVERIFY2(m_err.contains(QLatin1String("no SQLite database")), qPrintable(m_err));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("no-such.sqlite3"))));
    }

    void smallTransactionsCopyTheSameRows()
    {
        StoreTestDatabase::reset(m_target);
        auto source = open(m_source);
        auto target = open(m_target);
        QVERIFY(source->migrate().ok() && target->migrate().ok());
        DatabaseCopy copy(*source, *target);
        copy.setBatchRows(150); // messages: 100 + 50 rows, then 100 + 11, in two transactions
        QList<qint64> messageProgress;
        auto copied = copy.run([&messageProgress](const QString& table, qint64 rows, bool) {
            if (table == QLatin1String("messages"))
                messageProgress.append(rows);
        });
        QVERIFY2(copied.ok(), copied.ok() ? "" : qPrintable(copied.error().message));
        QCOMPARE(messageProgress, QList<qint64>({ 150, 261 }));
        compareEveryTable();
    }

    void aTableMissingFromTheCopyListStopsTheCopy()
    {
        StoreTestDatabase::reset(m_target);
        {
            auto source = open(m_source);
            QSqlQuery query(source->connection());
            QVERIFY(query.exec(QStringLiteral("CREATE TABLE plugin_notes (id INTEGER PRIMARY KEY, note TEXT)")));
        }
        QCOMPARE(copy(sourcePath()), exitcode::Failure);
        QVERIFY2(m_err.contains(QLatin1String("plugin_notes")), qPrintable(m_err));
        auto target = open(m_target);
        QCOMPARE(target->allUsers()->size(), 0); // checked before anything was copied
    }
};

QTEST_GUILESS_MAIN(DatabaseCopyTest)
#include "tst_databasecopy.moc"
