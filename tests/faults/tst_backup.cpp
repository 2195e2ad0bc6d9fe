#include "FileUploads.h"
#include "RoomHistory.h"
#include "Sender.h"
#include "ServerUnderTest.h"
#include "StoreAudit.h"
#include "TestClient.h"

#include "Protocol.h"

#include <QDir>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using namespace chat;
using namespace chat::test;
namespace key = protocol::key;
namespace method = protocol::method;

// `chat-server db backup FILE` while clients chat: the copy is consistent, a server starts on it, and it
// holds every message acknowledged before the backup began, and the files of its messages (FILE.files).
class BackupTest : public QObject {
    Q_OBJECT

private:
    static constexpr int SenderCount = 3;

    QTemporaryDir m_dir;

    static QString limits() { return QStringLiteral("[limits]\nmessages_per_second=100000\nmessage_burst=100000\n"); }

private Q_SLOTS:
    void backupWhileClientsChatHoldsEveryAcknowledgedMessage()
    {
        const QString live = QDir(m_dir.path()).filePath(QStringLiteral("live"));
        const QString restored = QDir(m_dir.path()).filePath(QStringLiteral("restored"));
        QVERIFY(QDir().mkpath(live) && QDir().mkpath(restored));
        const QString backupFile = QDir(restored).filePath(QStringLiteral("chat-backup.sqlite3"));

        ServerUnderTest server(live);
        QVERIFY(server.writeConfig(QStringLiteral("chat.sqlite3"), limits()));
        QVERIFY2(server.start(), qPrintable(server.standardError()));
        std::vector<SendLedger> ledgers(SenderCount);
        qint64 roomId = 0;
        QByteArray fileContent(300 * 1000, Qt::Uninitialized);
        for (qsizetype i = 0; i < fileContent.size(); ++i)
            fileContent[i] = char((i * 7919) >> 3);
        QString fileId;
        for (int i = 0; i < SenderCount; ++i) {
            TestClient client;
            QVERIFY(client.connectTo(server.url()));
            QVERIFY(client.signup(QStringLiteral("chatter%1").arg(i)).ok());
            roomId = firstRoomId(client);
            ledgers[i].name = QStringLiteral("chatter%1").arg(i);
            ledgers[i].token = client.token();
            ledgers[i].userId = client.userId();
            ledgers[i].rooms = { roomId };
            if (i == 0) {
                const Reply uploaded = uploadFile(client, roomId, QStringLiteral("notes.bin"), fileContent);
                QVERIFY2(uploaded.ok(), qPrintable(uploaded.reason()));
                fileId = uploaded.result.value(key::File).toObject().value(key::Id).toString();
                QVERIFY(client
                            .call(method::MessagesSend,
                                { { key::RoomId, roomId }, { key::Body, QStringLiteral("notes") },
                                    { key::ClientId, QStringLiteral("with-file") },
                                    { key::Attachments, QJsonArray { fileId } } })
                            .ok());
            }
        }

        int acked = 0;
        std::vector<std::unique_ptr<Sender>> senders;
        for (SendLedger& ledger : ledgers) {
            senders.push_back(std::make_unique<Sender>(ledger, 8));
            connect(senders.back().get(), &Sender::acknowledged, this, [&acked] { ++acked; });
            senders.back()->start(server.url());
        }
        QVERIFY(QTest::qWaitFor([&] { return acked >= 600; }, 60000));

        // Everything acknowledged up to here was committed before the backup's snapshot.
        std::vector<QHash<QString, SendLedger::Acked>> ackedBefore;
        for (const SendLedger& ledger : ledgers)
            ackedBefore.push_back(ledger.acked);
        const int ackedAtStart = acked;
        QProcess backup;
        backup.start(QStringLiteral(CHAT_SERVER_BINARY),
            { QStringLiteral("--config"), server.configPath(), QStringLiteral("db"), QStringLiteral("backup"),
                backupFile });
        // The senders go on while it runs: waiting on the process here would stop them.
        QVERIFY(QTest::qWaitFor([&] { return backup.state() == QProcess::NotRunning; }, 120000));
        const QString backupOutput = QString::fromUtf8(backup.readAllStandardOutput() + backup.readAllStandardError());
        QCOMPARE(backup.exitStatus(), QProcess::NormalExit);
        QVERIFY2(backup.exitCode() == 0, qPrintable(backupOutput));
        QVERIFY2(backupOutput.contains(QLatin1String("backed up")), qPrintable(backupOutput));
        const int ackedDuringBackup = acked - ackedAtStart;
        // The server keeps serving after it.
        QVERIFY(QTest::qWaitFor([&] { return acked >= ackedAtStart + ackedDuringBackup + 100; }, 60000));
        for (auto& sender : senders)
            sender->stop();
        senders.clear();
        QCOMPARE(server.terminate(), 0);
        for (const SendLedger& ledger : ledgers)
            QVERIFY2(ledger.errors.isEmpty(), qPrintable(ledger.errors.join(u'\n')));

        StoreAudit audit(backupFile);
        QVERIFY2(audit.run(), qPrintable(audit.problems().join(u'\n')));

        // Restore: a server on the copy, and every message acknowledged before the backup, over the wire.
        ServerUnderTest restoredServer(restored);
        QVERIFY(restoredServer.writeConfig(
            backupFile, limits() + QStringLiteral("[files]\npath=%1.files\n").arg(backupFile)));
        QVERIFY2(restoredServer.start(), qPrintable(restoredServer.standardError()));
        int verified = 0;
        for (int i = 0; i < SenderCount; ++i) {
            TestClient client;
            QVERIFY(client.connectTo(restoredServer.url()));
            QVERIFY(client.call(method::AuthResume, { { key::Token, ledgers[i].token } }).ok());
            QHash<QString, QJsonObject> stored;
            const QList<QJsonObject> history = wholeRoomHistory(client, roomId);
            QVERIFY(!history.isEmpty());
            for (const QJsonObject& message : history) {
                if (message.value(key::SenderId).toInteger() == ledgers[i].userId)
                    stored.insert(message.value(key::ClientId).toString(), message);
            }
            if (i == 0)
                QCOMPARE(sha256Hex(downloadFile(client, fileId)), sha256Hex(fileContent));
            for (auto expected = ackedBefore[i].cbegin(); expected != ackedBefore[i].cend(); ++expected) {
                QVERIFY2(stored.contains(expected.key()), qPrintable(expected.key() + QStringLiteral(" is missing")));
                QCOMPARE(stored.value(expected.key()).value(key::Seq).toInteger(), expected->seq);
                QCOMPARE(stored.value(expected.key()).value(key::Body).toString(), expected->body);
                ++verified;
            }
        }
        QCOMPARE(restoredServer.terminate(), 0);
        qInfo("backup: %d messages acknowledged before it began, all in the restored copy (%lld messages); "
              "%d more acknowledged while it ran",
            verified, audit.messageCount(), ackedDuringBackup);
    }

    void backupNeverOverwritesAFile()
    {
        ServerUnderTest server(m_dir.path());
        QVERIFY(server.writeConfig(QStringLiteral("chat.sqlite3")));
        QVERIFY(server.runAdmin({ QStringLiteral("db"), QStringLiteral("migrate") }).exitCode == 0);
        const QString existing = m_dir.filePath(QStringLiteral("precious.txt"));
        QFile file(existing);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("keep me");
        file.close();
        const ServerUnderTest::AdminRun run
            = server.runAdmin({ QStringLiteral("db"), QStringLiteral("backup"), existing });
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QLatin1String("exists already")), qPrintable(run.err));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("keep me"));
        // No partial copy is left behind either.
        const QStringList left
            = QDir(m_dir.path()).entryList({ QStringLiteral("*.partial") }, QDir::Files | QDir::Hidden);
        QVERIFY2(left.isEmpty(), qPrintable(left.join(u' ')));
    }

    void postgresBackupIsPgDumpsJob()
    {
        QTemporaryDir dir;
        ServerUnderTest server(dir.path());
        QVERIFY(server.writeConfig(QStringLiteral("unused"),
            QStringLiteral("driver=postgres\nhost=127.0.0.1\nport=5432\nname=chat\nuser=chat\n")));
        const ServerUnderTest::AdminRun run = server.runAdmin(
            { QStringLiteral("db"), QStringLiteral("backup"), dir.filePath(QStringLiteral("chat.dump")) });
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QLatin1String("pg_dump")), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(BackupTest)
#include "tst_backup.moc"
