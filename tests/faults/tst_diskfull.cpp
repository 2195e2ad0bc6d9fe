#include "FileUploads.h"
#include "RoomHistory.h"
#include "ServerUnderTest.h"
#include "SmallVolume.h"
#include "StoreAudit.h"
#include "TestClient.h"

#include "FileTransfer.h"
#include "Protocol.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace chat;
using namespace chat::test;
namespace key = protocol::key;
namespace method = protocol::method;

// The database on a real, small file system that fills up: sends fail with `unavailable` and data.cause
// `storage_full`, the log says the disk is full and where, nothing acknowledged is lost, and once space is
// freed the same server takes messages again, without a restart.
class DiskFullTest : public QObject {
    Q_OBJECT
public:
    explicit DiskFullTest(const QString& namespaceError)
        : m_namespaceError(namespaceError)
    {
    }

private:
    QString m_namespaceError;
    QTemporaryDir m_dir;

    static Reply send(TestClient& client, qint64 roomId, const QString& clientId)
    {
        const QString body = QStringLiteral("body of ") + clientId;
        return client.call(
            method::MessagesSend, { { key::RoomId, roomId }, { key::Body, body }, { key::ClientId, clientId } });
    }

    static bool isStorageFull(const Reply& reply)
    {
        return reply.answered && reply.error && reply.error->code == errc::Unavailable
            && reply.error->reason == reason::Unavailable
            && reply.error->extra.value(key::Cause).toString() == cause::StorageFull;
    }

private Q_SLOTS:
    void sendsFailClearlyWhileTheDiskIsFullAndResumeWhenSpaceReturns()
    {
        QVERIFY2(m_namespaceError.isEmpty(), qPrintable(m_namespaceError));
        SmallVolume volume(8);
        QVERIFY2(volume.isMounted(), qPrintable(volume.errorString()));
        const QString database = QDir(volume.path()).filePath(QStringLiteral("chat.sqlite3"));

        ServerUnderTest server(m_dir.path());
        QVERIFY(server.writeConfig(
            database, QStringLiteral("[limits]\nmessages_per_second=100000\nmessage_burst=100000\n")));
        QVERIFY2(server.start(), qPrintable(server.standardError()));
        TestClient alice;
        QVERIFY(alice.connectTo(server.url()));
        QVERIFY(alice.signup(QStringLiteral("alice")).ok());
        const qint64 roomId = firstRoomId(alice);

        QSet<QString> acked;
        for (int i = 0; i < 50; ++i) {
            const QString clientId = QStringLiteral("before-%1").arg(i);
            QVERIFY(send(alice, roomId, clientId).ok());
            acked.insert(clientId);
        }

        QVERIFY2(volume.fill(), qPrintable(volume.errorString()));
        QCOMPARE(volume.availableBytes(), 0);
        // The database may still take a few messages in space it holds already; then the disk is full.
        QStringList refused;
        for (int i = 0; i < 20000 && refused.isEmpty(); ++i) {
            const QString clientId = QStringLiteral("filling-%1").arg(i);
            const Reply reply = send(alice, roomId, clientId);
            if (reply.ok())
                acked.insert(clientId);
            else if (isStorageFull(reply))
                refused.append(clientId);
            else
                QFAIL(
                    qPrintable(QStringLiteral("unexpected answer: %1 %2").arg(reply.reason(), server.standardError())));
        }
        QVERIFY2(!refused.isEmpty(), "the database never ran out of space");
        for (int i = 0; i < 3; ++i) {
            const QString clientId = QStringLiteral("while-full-%1").arg(i);
            const Reply reply = send(alice, roomId, clientId);
            QVERIFY2(isStorageFull(reply), qPrintable(reply.reason()));
            QVERIFY(!reply.error->message.isEmpty());
            refused.append(clientId);
        }
        // Signing in writes a session: refused the same way. Reading still works.
        TestClient again;
        QVERIFY(again.connectTo(server.url()));
        QVERIFY(isStorageFull(again.login(QStringLiteral("alice"))));
        QCOMPARE(wholeRoomHistory(alice, roomId).size(), acked.size());
        // One line in the log names the cause and the file.
        QVERIFY2(QTest::qWaitFor([&] { return server.standardError().contains(QLatin1String("is full")); }, 10000),
            qPrintable(server.standardError()));
        QVERIFY2(server.standardError().contains(database), qPrintable(server.standardError()));

        // Space returns: the refused messages go through on the same server, sent again with their client_ids.
        QVERIFY(volume.free());
        for (const QString& clientId : std::as_const(refused)) {
            const Reply reply = send(alice, roomId, clientId);
            QVERIFY2(reply.ok(), qPrintable(reply.reason()));
            acked.insert(clientId);
        }
        QVERIFY(again.login(QStringLiteral("alice")).ok());
        QVERIFY2(QTest::qWaitFor(
                     [&] { return server.standardError().contains(QLatin1String("accepts changes again")); }, 10000),
            qPrintable(server.standardError()));

        // Nothing acknowledged was lost, across a restart too.
        QCOMPARE(server.terminate(), 0);
        QVERIFY2(server.start(), qPrintable(server.standardError()));
        TestClient after;
        QVERIFY(after.connectTo(server.url()));
        QVERIFY(after.call(method::AuthResume, { { key::Token, alice.token() } }).ok());
        QSet<QString> stored;
        for (const QJsonObject& message : wholeRoomHistory(after, roomId))
            stored.insert(message.value(key::ClientId).toString());
        QCOMPARE(stored, acked);
        QCOMPARE(server.terminate(), 0);
        StoreAudit audit(database);
        QVERIFY2(audit.run(), qPrintable(audit.problems().join(u'\n')));
        qInfo("disk full: %lld messages acknowledged and kept, %lld refused while full and accepted after",
            qint64(acked.size()), qint64(refused.size()));
    }

    // The files folder on the small file system: a chunk that does not fit is refused with storage_full, the
    // upload keeps what it had, and it goes on from there once space is back.
    void uploadsStopClearlyWhileTheDiskIsFullAndResumeWhenSpaceReturns()
    {
        QVERIFY2(m_namespaceError.isEmpty(), qPrintable(m_namespaceError));
        SmallVolume volume(8);
        QVERIFY2(volume.isMounted(), qPrintable(volume.errorString()));
        QTemporaryDir folder;
        ServerUnderTest server(folder.path());
        QVERIFY(server.writeConfig(QStringLiteral("chat.sqlite3"),
            QStringLiteral("[files]\npath=%1\n").arg(QDir(volume.path()).filePath(QStringLiteral("files")))));
        QVERIFY2(server.start(), qPrintable(server.standardError()));
        TestClient alice;
        QVERIFY(alice.connectTo(server.url()));
        QVERIFY(alice.signup(QStringLiteral("alice")).ok());
        const qint64 roomId = firstRoomId(alice);

        QByteArray content(3 * 1024 * 1024, Qt::Uninitialized);
        for (qsizetype i = 0; i < content.size(); ++i)
            content[i] = char(i * 2654435761u >> 24);
        const Reply started = uploadFile(alice, roomId, QStringLiteral("big.bin"), content, 1024 * 1024);
        QVERIFY2(started.ok(), qPrintable(started.reason()));
        const QString uploadId = started.result.value(key::UploadId).toString();
        const int chunk = started.result.value(key::ChunkBytes).toInt();
        QVERIFY2(volume.fill(), qPrintable(volume.errorString()));

        alice.sendRawBinary(files::encodeChunk(
            files::ChunkKind::Upload, uploadId, 1024 * 1024, QByteArrayView(content).sliced(1024 * 1024, chunk)));
        const Reply full = alice.waitForAnyError();
        QVERIFY2(isStorageFull(full), qPrintable(full.reason()));
        const auto progress = alice.waitForNotification(protocol::notification::FileProgress);
        QVERIFY(progress);
        QCOMPARE(progress->value(key::Received).toInteger(), 1024 * 1024); // what it had, nothing torn
        QVERIFY2(
            QTest::qWaitFor([&] { return server.standardError().contains(QLatin1String("failed to write")); }, 10000),
            qPrintable(server.standardError()));

        QVERIFY(volume.free());
        QVERIFY(sendChunks(alice, uploadId, content, 1024 * 1024, content.size(), chunk,
            started.result.value(key::WindowBytes).toInt()));
        const Reply finished = alice.call(method::FilesFinish, { { key::UploadId, uploadId } });
        QVERIFY2(finished.ok(), qPrintable(finished.reason()));
        QCOMPARE(finished.result.value(key::File).toObject().value(key::Sha256).toString(), sha256Hex(content));
        QCOMPARE(server.terminate(), 0);
    }
};

int main(int argc, char* argv[])
{
    // Before any thread exists: a mount namespace of this test's own for the small file system.
    const QString namespaceError = chat::test::enterPrivateMountNamespace();
    QCoreApplication app(argc, argv);
    DiskFullTest test(namespaceError);
    return QTest::qExec(&test, argc, argv);
}

#include "tst_diskfull.moc"
