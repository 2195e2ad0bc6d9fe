// Files over the wire (protocol.md, "Files"): integrity end to end, resuming, limits and quotas, who may download,
// thumbnails (EXIF orientation, animated GIFs, a decompression bomb), sniffed types and sanitised names, and what
// happens to files when their message is deleted.
#include "FileTransfer.h"
#include "FileUploads.h"
#include "Types.h"
#include "Fixtures.h"
#include "core/ChatServer.h"
#include "files/FileReclaimer.h"

#include <QBuffer>
#include <QDirIterator>
#include <QFile>
#include <QImage>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using namespace chat;
using namespace chat::test;
namespace key = protocol::key;
namespace method = protocol::method;

namespace {

constexpr qint64 MaxFileBytes = 4 * 1024 * 1024;
constexpr qint64 UserQuotaBytes = 6 * 1024 * 1024;

QByteArray randomBytes(qint64 size, quint32 seed)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator generator(seed);
    generator.fillRange(reinterpret_cast<quint32*>(bytes.data()), size / 4);
    return bytes;
}

QByteArray encoded(const QImage& image, const char* format)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format);
    return bytes;
}

quint32 crc32(const QByteArray& data)
{
    quint32 crc = 0xffffffffu;
    for (char c : data) {
        crc ^= quint8(c);
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

// A real 1×1 PNG whose header claims 100000 × 100000 pixels (40 GB decoded): a decompression bomb.
QByteArray pngBomb()
{
    QByteArray png = encoded(QImage(1, 1, QImage::Format_RGB32), "PNG");
    auto put32 = [&png](int at, quint32 value) {
        for (int i = 0; i < 4; ++i)
            png[at + i] = char((value >> (24 - 8 * i)) & 0xff);
    };
    put32(16, 100000);
    put32(20, 100000);
    put32(29, crc32(png.mid(12, 17))); // IHDR's type and data
    return png;
}

// A JPEG 200 × 100 as stored, with EXIF orientation 6 (rotate 90° clockwise to show): shown 100 × 200.
QByteArray jpegRotatedByExif()
{
    QImage image(200, 100, QImage::Format_RGB32);
    image.fill(Qt::red);
    const QByteArray jpeg = encoded(image, "JPEG");
    const QByteArray tiff = QByteArray::fromHex("4d4d002a00000008" // big-endian TIFF, IFD at 8
                                                "0001" // one entry
                                                "011200030000000100060000" // orientation, SHORT, 1, value 6
                                                "00000000"); // no next IFD
    QByteArray app1 = QByteArray("Exif\0\0", 6) + tiff;
    const int length = int(app1.size()) + 2;
    QByteArray segment = QByteArray::fromHex("ffe1");
    segment.append(char(length >> 8)).append(char(length & 0xff)).append(app1);
    return jpeg.left(2) + segment + jpeg.mid(2);
}

// Two 1 × 1 frames, black then white.
QByteArray animatedGif()
{
    return QByteArray::fromHex("474946383961"
                               "01000100"
                               "800000"
                               "000000ffffff"
                               "21f904000a000000"
                               "2c0000000001000100"
                               "0002024401"
                               "00"
                               "21f904000a000000"
                               "2c0000000001000100"
                               "0002024c01"
                               "00"
                               "3b");
}

QJsonObject fileOf(const Reply& reply)
{
    return reply.result.value(key::File).toObject();
}

} // namespace

class FilesTest : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestClient> m_alice;
    std::unique_ptr<TestClient> m_bob;
    std::unique_ptr<TestClient> m_carol; // not in the team room
    qint64 m_team = 0;
    int m_sent = 0;

    Reply send(TestClient& client, const QString& body, const QStringList& attachments, qint64 room = 0,
        const QString& clientId = {})
    {
        return client.call(method::MessagesSend,
            { { key::RoomId, room ? room : m_team }, { key::Body, body },
                { key::ClientId, clientId.isEmpty() ? QStringLiteral("c%1").arg(++m_sent) : clientId },
                { key::Attachments, QJsonArray::fromStringList(attachments) } });
    }

    int blobCount() const
    {
        int count = 0;
        QDirIterator it(m_server->folder() + QStringLiteral("/files/blobs"), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            it.next();
            ++count;
        }
        return count;
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<TestServer>([](server::ServerConfig& config) {
            config.limits.maxFileBytes = MaxFileBytes;
            config.limits.userQuotaBytes = UserQuotaBytes;
            config.limits.fileChunkBytes = 64 * 1024;
            config.limits.fileWindowBytes = 256 * 1024;
        });
        QVERIFY2(m_server->start(), qPrintable(m_server->lastError()));
        m_alice = signedUpClient(*m_server, QStringLiteral("alice"));
        m_bob = signedUpClient(*m_server, QStringLiteral("bob"));
        m_carol = signedUpClient(*m_server, QStringLiteral("carol"));
        QVERIFY(m_alice && m_bob && m_carol);
        const Reply team = m_alice->call(method::RoomsCreate, { { key::Name, QStringLiteral("team") } });
        QVERIFY(team.ok());
        m_team = roomIdOf(team);
        QVERIFY(m_bob->call(method::RoomsJoin, { { key::RoomId, m_team } }).ok());
        m_alice->clearNotifications();
        m_bob->clearNotifications();
    }

    void cleanup()
    {
        m_alice.reset();
        m_bob.reset();
        m_carol.reset();
        m_server.reset();
    }

    void helloAnnouncesFiles()
    {
        QVERIFY(m_alice->hello().value(key::Features).toArray().contains(QString(protocol::feature::Files)));
        const QJsonObject limits = m_alice->hello().value(key::Limits).toObject();
        QCOMPARE(limits.value(QStringLiteral("max_file_bytes")).toInteger(), MaxFileBytes);
        QCOMPARE(limits.value(QStringLiteral("file_chunk_bytes")).toInteger(), 64 * 1024);
    }

    void fileArrivesIntactAtTheOtherMember()
    {
        const QByteArray content = randomBytes(3 * 1024 * 1024 + 12345, 1); // not a whole number of chunks
        const Reply finished = uploadFile(*m_alice, m_team, QStringLiteral("build.log"), content);
        QVERIFY2(finished.ok(), qPrintable(finished.reason()));
        const QJsonObject file = fileOf(finished);
        QCOMPARE(file.value(key::Size).toInteger(), content.size());
        QCOMPARE(file.value(key::Sha256).toString(), sha256Hex(content));
        QCOMPARE(file.value(key::Type).toString(), QStringLiteral("application/octet-stream"));
        QVERIFY(files::isId(file.value(key::Id).toString()));

        const Reply sent = send(*m_alice, QStringLiteral("the log"), { file.value(key::Id).toString() });
        QVERIFY2(sent.ok(), qPrintable(sent.reason()));
        const auto arrived = m_bob->waitForNotification(protocol::notification::MessageNew);
        QVERIFY(arrived);
        const Message message = Message::fromJson(arrived->value(key::MessageObj).toObject());
        QCOMPARE(message.body, QStringLiteral("the log"));
        QCOMPARE(message.attachments.size(), 1);
        QCOMPARE(message.attachments.first().sha256, sha256Hex(content));
        QCOMPARE(message.attachments.first().name, QStringLiteral("build.log"));

        Reply download;
        const QByteArray received = downloadFile(*m_bob, message.attachments.first().id, &download);
        QVERIFY2(download.ok(), qPrintable(download.reason()));
        QCOMPARE(received.size(), content.size());
        QCOMPARE(sha256Hex(received), sha256Hex(content));

        // History and a resumed download carry the same.
        const Reply history = m_bob->call(method::MessagesHistory, { { key::RoomId, m_team } });
        const QJsonArray messages = history.result.value(key::Messages).toArray();
        QCOMPARE(Message::fromJson(messages.last().toObject()).attachments, message.attachments);
        const QByteArray tail = downloadFile(*m_bob, message.attachments.first().id, nullptr, 1000000);
        QCOMPARE(tail, content.mid(1000000));
    }

    void captionIsOptional()
    {
        const Reply finished = uploadFile(*m_alice, m_team, QStringLiteral("a.bin"), randomBytes(1000, 2));
        QVERIFY(finished.ok());
        const Reply sent = send(*m_alice, QString(), { fileOf(finished).value(key::Id).toString() });
        QVERIFY2(sent.ok(), qPrintable(sent.reason()));
        QCOMPARE(sent.result.value(key::MessageObj).toObject().value(key::Body).toString(), QString());
        // Without files, an empty body is still refused.
        QCOMPARE(m_alice
                     ->call(method::MessagesSend,
                         { { key::RoomId, m_team }, { key::Body, QString() }, { key::ClientId, QStringLiteral("e") } })
                     .reason(),
            QString(reason::InvalidParams));
    }

    void uploadResumesAfterTheConnectionDrops()
    {
        const QByteArray content = randomBytes(2 * 1024 * 1024, 3);
        const Reply started = uploadFile(*m_alice, m_team, QStringLiteral("big.iso"), content, 1024 * 1024);
        QVERIFY(started.ok());
        const QString uploadId = started.result.value(key::UploadId).toString();
        m_alice->abort();

        auto again = std::make_unique<TestClient>();
        QVERIFY(again->connectTo(m_server->url()));
        QVERIFY(again->login(QStringLiteral("alice")).ok());
        const Reply resumed = again->call(method::FilesUpload,
            { { key::RoomId, m_team }, { key::Name, QStringLiteral("big.iso") }, { key::Size, content.size() },
                { key::Sha256, sha256Hex(content) } });
        QVERIFY(resumed.ok());
        QCOMPARE(resumed.result.value(key::UploadId).toString(), uploadId);
        const qint64 offset = resumed.result.value(key::Offset).toInteger();
        QVERIFY2(offset >= 1024 * 1024 - 256 * 1024 && offset <= 1024 * 1024, qPrintable(QString::number(offset)));
        QVERIFY(sendChunks(*again, uploadId, content, offset, content.size(), 64 * 1024, 256 * 1024));
        const Reply finished = again->call(method::FilesFinish, { { key::UploadId, uploadId } });
        QVERIFY2(finished.ok(), qPrintable(finished.reason()));
        QCOMPARE(fileOf(finished).value(key::Sha256).toString(), sha256Hex(content));
        QVERIFY(send(*again, QStringLiteral("iso"), { fileOf(finished).value(key::Id).toString() }).ok());
        QCOMPARE(sha256Hex(downloadFile(*m_bob, fileOf(finished).value(key::Id).toString())), sha256Hex(content));
        // Finishing again answers with the same file.
        QCOMPARE(fileOf(again->call(method::FilesFinish, { { key::UploadId, uploadId } })), fileOf(finished));
    }

    void uploadSurvivesAServerRestart()
    {
        const QByteArray content = randomBytes(1024 * 1024, 4);
        const Reply started = uploadFile(*m_alice, m_team, QStringLiteral("r.bin"), content, 512 * 1024);
        QVERIFY(started.ok());
        m_alice.reset();
        QVERIFY(m_server->restart());
        auto again = std::make_unique<TestClient>();
        QVERIFY(again->connectTo(m_server->url()));
        QVERIFY(again->login(QStringLiteral("alice")).ok());
        const Reply finished = uploadFile(*again, m_team, QStringLiteral("r.bin"), content);
        QVERIFY2(finished.ok(), qPrintable(finished.reason()));
        QCOMPARE(fileOf(finished).value(key::Sha256).toString(), sha256Hex(content));
    }

    void chunkAtAWrongOffsetIsAnsweredWithTheRealOne()
    {
        const QByteArray content = randomBytes(300 * 1024, 5);
        const Reply started = uploadFile(*m_alice, m_team, QStringLiteral("w.bin"), content, 64 * 1024);
        QVERIFY(started.ok());
        const QString uploadId = started.result.value(key::UploadId).toString();
        m_alice->sendRawBinary(files::encodeChunk(
            files::ChunkKind::Upload, uploadId, 200 * 1024, QByteArrayView(content).sliced(200 * 1024, 10)));
        const auto progress = m_alice->waitForNotification(protocol::notification::FileProgress);
        QVERIFY(progress);
        QCOMPARE(progress->value(key::Received).toInteger(), 64 * 1024);
        QCOMPARE(m_alice->pendingNotifications(QString(protocol::notification::FileProgress)), 0);
    }

    void damagedBytesAreRefusedAndTheUploadStartsAgain()
    {
        QByteArray content = randomBytes(100 * 1024, 6);
        const QString declared = sha256Hex(content);
        const Reply reserved = m_alice->call(method::FilesUpload,
            { { key::RoomId, m_team }, { key::Name, QStringLiteral("d.bin") }, { key::Size, content.size() },
                { key::Sha256, declared } });
        QVERIFY(reserved.ok());
        const QString uploadId = reserved.result.value(key::UploadId).toString();
        QByteArray damaged = content;
        damaged[5000] = char(damaged[5000] ^ 0x20);
        QVERIFY(sendChunks(*m_alice, uploadId, damaged, 0, damaged.size(), 64 * 1024, 256 * 1024));
        const Reply refused = m_alice->call(method::FilesFinish, { { key::UploadId, uploadId } });
        QCOMPARE(refused.reason(), QString(reason::FileRejected));
        QCOMPARE(refused.error->extra.value(key::Cause).toString(), QString(cause::HashMismatch));
        const Reply again = m_alice->call(method::FilesUpload,
            { { key::RoomId, m_team }, { key::Name, QStringLiteral("d.bin") }, { key::Size, content.size() },
                { key::Sha256, declared } });
        QCOMPARE(again.result.value(key::UploadId).toString(), uploadId);
        QCOMPARE(again.result.value(key::Offset).toInteger(), 0);
        QVERIFY(sendChunks(*m_alice, uploadId, content, 0, content.size(), 64 * 1024, 256 * 1024));
        QVERIFY(m_alice->call(method::FilesFinish, { { key::UploadId, uploadId } }).ok());
    }

    void limitsAndQuotasRefuseBeforeAnyByte()
    {
        auto reserve = [this](qint64 size, quint32 seed) {
            return m_alice->call(method::FilesUpload,
                { { key::RoomId, m_team }, { key::Name, QStringLiteral("q.bin") }, { key::Size, size },
                    { key::Sha256, sha256Hex(randomBytes(16, seed)) } });
        };
        const Reply tooLarge = reserve(MaxFileBytes + 1, 1);
        QCOMPARE(tooLarge.reason(), QString(reason::TooLarge));
        QCOMPARE(tooLarge.error->extra.value(key::MaxBytes).toInteger(), MaxFileBytes);
        QVERIFY(reserve(MaxFileBytes, 2).ok()); // unfinished uploads count at full size
        const Reply overQuota = reserve(UserQuotaBytes - MaxFileBytes + 1, 3);
        QCOMPARE(overQuota.reason(), QString(reason::QuotaExceeded));
        QCOMPARE(overQuota.error->extra.value(key::Scope).toString(), QStringLiteral("user"));
        QCOMPARE(overQuota.error->extra.value(key::UsedBytes).toInteger(), MaxFileBytes);
        QCOMPARE(overQuota.error->extra.value(key::QuotaBytes).toInteger(), UserQuotaBytes);
        QVERIFY(reserve(UserQuotaBytes - MaxFileBytes, 4).ok()); // exactly up to the quota
        // Bob's quota is his own.
        QVERIFY(m_bob
                    ->call(method::FilesUpload,
                        { { key::RoomId, m_team }, { key::Name, QStringLiteral("b.bin") }, { key::Size, 1000 },
                            { key::Sha256, sha256Hex(randomBytes(16, 5)) } })
                    .ok());
    }

    void serverQuotaCountsEveryone()
    {
        m_server->config().limits.totalQuotaBytes = 3 * 1024 * 1024;
        QVERIFY(m_server->restart());
        auto alice = std::make_unique<TestClient>();
        QVERIFY(alice->connectTo(m_server->url()) && alice->login(QStringLiteral("alice")).ok());
        auto bob = std::make_unique<TestClient>();
        QVERIFY(bob->connectTo(m_server->url()) && bob->login(QStringLiteral("bob")).ok());
        QVERIFY(uploadFile(*alice, m_team, QStringLiteral("a"), randomBytes(2 * 1024 * 1024, 7)).ok());
        const Reply refused = bob->call(method::FilesUpload,
            { { key::RoomId, m_team }, { key::Name, QStringLiteral("b") }, { key::Size, 2 * 1024 * 1024 },
                { key::Sha256, sha256Hex(randomBytes(16, 8)) } });
        QCOMPARE(refused.reason(), QString(reason::QuotaExceeded));
        QCOMPARE(refused.error->extra.value(key::Scope).toString(), QStringLiteral("server"));
    }

    void onlyMembersGetTheBytes()
    {
        const QByteArray content = randomBytes(50000, 9);
        const Reply finished = uploadFile(*m_alice, m_team, QStringLiteral("secret.pdf"), content);
        QVERIFY(finished.ok());
        const QString fileId = fileOf(finished).value(key::Id).toString();

        // Not sent yet: only its uploader may fetch it.
        Reply early;
        QVERIFY(downloadFile(*m_bob, fileId, &early).isEmpty());
        QCOMPARE(early.reason(), QString(reason::NotFound));
        QCOMPARE(downloadFile(*m_alice, fileId), content);

        QVERIFY(send(*m_alice, QStringLiteral("here"), { fileId }).ok());
        Reply carols;
        QVERIFY(downloadFile(*m_carol, fileId, &carols).isEmpty());
        QCOMPARE(carols.reason(), QString(reason::NotFound));
        Reply unknown;
        downloadFile(*m_carol, QStringLiteral("0123456789abcdef0123456789abcdef"), &unknown);
        QCOMPARE(unknown.error->message, carols.error->message); // the same answer: nothing to learn by probing
        QCOMPARE(m_carol->pendingBinary(), 0);

        // Carol cannot upload into the room, finish or feed Alice's upload, or attach Alice's files.
        QCOMPARE(m_carol
                     ->call(method::FilesUpload,
                         { { key::RoomId, m_team }, { key::Name, QStringLiteral("x") }, { key::Size, 10 },
                             { key::Sha256, sha256Hex("0123456789") } })
                     .reason(),
            QString(reason::Forbidden));
        const Reply pending = uploadFile(*m_alice, m_team, QStringLiteral("p.bin"), randomBytes(70000, 10), 0);
        const QString uploadId = pending.result.value(key::UploadId).toString();
        m_carol->sendRawBinary(files::encodeChunk(files::ChunkKind::Upload, uploadId, 0, QByteArray(100, 'x')));
        QCOMPARE(m_carol->waitForAnyError().reason(), QString(reason::InvalidRequest));
        QCOMPARE(m_carol->call(method::FilesFinish, { { key::UploadId, uploadId } }).reason(),
            QString(reason::NotFound));
        QCOMPARE(send(*m_bob, QStringLiteral("mine"), { fileId }).reason(), QString(reason::InvalidParams));

        // Leaving the room ends access.
        QVERIFY(m_bob->call(method::RoomsLeave, { { key::RoomId, m_team } }).ok());
        Reply left;
        downloadFile(*m_bob, fileId, &left);
        QCOMPARE(left.reason(), QString(reason::NotFound));
    }

    void attachingTwiceIsRefusedButResendingIsTheSameMessage()
    {
        const Reply finished = uploadFile(*m_alice, m_team, QStringLiteral("once.txt"), QByteArray("hello\n"));
        const QString fileId = fileOf(finished).value(key::Id).toString();
        const Reply first = send(*m_alice, QStringLiteral("one"), { fileId }, 0, QStringLiteral("same"));
        QVERIFY(first.ok());
        const Reply resent = send(*m_alice, QStringLiteral("one"), { fileId }, 0, QStringLiteral("same"));
        QVERIFY(resent.ok());
        QCOMPARE(resent.result, first.result);
        QCOMPARE(send(*m_alice, QStringLiteral("two"), { fileId }).reason(), QString(reason::InvalidParams));
    }

    void imagesGetSizeAndThumbnail_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QSize>("size");
        QTest::addColumn<QSize>("thumbnailSize");
        QTest::addColumn<QString>("thumbnailType");
        QImage wide(1000, 500, QImage::Format_RGB32);
        wide.fill(Qt::blue);
        QImage transparent(64, 48, QImage::Format_ARGB32);
        transparent.fill(Qt::transparent);
        QTest::newRow("png") << encoded(wide, "PNG") << "image/png" << QSize(1000, 500) << QSize(320, 160)
                             << "image/jpeg";
        QTest::newRow("transparent png") << encoded(transparent, "PNG") << "image/png" << QSize(64, 48) << QSize(64, 48)
                                         << "image/png";
        QTest::newRow("jpeg with EXIF orientation")
            << jpegRotatedByExif() << "image/jpeg" << QSize(100, 200) << QSize(100, 200) << "image/jpeg";
        QTest::newRow("animated gif") << animatedGif() << "image/gif" << QSize(1, 1) << QSize(1, 1) << "image/jpeg";
    }

    void imagesGetSizeAndThumbnail()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, type);
        QFETCH(QSize, size);
        QFETCH(QSize, thumbnailSize);
        QFETCH(QString, thumbnailType);
        const Reply finished = uploadFile(*m_alice, m_team, QStringLiteral("image"), content);
        QVERIFY2(finished.ok(), qPrintable(finished.reason()));
        const Attachment file = Attachment::fromJson(fileOf(finished));
        QCOMPARE(file.type, type);
        QCOMPARE(QSize(file.width, file.height), size);
        QCOMPARE(QSize(file.thumbnail.width, file.thumbnail.height), thumbnailSize);
        QCOMPARE(file.thumbnail.type, thumbnailType);
        const QImage thumbnail = QImage::fromData(file.thumbnail.data);
        QCOMPARE(thumbnail.size(), thumbnailSize);
        if (type == QLatin1String("image/gif"))
            QVERIFY2(qGray(thumbnail.pixel(0, 0)) < 40, "the first frame is black"); // the second is white
        if (type == QLatin1String("image/jpeg"))
            QVERIFY(qRed(thumbnail.pixel(50, 150)) > 200); // the rotated image is red all over
    }

    void decompressionBombIsRefused()
    {
        const QByteArray bomb = pngBomb();
        QVERIFY(bomb.size() < 200);
        const Reply refused = uploadFile(*m_alice, m_team, QStringLiteral("bomb.png"), bomb);
        QCOMPARE(refused.reason(), QString(reason::FileRejected));
        QCOMPARE(refused.error->extra.value(key::Cause).toString(), QString(cause::ImageTooLarge));
        QCOMPARE(refused.error->extra.value(key::MaxPixels).toInteger(), m_server->config().limits.maxImagePixels);
        // The upload is gone, so it does not count against the quota either.
        QCOMPARE(blobCount(), 0);
    }

    void damagedImageIsRefused()
    {
        QImage image(300, 300, QImage::Format_RGB32);
        image.fill(Qt::green);
        const QByteArray png = encoded(image, "PNG");
        const Reply refused = uploadFile(*m_alice, m_team, QStringLiteral("cut.png"), png.left(60));
        QCOMPARE(refused.reason(), QString(reason::FileRejected));
        QCOMPARE(refused.error->extra.value(key::Cause).toString(), QString(cause::ImageUnreadable));
    }

    void typeIsSniffedAndNameSanitised()
    {
        const Reply script = uploadFile(
            *m_alice, m_team, QStringLiteral("../../etc/cron.d/evil.png"), QByteArray("#!/bin/sh\nrm -rf ~\n"));
        QVERIFY2(script.ok(), qPrintable(script.reason()));
        const Attachment file = Attachment::fromJson(fileOf(script));
        QCOMPARE(file.name, QStringLiteral("evil.png"));
        QVERIFY2(file.type != QLatin1String("image/png"), qPrintable(file.type));
        QVERIFY(!file.isImage());
        QVERIFY(file.thumbnail.isNull());

        QImage image(10, 10, QImage::Format_RGB32);
        image.fill(Qt::black);
        const Reply disguised = uploadFile(*m_alice, m_team, QStringLiteral("..\\notes.txt"), encoded(image, "PNG"));
        QCOMPARE(fileOf(disguised).value(key::Type).toString(), QStringLiteral("image/png"));
        QCOMPARE(fileOf(disguised).value(key::Name).toString(), QStringLiteral("notes.txt"));
        // Nothing of it escaped the files folder.
        QVERIFY(!QFile::exists(m_server->folder() + QStringLiteral("/../etc")));
    }

    void deletedMessagesTakeTheirFilesAlong()
    {
        const QByteArray content = randomBytes(10000, 11);
        const Reply finished = uploadFile(*m_alice, m_team, QStringLiteral("gone.bin"), content);
        const QString fileId = fileOf(finished).value(key::Id).toString();
        const Reply sent = send(*m_alice, QStringLiteral("soon gone"), { fileId });
        const qint64 messageId = sent.result.value(key::MessageObj).toObject().value(key::Id).toInteger();
        // The same content sent again is stored once.
        const Reply twin = uploadFile(*m_alice, m_team, QStringLiteral("twin.bin"), content);
        QVERIFY(twin.ok());
        QVERIFY(send(*m_alice, QStringLiteral("twin"), { fileOf(twin).value(key::Id).toString() }).ok());
        QCOMPARE(blobCount(), 1);

        const Reply deleted = m_alice->call(method::MessagesDelete, { { key::MessageId, messageId } });
        QVERIFY(deleted.ok());
        QVERIFY(!deleted.result.value(key::MessageObj).toObject().contains(key::Attachments));
        Reply refused;
        downloadFile(*m_bob, fileId, &refused);
        QCOMPARE(refused.reason(), QString(reason::NotFound));
        QCOMPARE(downloadFile(*m_bob, fileOf(twin).value(key::Id).toString()), content);

        // The bytes stay while the twin needs them; once it goes too, the reclaimer frees them.
        server::FileReclaimer* reclaimer = &m_server->server()->fileReclaimer();
        auto ageBlobs = [this] {
            QDirIterator it(
                m_server->folder() + QStringLiteral("/files/blobs"), QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                QFile blob(it.next());
                QVERIFY(blob.open(QIODevice::ReadWrite));
                QVERIFY(
                    blob.setFileTime(QDateTime::currentDateTimeUtc().addDays(-1), QFileDevice::FileModificationTime));
            }
        };
        ageBlobs();
        QSignalSpy reclaimed(reclaimer, &server::FileReclaimer::reclaimed);
        reclaimer->reclaimNow();
        QVERIFY(reclaimed.wait());
        QCOMPARE(reclaimed.first().first().toInt(), 0);
        QCOMPARE(blobCount(), 1);

        const qint64 twinId = m_alice->call(method::MessagesHistory, { { key::RoomId, m_team } })
                                  .result.value(key::Messages)
                                  .toArray()
                                  .last()
                                  .toObject()
                                  .value(key::Id)
                                  .toInteger();
        QVERIFY(m_alice->call(method::MessagesDelete, { { key::MessageId, twinId } }).ok());
        reclaimer->reclaimNow();
        QVERIFY(reclaimed.wait());
        QCOMPARE(reclaimed.last().first().toInt(), 1);
        QCOMPARE(blobCount(), 0);
    }

    void binaryFramesThatAreNotChunksAreRefused()
    {
        m_alice->sendRawBinary(QByteArray("\x07hello", 6));
        QCOMPARE(m_alice->waitForAnyError().reason(), QString(reason::InvalidRequest));
        m_alice->sendRawBinary(QByteArray(64 * 1024 + files::ChunkHeaderBytes + 1, '\x01'));
        QCOMPARE(m_alice->waitForAnyError().reason(), QString(reason::TooLarge));
        QVERIFY(m_alice->call(method::UsersList).ok()); // the connection stays open
    }
};

QTEST_GUILESS_MAIN(FilesTest)
#include "tst_files.moc"
