// Files and images (issue 14) in the real widgets, offscreen, against an in-process chat-server: attaching by the paper
// clip, by pasting an image and by dropping files, each arriving at the other member; an upload that survives a dropped
// connection; downloads into a folder under a safe name that never overwrites; the image viewer; refusals up front and
// from the server in words.
#include "AttachmentCards.h"
#include "AttachmentPreview.h"
#include "AttachmentSender.h"
#include "ChatPane.h"
#include "ChatSession.h"
#include "Composer.h"
#include "FileTransfers.h"
#include "FileUploads.h"
#include "Fixtures.h"
#include "GuiHarness.h"
#include "ImageViewer.h"
#include "MainWindow.h"
#include "MessageDelegate.h"
#include "MessageModel.h"
#include "PeopleDock.h"
#include "RoomsModel.h"
#include "SafeFileName.h"
#include "TestServer.h"
#include "TransferList.h"
#include "TransferRow.h"
#include "Translations.h"

#include <QApplication>
#include <QBuffer>
#include <QClipboard>
#include <QCryptographicHash>
#include <QDialogButtonBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMimeData>
#include <QMovie>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace chat;
using namespace chat::client;
using namespace chat::test;

namespace {
namespace key = protocol::key;

QByteArray randomBytes(qint64 size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator generator(42);
    for (qint64 i = 0; i < size; ++i)
        bytes[i] = char(generator.bounded(256));
    return bytes;
}

QString writeFile(const QTemporaryDir& folder, const QString& name, const QByteArray& bytes)
{
    const QString path = QDir(folder.path()).filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return path;
}

QByteArray contentsOf(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QImage sampleImage(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(QColor(0x35, 0x84, 0xe4));
    QPainter painter(&image);
    painter.fillRect(QRect(width / 4, height / 4, width / 2, height / 2), QColor(0x2e, 0xc2, 0x7e));
    return image;
}

// The attachments of the next message.new the wire client sees; empty when none came.
QJsonArray nextAttachments(TestClient& client, QJsonObject* message = nullptr)
{
    const auto note = client.waitForNotification(protocol::notification::MessageNew, 20000);
    if (!note)
        return {};
    const QJsonObject received = note->value(key::Message).toObject();
    if (message)
        *message = received;
    return received.value(key::Attachments).toArray();
}

// Uploads `bytes` as `name` into `roomId` over the wire, as a script would, and posts it; the attachment, or empty.
QJsonObject postOnTheWire(TestClient& client, qint64 roomId, const QString& name, const QByteArray& bytes)
{
    const Reply finished = uploadFile(client, roomId, name, bytes);
    if (!finished.ok())
        return {};
    const QJsonObject file = finished.result.value(key::File).toObject();
    static int sent = 0;
    const Reply posted = client.call(protocol::method::MessagesSend,
        params::Send {
            roomId, QString(), QStringLiteral("wire-file-%1").arg(++sent), 0, { file.value(key::Id).toString() } }
            .toJson());
    return posted.ok() ? file : QJsonObject();
}

// An animated GIF of two 1 × 1 frames, written out by hand (Qt reads GIF but does not write it).
QByteArray twoFrameGif()
{
    const QByteArray frame = QByteArray::fromHex("21f904000a000000"
                                                 "2c0000000001000100"
                                                 "00"
                                                 "0202440100");
    return QByteArray::fromHex("474946383961"
                               "0100010080"
                               "0000"
                               "000000ffffff")
        + QByteArray::fromHex("21ff0b") + QByteArray("NETSCAPE2.0") + QByteArray::fromHex("0301000000") + frame + frame
        + QByteArray::fromHex("3b");
}

QModelIndex rowWithAttachments(const ChatPane* pane)
{
    for (int row = pane->model()->rowCount() - 1; row >= 0; --row) {
        const QModelIndex index = pane->model()->index(row);
        if (index.data(MessageModel::AttachmentsRole).isValid())
            return index;
    }
    return {};
}

void clickAttachment(ChatPane* pane, const QModelIndex& index, int attachment)
{
    pane->view()->scrollTo(index);
    const QRect rect
        = pane->delegate()->attachmentRect(MessageDelegate::optionFor(pane->view(), index), index, attachment);
    QVERIFY(!rect.isEmpty());
    QTest::mouseClick(pane->view()->viewport(), Qt::LeftButton, {}, rect.center());
}

void sendPreview(AttachmentPreview* preview, const QString& caption)
{
    QVERIFY(preview);
    QTRY_VERIFY(preview->isVisible());
    QTest::keyClicks(preview->captionEdit(), caption);
    QPushButton* send = nullptr;
    for (QAbstractButton* button : preview->buttons()->buttons()) {
        if (preview->buttons()->buttonRole(button) == QDialogButtonBox::AcceptRole)
            send = qobject_cast<QPushButton*>(button);
    }
    QVERIFY(send && send->isEnabled());
    QTest::mouseClick(send, Qt::LeftButton);
}
} // namespace

class FilesGuiTest : public QObject {
    Q_OBJECT
    QTemporaryDir m_settingsDir;
    QTemporaryDir m_files;
    std::unique_ptr<Translations> m_translations;

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestClient> m_bob;
    std::unique_ptr<AppController> m_app;

    // alice in the app, bob on the wire, their direct room open in alice's window; null if that failed.
    ChatPane* openAliceWithBob(const std::function<void(server::ServerConfig&)>& tweak = {})
    {
        return test::openAliceWithBob(m_server, m_bob, m_app, tweak);
    }

    // bob posts the image in the direct room; alice clicks it in her timeline. The viewer once it loaded, or null.
    ImageViewer* viewImageFromBob(const QString& name, const QByteArray& bytes, QJsonObject* posted)
    {
        ChatPane* pane = openAliceWithBob();
        if (!pane)
            return nullptr;
        *posted = postOnTheWire(*m_bob, directRoomOfBob(), name, bytes);
        if (posted->isEmpty() || !QTest::qWaitFor([&] { return rowWithAttachments(pane).isValid(); }))
            return nullptr;
        clickAttachment(pane, rowWithAttachments(pane), 0);
        ImageViewer* viewer = pane->findChild<ImageViewer*>();
        return viewer && QTest::qWaitFor([&] { return viewer->isVisible() && viewer->isLoaded(); }) ? viewer : nullptr;
    }

    qint64 directRoomOfBob()
    {
        const Reply room
            = m_bob->call(protocol::method::RoomsDirect, params::Direct { m_app->session()->me() }.toJson());
        return room.result.value(key::Room).toObject().value(key::Id).toInteger();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_settingsDir.isValid());
        QVERIFY(m_files.isValid());
        useSettingsIn(m_settingsDir, QStringLiteral("gui_files"));
        m_translations = std::make_unique<Translations>(QLocale(QLocale::English));
    }

    void init()
    {
        QSettings().clear();
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)).removeRecursively();
    }

    void cleanup()
    {
        m_app.reset();
        m_bob.reset();
        m_server.reset();
    }

    void savedNamesAreCleanedAndNeverReserved_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("saved");
        QTest::newRow("a path up and out") << "../../evil.sh"
                                           << "evil.sh";
        QTest::newRow("a Windows path") << "C:\\Windows\\system.ini"
                                        << "system.ini";
        QTest::newRow("hidden") << ".bashrc"
                                << "bashrc";
        QTest::newRow("dots only") << ".."
                                   << "file";
        QTest::newRow("a device") << "CON"
                                  << "_CON";
        QTest::newRow("a device with an extension") << "nul.txt"
                                                    << "_nul.txt";
        QTest::newRow("a serial port") << "com1.log"
                                       << "_com1.log";
        QTest::newRow("not a device") << "console.txt"
                                      << "console.txt";
        QTest::newRow("forbidden characters") << "a<b>c:d|e?.txt"
                                              << "abcde.txt";
    }

    void savedNamesAreCleanedAndNeverReserved()
    {
        QFETCH(QString, name);
        QFETCH(QString, saved);
        QCOMPARE(SafeFileName::clean(name), saved);
    }

    void aTakenNameGetsANumberInsteadOfOverwriting()
    {
        QTemporaryDir folder;
        QVERIFY(!writeFile(folder, QStringLiteral("report.pdf"), "old").isEmpty());
        QVERIFY(!writeFile(folder, QStringLiteral("report (1).pdf"), "older").isEmpty());
        QCOMPARE(QFileInfo(SafeFileName::uniquePathIn(QDir(folder.path()), QStringLiteral("report.pdf"))).fileName(),
            QStringLiteral("report (2).pdf"));
        QCOMPARE(QFileInfo(SafeFileName::uniquePathIn(QDir(folder.path()), QStringLiteral("notes"))).fileName(),
            QStringLiteral("notes"));
    }

    void thePaperClipAttachesAFileThatReachesTheOtherMember()
    {
        ChatPane* pane = openAliceWithBob();
        QVERIFY(pane);
        const QByteArray bytes = randomBytes(700 * 1024); // several chunks
        const QString path = writeFile(m_files, QStringLiteral("notes.txt"), bytes);
        QVERIFY(!path.isEmpty());
        pane->attachmentSender()->setFilePicker([path](QWidget*) { return QStringList { path }; });
        QTRY_VERIFY(pane->attachButton()->isVisible());
        QTest::mouseClick(pane->attachButton(), Qt::LeftButton);
        AttachmentPreview* preview = pane->attachmentSender()->preview();
        QVERIFY(preview);
        QCOMPARE(preview->acceptedFiles(), QStringList { path });
        sendPreview(preview, QStringLiteral("the notes"));
        if (QTest::currentTestFailed())
            return;

        QJsonObject message;
        const QJsonArray attachments = nextAttachments(*m_bob, &message);
        QCOMPARE(attachments.size(), 1);
        const Attachment file = Attachment::fromJson(attachments.at(0).toObject());
        QCOMPARE(file.name, QStringLiteral("notes.txt"));
        QCOMPARE(file.size, bytes.size());
        QCOMPARE(file.sha256, sha256Hex(bytes));
        QCOMPARE(message.value(key::Body).toString(), QStringLiteral("the notes"));
        // Alice's own timeline shows it as a card, and the progress row is gone.
        QTRY_VERIFY(rowWithAttachments(pane).isValid());
        QTRY_VERIFY(!pane->transferList()->isVisible());
    }

    void aPastedImageIsSentAsAScreenshotPng()
    {
        ChatPane* pane = openAliceWithBob();
        QVERIFY(pane);
        QApplication::clipboard()->setImage(sampleImage(640, 400));
        pane->composer()->setFocus();
        QTest::keyClick(pane->composer(), Qt::Key_V, Qt::ControlModifier);
        AttachmentPreview* preview = pane->attachmentSender()->preview();
        QVERIFY(preview);
        QCOMPARE(preview->acceptedFiles().size(), 1);
        const QString name = QFileInfo(preview->acceptedFiles().first()).fileName();
        QVERIFY2(QRegularExpression(QStringLiteral("^Screenshot \\d{4}-\\d\\d-\\d\\d \\d\\d\\.\\d\\d\\.\\d\\d\\.png$"))
                     .match(name)
                     .hasMatch(),
            qPrintable(name));
        QVERIFY(pane->composer()->toPlainText().isEmpty()); // nothing was pasted as text
        sendPreview(preview, QString());
        if (QTest::currentTestFailed())
            return;

        QJsonObject message;
        const QJsonArray attachments = nextAttachments(*m_bob, &message);
        QCOMPARE(attachments.size(), 1);
        const Attachment image = Attachment::fromJson(attachments.at(0).toObject());
        QCOMPARE(image.name, name);
        QCOMPARE(image.type, QStringLiteral("image/png"));
        QCOMPARE(image.width, 640);
        QCOMPARE(image.height, 400);
        QVERIFY(!image.thumbnail.isNull());
        QCOMPARE(message.value(key::Body).toString(), QString()); // no caption: only the image

        // Inline in alice's timeline at most 320 px wide, with its aspect.
        QTRY_VERIFY(rowWithAttachments(pane).isValid());
        const QModelIndex row = rowWithAttachments(pane);
        const QRect shown = pane->delegate()->attachmentRect(MessageDelegate::optionFor(pane->view(), row), row, 0);
        QCOMPARE(shown.width(), 320);
        QCOMPARE(shown.height(), 200);
    }

    void droppedFilesGoInOneMessageInTheirOrder()
    {
        ChatPane* pane = openAliceWithBob();
        QVERIFY(pane);
        const QString first = writeFile(m_files, QStringLiteral("first.bin"), randomBytes(1000));
        const QString second = writeFile(m_files, QStringLiteral("second.csv"), "a,b\n1,2\n");
        QMimeData mime;
        mime.setUrls({ QUrl::fromLocalFile(first), QUrl::fromLocalFile(second) });
        const QPoint centre = pane->rect().center();
        QDragEnterEvent enter(centre, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(pane, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(centre), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(pane, &drop);
        QVERIFY(drop.isAccepted());
        AttachmentPreview* preview = pane->attachmentSender()->preview();
        QVERIFY(preview);
        QCOMPARE(preview->acceptedFiles(), (QStringList { first, second }));
        sendPreview(preview, QStringLiteral("both"));
        if (QTest::currentTestFailed())
            return;

        const QJsonArray attachments = nextAttachments(*m_bob);
        QCOMPARE(attachments.size(), 2);
        QCOMPARE(attachments.at(0).toObject().value(key::Name).toString(), QStringLiteral("first.bin"));
        QCOMPARE(attachments.at(1).toObject().value(key::Name).toString(), QStringLiteral("second.csv"));
        QCOMPARE(attachments.at(1).toObject().value(key::Sha256).toString(), sha256Hex("a,b\n1,2\n"));
    }

    void aFileOverTheServersLimitIsRefusedBeforeSending()
    {
        ChatPane* pane = openAliceWithBob([](server::ServerConfig& config) { config.limits.maxFileBytes = 4096; });
        QVERIFY(pane);
        QCOMPARE(m_app->session()->limits().maxFileBytes, qint64(4096));
        const QString big = writeFile(m_files, QStringLiteral("big.bin"), randomBytes(5000));
        pane->attachmentSender()->attach({ big });
        AttachmentPreview* preview = pane->attachmentSender()->preview();
        QVERIFY(preview);
        QVERIFY(preview->acceptedFiles().isEmpty());
        QVERIFY(preview->problemsLabel()->isVisibleTo(preview));
        QVERIFY2(preview->problemsLabel()->text().contains(QStringLiteral("takes files up to 4 kB")),
            qPrintable(preview->problemsLabel()->text()));
        for (QAbstractButton* button : preview->buttons()->buttons()) {
            if (preview->buttons()->buttonRole(button) == QDialogButtonBox::AcceptRole)
                QVERIFY(!button->isEnabled());
        }
        preview->reject();
        QVERIFY(m_app->session()->files()->uploadsIn(pane->roomId()).isEmpty());
    }

    void aRefusedUploadSaysWhyAndCanBeRetried()
    {
        ChatPane* pane = openAliceWithBob([](server::ServerConfig& config) { config.limits.userQuotaBytes = 2000; });
        QVERIFY(pane);
        const QString path = writeFile(m_files, QStringLiteral("over-quota.bin"), randomBytes(3000));
        m_app->session()->files()->sendFiles(pane->roomId(), { path }, QString());
        QTRY_COMPARE(m_app->session()->files()->uploadsIn(pane->roomId()).size(), 1);
        FileUpload* upload = m_app->session()->files()->uploadsIn(pane->roomId()).first();
        QTRY_COMPARE(upload->state(), FileUpload::State::Failed);
        QCOMPARE(upload->error().reason, QString(reason::QuotaExceeded));
        TransferRow* row = pane->transferList()->rowOf(upload);
        QVERIFY(row);
        QTRY_VERIFY(pane->transferList()->isVisible());
        QVERIFY2(row->statusLabel()->text().contains(QStringLiteral("quota")), qPrintable(row->statusLabel()->text()));
        QCOMPARE(row->primaryButton()->text(), QStringLiteral("Retry"));
        QVERIFY(row->primaryButton()->isVisible());

        QSignalSpy tried(upload, &FileUpload::stateChanged);
        QTest::mouseClick(row->primaryButton(), Qt::LeftButton);
        QTRY_VERIFY(tried.count() >= 2); // asked again, and refused again: the quota did not change
        QTRY_COMPARE(upload->state(), FileUpload::State::Failed);
        QTest::mouseClick(row->secondaryButton(), Qt::LeftButton); // Dismiss
        QTRY_VERIFY(!pane->transferList()->isVisible());
    }

    void anUploadSurvivesADroppedConnectionAndArrivesWhole()
    {
        ChatPane* pane = openAliceWithBob();
        QVERIFY(pane);
        const QByteArray bytes = randomBytes(3 * 1024 * 1024 + 123);
        const QString path = writeFile(m_files, QStringLiteral("big-upload.bin"), bytes);
        FileTransfers* files = m_app->session()->files();
        QObject scope; // the connections below capture this test's locals: they end with it
        QList<qint64> startedAt; // `received` each time the upload (re)started sending
        bool dropped = false;
        connect(files, &FileTransfers::uploadAdded, &scope, [&](FileUpload* upload) {
            connect(upload, &FileUpload::stateChanged, &scope, [&, upload](FileUpload::State state) {
                if (state == FileUpload::State::Sending)
                    startedAt.append(upload->received());
            });
            connect(upload, &FileUpload::progressChanged, &scope, [&](qint64 received, qint64) {
                if (!dropped && received > 0) {
                    dropped = true; // midway: the first chunk is in, the rest is not
                    m_app->connection()->dropConnection();
                }
            });
        });
        files->sendFiles(pane->roomId(), { path }, QStringLiteral("after a hiccup"));

        QJsonObject message;
        const QJsonArray attachments = nextAttachments(*m_bob, &message);
        QVERIFY(dropped);
        QCOMPARE(attachments.size(), 1);
        QCOMPARE(attachments.at(0).toObject().value(key::Sha256).toString(), sha256Hex(bytes));
        QCOMPARE(attachments.at(0).toObject().value(key::Size).toInteger(), bytes.size());
        QCOMPARE(message.value(key::Body).toString(), QStringLiteral("after a hiccup"));
        QVERIFY2(startedAt.size() >= 2, "the upload did not start again after the reconnect");
        QVERIFY2(startedAt.last() > 0, "the upload started over instead of resuming");
    }

    void aCancelledUploadIsDiscardedAndPostsNothing()
    {
        ChatPane* pane = openAliceWithBob();
        QVERIFY(pane);
        const QString path = writeFile(m_files, QStringLiteral("second-thoughts.bin"), randomBytes(2 * 1024 * 1024));
        FileTransfers* files = m_app->session()->files();
        QString uploadId;
        QObject scope; // the connections below capture this test's locals: they end with it
        connect(files, &FileTransfers::uploadAdded, &scope, [&](FileUpload* upload) {
            connect(upload, &FileUpload::progressChanged, &scope, [&, upload](qint64 received, qint64) {
                if (received == 0 || !uploadId.isEmpty())
                    return;
                uploadId = upload->uploadId(); // midway: Cancel, as the row's button does
                TransferRow* row = pane->transferList()->rowOf(upload);
                QVERIFY(row && row->primaryButton()->text() == QStringLiteral("Cancel"));
                row->primaryButton()->click();
            });
        });
        files->sendFiles(pane->roomId(), { path }, QStringLiteral("never mind"));
        QTRY_VERIFY(!uploadId.isEmpty());
        QTRY_VERIFY(files->uploadsIn(pane->roomId()).isEmpty());
        QTRY_VERIFY(!pane->transferList()->isVisible());
        // The server discarded it: finishing it now (as alice, whose upload it was) finds no such upload.
        std::optional<RpcResult> finish;
        m_app->connection()->call(protocol::method::FilesFinish, params::UploadRef { uploadId }.toJson(), this,
            [&](const RpcResult& result) { finish = result; });
        QTRY_VERIFY(finish.has_value());
        QCOMPARE(finish->reason(), QString(reason::NotFound));
        // The next message bob gets is the one typed after: nothing was posted for the cancelled file.
        QTest::keyClicks(pane->composer(), QStringLiteral("sent instead"));
        QTest::keyClick(pane->composer(), Qt::Key_Return);
        QJsonObject message;
        QVERIFY(nextAttachments(*m_bob, &message).isEmpty());
        QCOMPARE(message.value(key::Body).toString(), QStringLiteral("sent instead"));
    }

    void attachmentsComeWithHistoryAsWellAsLive()
    {
        ChatPane* pane = openAliceWithBob();
        QVERIFY(pane);
        const Reply rooms = m_bob->call(protocol::method::RoomsList);
        const qint64 general = rooms.result.value(key::Rooms).toArray().at(0).toObject().value(key::Id).toInteger();
        QVERIFY(general > 0);
        const QJsonObject posted = postOnTheWire(*m_bob, general, QStringLiteral("agenda.txt"), "1. files\n");
        QVERIFY(!posted.isEmpty());
        PeopleDock* dock = m_app->mainWindow()->dock();
        QTRY_VERIFY(dock->indexOfRoom(general).isValid());
        clickRow(dock->roomsView(), dock->indexOfRoom(general));
        QTRY_VERIFY(pane->roomId() == general && pane->model()->timeline()->isLoaded());
        QTRY_VERIFY(rowWithAttachments(pane).isValid()); // from messages.history, not message.new
        const auto attachments
            = rowWithAttachments(pane).data(MessageModel::AttachmentsRole).value<QList<Attachment>>();
        QCOMPARE(attachments.size(), 1);
        QCOMPARE(attachments.first().id, posted.value(key::Id).toString());
        QCOMPARE(attachments.first().name, QStringLiteral("agenda.txt"));
        QVERIFY(rowWithAttachments(pane).data(MessageModel::BodyRole).toString().isEmpty());
    }

    void aDownloadSurvivesADroppedConnectionAndIsChecked()
    {
        ChatPane* pane = openAliceWithBob();
        QVERIFY(pane);
        QTemporaryDir downloads;
        m_app->session()->files()->setDownloadFolder(downloads.path());
        const QByteArray bytes = randomBytes(3 * 1024 * 1024 + 7);
        const QJsonObject posted = postOnTheWire(*m_bob, directRoomOfBob(), QStringLiteral("dataset.bin"), bytes);
        QVERIFY(!posted.isEmpty());
        QTRY_VERIFY(rowWithAttachments(pane).isValid());

        bool dropped = false;
        bool wentBack = false;
        qint64 droppedAt = 0;
        int requests = 0;
        QObject scope; // the connections below capture this test's locals: they end with it
        connect(m_app->session()->files(), &FileTransfers::downloadAdded, &scope, [&](FileDownload* download) {
            connect(download, &FileDownload::stateChanged, &scope,
                [&](FileDownload::State state) { requests += state == FileDownload::State::Receiving ? 1 : 0; });
            connect(download, &FileDownload::progressChanged, &scope, [&](qint64 written, qint64) {
                wentBack = wentBack || (dropped && written < droppedAt);
                if (!dropped && written > 0) {
                    dropped = true;
                    droppedAt = written;
                    m_app->connection()->dropConnection();
                }
            });
        });
        clickAttachment(pane, rowWithAttachments(pane), 0);
        if (QTest::currentTestFailed())
            return;
        FileDownload* download = m_app->session()->files()->downloadOf(posted.value(key::Id).toString());
        QVERIFY(download);
        QTRY_COMPARE_WITH_TIMEOUT(download->state(), FileDownload::State::Done, 20000);
        QVERIFY(dropped);
        QVERIFY(droppedAt < bytes.size());
        QVERIFY2(requests >= 2, "the download was not asked for again after the reconnect");
        QVERIFY2(!wentBack, "the download started over instead of going on from what it had written");
        QCOMPARE(contentsOf(download->path()), bytes);
        QCOMPARE(QFileInfo(download->path()).fileName(), QStringLiteral("dataset.bin"));
    }

    void aDownloadWithAHostileNameLandsSafelyInTheFolder()
    {
        ChatPane* pane = openAliceWithBob();
        QVERIFY(pane);
        QTemporaryDir downloads;
        m_app->session()->files()->setDownloadFolder(downloads.path());
        QVERIFY(!writeFile(downloads, QStringLiteral("evil.sh"), "mine").isEmpty()); // never overwritten
        const QByteArray bytes = "#!/bin/sh\necho gotcha\n";
        const QJsonObject posted = postOnTheWire(*m_bob, directRoomOfBob(), QStringLiteral("../../evil.sh"), bytes);
        QVERIFY(!posted.isEmpty());

        QTRY_VERIFY(rowWithAttachments(pane).isValid());
        clickAttachment(pane, rowWithAttachments(pane), 0);
        if (QTest::currentTestFailed())
            return;
        FileDownload* download = m_app->session()->files()->downloadOf(posted.value(key::Id).toString());
        QVERIFY(download);
        QTRY_COMPARE(download->state(), FileDownload::State::Done);
        QCOMPARE(QFileInfo(download->path()).absolutePath(), QFileInfo(downloads.path()).absoluteFilePath());
        QCOMPARE(QFileInfo(download->path()).fileName(), QStringLiteral("evil (1).sh"));
        QCOMPARE(contentsOf(download->path()), bytes);
        QCOMPARE(contentsOf(QDir(downloads.path()).filePath(QStringLiteral("evil.sh"))), QByteArray("mine"));
        QVERIFY(!(QFileInfo(download->path()).permissions() & QFileDevice::ExeUser)); // nothing made runnable
        QCOMPARE(QDir(downloads.path()).entryList(QDir::Files | QDir::Hidden).size(), 2); // no partial file left
        // Outside the folder, nothing: the name's "../.." went nowhere.
        QVERIFY(!QFileInfo::exists(QDir(downloads.path()).filePath(QStringLiteral("../../evil.sh"))));
        TransferRow* row = pane->transferList()->rowOf(download);
        QVERIFY(row);
        QCOMPARE(row->primaryButton()->text(), QStringLiteral("Show in folder"));
    }

    void someoneOutsideTheRoomCannotDownloadItsFiles()
    {
        ChatPane* pane = openAliceWithBob();
        QVERIFY(pane);
        auto carol = signedUpClient(*m_server, QStringLiteral("carol"));
        QVERIFY(carol);
        const Reply room = carol->call(protocol::method::RoomsDirect, params::Direct { m_bob->userId() }.toJson());
        QVERIFY(room.ok());
        const qint64 bobAndCarol = room.result.value(key::Room).toObject().value(key::Id).toInteger();
        const QJsonObject posted = postOnTheWire(*m_bob, bobAndCarol, QStringLiteral("private.txt"), "between us");
        QVERIFY(!posted.isEmpty());

        QTemporaryDir downloads;
        m_app->session()->files()->setDownloadFolder(downloads.path());
        FileDownload* download = m_app->session()->files()->download(Attachment::fromJson(posted));
        QTRY_COMPARE(download->state(), FileDownload::State::Failed);
        QCOMPARE(download->error().reason, QString(reason::NotFound));
        QVERIFY(QDir(downloads.path()).entryList(QDir::Files | QDir::Hidden).isEmpty());
    }

    void anInlineImageOpensInAViewerThatLoadsFitsAndSaves()
    {
        QByteArray png;
        {
            QBuffer buffer(&png);
            buffer.open(QIODevice::WriteOnly);
            QVERIFY(sampleImage(1600, 1000).save(&buffer, "PNG"));
        }
        QJsonObject posted;
        ImageViewer* viewer = viewImageFromBob(QStringLiteral("wide.png"), png, &posted);
        QVERIFY(viewer);
        QVERIFY(viewer->isFitted());
        QVERIFY(viewer->imageLabel()->pixmap().width() < 1600); // fitted into the window
        QTest::mouseClick(viewer->actualSizeButton(), Qt::LeftButton);
        QCOMPARE(viewer->imageLabel()->pixmap().size(), QSize(1600, 1000));
        QTest::mouseClick(viewer->fitButton(), Qt::LeftButton);
        QVERIFY(viewer->imageLabel()->pixmap().width() < 1600);

        QTemporaryDir saved;
        const QString target = QDir(saved.path()).filePath(QStringLiteral("copy.png"));
        viewer->setSavePicker([target](QWidget*, const QString& suggested) {
            return suggested == QLatin1String("wide.png") ? target : QString();
        });
        QTest::mouseClick(viewer->saveButton(), Qt::LeftButton);
        QCOMPARE(contentsOf(target), png);
        QVERIFY(!viewer->isAnimated());
        viewer->close();
    }

    void anAnimatedGifPlaysInTheViewer()
    {
        QJsonObject posted;
        ImageViewer* viewer = viewImageFromBob(QStringLiteral("blink.gif"), twoFrameGif(), &posted);
        QVERIFY(viewer);
        QCOMPARE(posted.value(key::Type).toString(), QStringLiteral("image/gif"));
        QVERIFY(viewer->isAnimated());
        QVERIFY(viewer->imageLabel()->movie());
        QTRY_VERIFY(viewer->imageLabel()->movie()->state() == QMovie::Running);
        viewer->close();
    }
};

QTEST_MAIN(FilesGuiTest)
#include "tst_files_gui.moc"
