// Screenshots of the real client for docs/screenshots: an in-process chat-server seeded through the wire
// protocol, the app's own widgets, QWidget::grab(). Run under a real display server, e.g.
//   xvfb-run -a -s "-screen 0 1280x800x24" build/tests/gui/client-screenshots docs/screenshots
#include "AppController.h"
#include "AttachmentPreview.h"
#include "AttachmentSender.h"
#include "ChatPane.h"
#include "ChatSession.h"
#include "Composer.h"
#include "CredentialsForm.h"
#include "EmojiPicker.h"
#include "FileTransfers.h"
#include "FileUploads.h"
#include "Fixtures.h"
#include "ImageViewer.h"
#include "LoginDialog.h"
#include "MainWindow.h"
#include "MessageActionBar.h"
#include "MessageDelegate.h"
#include "MessageInteractions.h"
#include "MessageModel.h"
#include "PeopleDock.h"
#include "Preferences.h"
#include "QuickSwitcher.h"
#include "RoomsModel.h"
#include "SearchPanel.h"
#include "SearchResultsModel.h"
#include "SettingsDialog.h"
#include "TestServer.h"
#include "Translations.h"

#include <QAction>
#include <QApplication>
#include <QBuffer>
#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QLinearGradient>
#include <QListView>
#include <QMenu>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace chat;
using namespace chat::client;
using namespace chat::test;

namespace {
bool waitFor(const std::function<bool()>& condition, int timeoutMs = 20000)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QTest::qWait(10);
    }
    return true;
}

qint64 say(TestClient& client, qint64 roomId, const QString& body, qint64 replyTo = 0)
{
    static int n = 0;
    QJsonObject params = params::Send { roomId, body, QStringLiteral("shot-%1").arg(++n) }.toJson();
    if (replyTo)
        params.insert(protocol::key::ReplyTo, replyTo);
    const Reply reply = client.call(protocol::method::MessagesSend, params);
    return reply.result.value(protocol::key::Message).toObject().value(protocol::key::Id).toInteger();
}

void react(TestClient& client, qint64 messageId, const QString& emoji)
{
    client.call(
        protocol::method::ReactionsAdd, { { protocol::key::MessageId, messageId }, { protocol::key::Emoji, emoji } });
}

// A picture worth attaching: a sky, hills and a sun, drawn here so the screenshots need no files.
QImage landscape(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    QLinearGradient sky(0, 0, 0, height);
    sky.setColorAt(0, QColor(0x62, 0xa0, 0xea));
    sky.setColorAt(1, QColor(0xf9, 0xf0, 0x6b));
    painter.fillRect(image.rect(), sky);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0xff, 0xf5, 0xd0));
    painter.drawEllipse(QPointF(width * 0.75, height * 0.3), height * 0.1, height * 0.1);
    const QColor hills[] = { QColor(0x4e, 0x9a, 0x06), QColor(0x26, 0x8a, 0x3c), QColor(0x1b, 0x5e, 0x20) };
    for (int layer = 0; layer < 3; ++layer) {
        QPainterPath path;
        const qreal base = height * (0.6 + 0.12 * layer);
        path.moveTo(0, height);
        path.lineTo(0, base);
        for (int x = 0; x <= width; x += width / 8)
            path.quadTo(x + width / 16.0,
                base - height * (0.12 - 0.03 * layer) * ((x / (width / 8) + layer) % 2 ? 1 : -0.4), x + width / 8.0,
                base);
        path.lineTo(width, height);
        path.closeSubpath();
        painter.setBrush(hills[layer]);
        painter.drawPath(path);
    }
    return image;
}

// Uploads and posts a file as `client` would over the wire; returns false when the server refused it.
bool postFile(TestClient& client, qint64 roomId, const QString& name, const QByteArray& bytes, const QString& caption)
{
    const Reply finished = uploadFile(client, roomId, name, bytes);
    const QString fileId = finished.result.value(protocol::key::File).toObject().value(protocol::key::Id).toString();
    static int n = 0;
    return finished.ok()
        && client
               .call(protocol::method::MessagesSend,
                   params::Send { roomId, caption, QStringLiteral("shot-file-%1").arg(++n), 0, { fileId } }.toJson())
               .ok();
}

// A popup is a window of its own: paint it over the window's grab where it is on the screen.
void saveWithPopup(QWidget* window, QWidget* popup, const QString& folder, const QString& name)
{
    QTest::qWait(150);
    QPixmap shot = window->grab();
    QPainter painter(&shot);
    painter.drawPixmap(window->mapFromGlobal(popup->mapToGlobal(QPoint(0, 0))), popup->grab());
    painter.end();
    const QString path = QDir(folder).filePath(name);
    if (!shot.save(path))
        qFatal("cannot write %s", qPrintable(path));
    qInfo("wrote %s", qPrintable(path));
}

void save(QWidget* widget, const QString& folder, const QString& name)
{
    QTest::qWait(150); // let the last layout and paint settle before grabbing
    const QString path = QDir(folder).filePath(name);
    if (!widget->grab().save(path))
        qFatal("cannot write %s", qPrintable(path));
    qInfo("wrote %s", qPrintable(path));
}
} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QTemporaryDir settingsDir;
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("chat-screenshots"));
    QCoreApplication::setApplicationName(QStringLiteral("chat-client"));
    QSettings().clear();
    const Translations translations(QLocale(QLocale::English)); // as main() installs them: "2 members"
    const QString folder = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral(".");
    QDir().mkpath(folder);

    TestServer server;
    if (!server.start())
        qFatal("server: %s", qPrintable(server.lastError()));
    auto alice = signedUpClient(server, QStringLiteral("alice"));
    auto bob = signedUpClient(server, QStringLiteral("bob"));
    auto carol = signedUpClient(server, QStringLiteral("carol"));
    auto dave = signedUpClient(server, QStringLiteral("dave"));
    auto erin = signedUpClient(server, QStringLiteral("erin"));
    auto frank = signedUpClient(server, QStringLiteral("frank"));
    if (!alice || !bob || !carol || !dave || !erin || !frank)
        qFatal("cannot sign up the cast");
    const qint64 aliceId = alice->userId();
    for (const QString& name : { QStringLiteral("design"), QStringLiteral("release-1.0") }) {
        const qint64 room = roomIdOf(bob->call(protocol::method::RoomsCreate, params::CreateRoom { name }.toJson()));
        alice->call(protocol::method::RoomsJoin, params::RoomRef { room }.toJson());
        say(*bob, room, QStringLiteral("Welcome to #%1").arg(name));
    }
    alice->close();
    frank->close();
    erin->close();
    const qint64 withBob = roomIdOf(bob->call(protocol::method::RoomsDirect, params::Direct { aliceId }.toJson()));
    const qint64 withCarol = roomIdOf(carol->call(protocol::method::RoomsDirect, params::Direct { aliceId }.toJson()));
    say(*bob, withBob, QStringLiteral("Morning! Did the new build make it to staging?"));
    say(*bob, withBob, QStringLiteral("The release notes draft is here: https://wiki.example.org/release-1.0"));

    AppController controller(TokenStore::Backend::Settings);
    controller.start();
    LoginDialog* login = controller.loginDialog();
    login->form()->serverEdit()->setText(server.url().toString());
    login->form()->usernameEdit()->setText(QStringLiteral("alice"));
    login->form()->passwordEdit()->setText(QStringLiteral("correct horse"));
    login->form()->setKeepSignedIn(true);
    waitFor([&] { return login->isVisible(); });
    save(login, folder, QStringLiteral("login.png"));

    QTest::keyClick(login->form()->passwordEdit(), Qt::Key_Return);
    MainWindow* window = controller.mainWindow();
    if (!waitFor([&] { return window->isVisible() && controller.session()->isSynced(); }))
        qFatal("sign-in failed");
    window->resize(1100, 700);
    PeopleDock* dock = window->dock();
    waitFor([&] { return dock->indexOfUser(bob->userId()).isValid(); });
    const QModelIndex bobRow = dock->indexOfUser(bob->userId());
    QTest::mouseClick(
        dock->peopleView()->viewport(), Qt::LeftButton, {}, dock->peopleView()->visualRect(bobRow).center());
    ChatPane* pane = window->chatPane();
    waitFor([&] { return pane->model() && pane->model()->timeline()->isLoaded(); });

    pane->composer()->insertPlainText(QStringLiteral("Yes, it went out at 9:40. Smoke tests are green \u2705"));
    QTest::keyClick(pane->composer(), Qt::Key_Return);
    waitFor([&] { return pane->model()->rowCount() == 3 && pane->model()->timeline()->pendingCount() == 0; });
    say(*bob, withBob,
        QStringLiteral(
            "Great \U0001F389 I'll walk the design review through it at 11.\nCan you bring the crash numbers?"));
    pane->composer()->insertPlainText(QStringLiteral("Sure — down 40% since 0.9. I'll put the graph in #release-1.0."));
    QTest::keyClick(pane->composer(), Qt::Key_Return);
    waitFor([&] { return pane->model()->rowCount() == 5 && pane->model()->timeline()->pendingCount() == 0; });
    say(*carol, withCarol, QStringLiteral("Lunch at 12:30?"));
    say(*carol, withCarol, QStringLiteral("The usual place"));
    bob->notify(protocol::notification::Typing, params::RoomRef { withBob }.toJson());
    QTest::keyClicks(pane->composer(), QStringLiteral("See you there"));
    waitFor([&] { return !pane->typingLabel()->text().isEmpty(); });
    save(window, folder, QStringLiteral("main-window.png"));

    window->toggleDockAction()->trigger();
    waitFor([&] { return !dock->isVisible(); });
    save(window, folder, QStringLiteral("dock-collapsed.png"));

    window->toggleDockAction()->trigger();
    waitFor([&] { return dock->isVisible(); });

    window->quickSwitcher()->start();
    QTest::keyClicks(window->quickSwitcher()->searchEdit(), QStringLiteral("re"));
    save(window->quickSwitcher(), folder, QStringLiteral("quick-switcher.png"));
    window->quickSwitcher()->hide();

    window->settingsAction()->trigger();
    auto* settings = window->findChild<SettingsDialog*>();
    waitFor([&] { return settings && settings->isVisible(); });
    save(settings, folder, QStringLiteral("settings.png"));
    settings->reject();

    Preferences dark = Preferences::load();
    dark.theme = Preferences::Theme::Dark;
    window->applyPreferences(dark);
    save(window, folder, QStringLiteral("main-window-dark.png"));
    dark.theme = Preferences::Theme::System;
    window->applyPreferences(dark);

    // Message actions: reactions, a reply with its quote, an edited message, "Seen by", the hover bar.
    {
        const qint64 greenId = pane->model()->index(2).data(MessageModel::MessageIdRole).toLongLong(); // "Yes, …"
        const qint64 sureId = pane->model()->index(4).data(MessageModel::MessageIdRole).toLongLong(); // "Sure — …"
        react(*bob, greenId, QStringLiteral("🎉"));
        react(*bob, greenId, QStringLiteral("👍"));
        react(*carol, greenId, QStringLiteral("👍"));
        pane->composer()->clear();
        say(*bob, withBob, QStringLiteral("Perfect, thanks! Put it on slide 3 \U0001F64C"), sureId);
        waitFor([&] { return pane->model()->rowCount() == 6; });
        app.processEvents();
        pane->interactions()->react(pane->model()->index(2), QStringLiteral("👍"));
        pane->composer()->insertPlainText(QStringLiteral("Will do. Graph is in the deck now"));
        QTest::keyClick(pane->composer(), Qt::Key_Return);
        waitFor([&] { return pane->model()->rowCount() == 7 && pane->model()->timeline()->pendingCount() == 0; });
        pane->editLastMessage();
        pane->composer()->insertPlainText(QStringLiteral(" (slide 3)"));
        QTest::keyClick(pane->composer(), Qt::Key_Return);
        const qint64 last = pane->model()->index(6).data(MessageModel::SeqRole).toLongLong();
        bob->call(protocol::method::RoomsRead, params::Read { withBob, last }.toJson());
        waitFor([&] {
            return !pane->model()->index(6).data(MessageModel::SeenByRole).toStringList().isEmpty()
                && pane->model()->index(6).data(MessageModel::EditedRole).toBool()
                && !pane->model()->index(2).data(MessageModel::ReactionsRole).toList().isEmpty();
        });
        pane->view()->scrollToBottom();
        waitFor([&] {
            const QScrollBar* bar = pane->view()->verticalScrollBar();
            return bar->value() == bar->maximum();
        });
        const QModelIndex hovered = pane->model()->index(5);
        QTest::mouseMove(pane->view()->viewport(), pane->view()->visualRect(hovered).center());
        waitFor([&] { return pane->interactions()->actionBar()->isVisible(); });
        save(window, folder, QStringLiteral("message-actions.png"));

        QTest::mouseClick(pane->interactions()->actionBar()->button(MessageActionBar::Action::React), Qt::LeftButton);
        waitFor([&] { return pane->interactions()->reactionPicker()->isVisible(); });
        saveWithPopup(window, pane->interactions()->reactionPicker(), folder, QStringLiteral("emoji-picker.png"));
        pane->interactions()->reactionPicker()->hide();

        Preferences darkAgain = Preferences::load();
        darkAgain.theme = Preferences::Theme::Dark;
        window->applyPreferences(darkAgain);
        QTest::mouseMove(pane->view()->viewport(), pane->view()->visualRect(hovered).center());
        save(window, folder, QStringLiteral("message-actions-dark.png"));
        darkAgain.theme = Preferences::Theme::System;
        window->applyPreferences(darkAgain);

        // A mention of alice in a group room, and the dock's per-room notification level with a muted room.
        const qint64 design = dock->roomsView()->model()->index(0, 0).data(RoomsModel::IdRole).toLongLong();
        say(*bob, design, QStringLiteral("@alice can you look at the new onboarding mockups before 3?"));
        say(*carol, design, QStringLiteral("I left some notes on the second screen"));
        QTest::mouseClick(dock->roomsView()->viewport(), Qt::LeftButton, {},
            dock->roomsView()->visualRect(dock->roomsView()->model()->index(0, 0)).center());
        waitFor([&] {
            return pane->roomId() == design && pane->model()->timeline()->isLoaded() && pane->model()->rowCount() >= 3;
        });
        const QModelIndex releaseIndex = dock->roomsView()->model()->index(2, 0); // #design, #general, #release-1.0
        const qint64 release = releaseIndex.data(RoomsModel::IdRole).toLongLong();
        controller.session()->setNotifyLevel(release, QStringLiteral("none"));
        say(*bob, release, QStringLiteral("Tagging 1.0.1 tonight"));
        waitFor([&] { return dock->isMuted(release); });
        QMenu* menu = dock->menuForRoom(release);
        const QRect releaseRow = dock->roomsView()->visualRect(releaseIndex);
        menu->popup(dock->roomsView()->viewport()->mapToGlobal(releaseRow.center()));
        waitFor([&] { return menu->isVisible(); });
        saveWithPopup(window, menu, folder, QStringLiteral("notification-level.png"));
        menu->close();
    }

    // Search (Ctrl+Shift+F): a fragment of a word found in several rooms, the first result opened beside it.
    {
        const qint64 design = dock->roomsView()->model()->index(0, 0).data(RoomsModel::IdRole).toLongLong();
        const qint64 release = dock->roomsView()->model()->index(2, 0).data(RoomsModel::IdRole).toLongLong();
        carol->call(protocol::method::RoomsJoin, params::RoomRef { release }.toJson());
        say(*carol, release, QStringLiteral("Deployment window is 18:00–19:00 UTC, rollback plan in the runbook"));
        dave->call(protocol::method::RoomsJoin, params::RoomRef { design }.toJson());
        say(*dave, design, QStringLiteral("我在北京工作 this week, so the review moves to Thursday"));
        say(*carol, withCarol, QStringLiteral("Did the redeploy of the staging cluster fix the login loop?"));
        say(*bob, design,
            QStringLiteral("Can we deploy the onboarding flow on Friday? The copy changes are in and QA signed off "
                           "this morning, so nothing should block the deploy."));
        SearchPanel* search = window->searchPanel();
        window->searchAllAction()->trigger(); // Ctrl+Shift+F; a window manager-less display may not activate the window
        waitFor([&] { return search->isVisible(); });
        QTest::keyClicks(search->field(), QStringLiteral("deploy"));
        waitFor([&] { return search->model()->state() == SearchResultsModel::State::Results; });
        QTest::keyClick(search->field(), Qt::Key_Down);
        QTest::keyClick(search->field(), Qt::Key_Return);
        waitFor([&] { return pane->searchMatchSeq() != 0 && pane->rowOfSeq(pane->searchMatchSeq()) >= 0; });
        QTest::mouseMove(window, QPoint(1, 1)); // no hover bar over the conversation
        save(window, folder, QStringLiteral("search.png"));

        Preferences darkSearch = Preferences::load();
        darkSearch.theme = Preferences::Theme::Dark;
        window->applyPreferences(darkSearch);
        save(window, folder, QStringLiteral("search-dark.png"));
        darkSearch.theme = Preferences::Theme::System;
        window->applyPreferences(darkSearch);
        search->close();
    }

    // Files (issue 14): an image inline with its caption, a PDF's card while it downloads, the viewer, the preview.
    {
        QTemporaryDir files;
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        landscape(1280, 800).save(&buffer, "PNG");
        QByteArray pdf = QByteArray("%PDF-1.7\n") + QByteArray(3 * 1024 * 1024, 'x');
        if (!postFile(*bob, withBob, QStringLiteral("onboarding-mockup.png"), png,
                QStringLiteral("The mockup for the new welcome screen")))
            qFatal("the server refused the image");
        if (!postFile(*bob, withBob, QStringLiteral("release-notes-1.0.pdf"), pdf, QString()))
            qFatal("the server refused the PDF");
        const QModelIndex bobIndex = dock->indexOfUser(bob->userId());
        QTest::mouseClick(
            dock->peopleView()->viewport(), Qt::LeftButton, {}, dock->peopleView()->visualRect(bobIndex).center());
        auto attachmentsAt = [&](int row) {
            return pane->model()->index(row).data(MessageModel::AttachmentsRole).value<QList<Attachment>>();
        };
        waitFor([&] {
            const int rows = pane->model() ? pane->model()->rowCount() : 0;
            return pane->roomId() == withBob && rows >= 2 && !attachmentsAt(rows - 1).isEmpty()
                && !attachmentsAt(rows - 2).isEmpty();
        });
        QTest::mouseMove(window, QPoint(1, 1));
        pane->view()->scrollToBottom();
        save(window, folder, QStringLiteral("files-inline-image.png"));

        QTemporaryDir downloads;
        controller.session()->files()->setDownloadFolder(downloads.path());
        const int pdfRow = pane->model()->rowCount() - 1;
        const QModelIndex pdfIndex = pane->model()->index(pdfRow);
        bool grabbed = false;
        QObject scope; // the connections capture this block's locals: they end with it
        QObject::connect(
            controller.session()->files(), &FileTransfers::downloadAdded, &scope, [&](FileDownload* download) {
                QObject::connect(download, &FileDownload::progressChanged, &scope, [&](qint64 written, qint64 size) {
                    if (grabbed || written < size * 2 / 5)
                        return;
                    grabbed = true;
                    pane->view()->viewport()->repaint();
                    const QString path = QDir(folder).filePath(QStringLiteral("files-download-progress.png"));
                    if (!window->grab().save(path))
                        qFatal("cannot write %s", qPrintable(path));
                    qInfo("wrote %s", qPrintable(path));
                });
            });
        const QRect card
            = pane->delegate()->attachmentRect(MessageDelegate::optionFor(pane->view(), pdfIndex), pdfIndex, 0);
        QTest::mouseClick(pane->view()->viewport(), Qt::LeftButton, {}, card.center());
        waitFor([&] { return grabbed; });
        waitFor([&] {
            const FileDownload* done = controller.session()->files()->downloadOf(attachmentsAt(pdfRow).first().id);
            return done && done->state() == FileDownload::State::Done;
        });
        save(window, folder, QStringLiteral("files-downloaded.png"));

        const QModelIndex imageIndex = pane->model()->index(pdfRow - 1);
        const QRect image
            = pane->delegate()->attachmentRect(MessageDelegate::optionFor(pane->view(), imageIndex), imageIndex, 0);
        QTest::mouseClick(pane->view()->viewport(), Qt::LeftButton, {}, image.center());
        ImageViewer* viewer = nullptr;
        waitFor([&] {
            viewer = pane->findChild<ImageViewer*>();
            return viewer && viewer->isLoaded();
        });
        viewer->resize(900, 620);
        save(viewer, folder, QStringLiteral("files-image-viewer.png"));
        viewer->close();

        const QString shot
            = QDir(files.path())
                  .filePath(AttachmentSender::screenshotName(QDateTime(QDate(2026, 12, 7), QTime(14, 3, 22))));
        landscape(960, 600).save(shot);
        QFile notes(QDir(files.path()).filePath(QStringLiteral("crash-numbers.csv")));
        notes.open(QIODevice::WriteOnly);
        notes.write(QByteArray("version,crashes\n0.9,412\n1.0,247\n").repeated(400));
        notes.close();
        pane->attachmentSender()->attach({ shot, notes.fileName() });
        AttachmentPreview* preview = pane->attachmentSender()->preview();
        waitFor([&] { return preview && preview->isVisible(); });
        QTest::keyClicks(preview->captionEdit(), QStringLiteral("Crash numbers since 0.9"));
        save(preview, folder, QStringLiteral("files-attach-preview.png"));
        preview->reject();
    }

    server.stop(); // presence greys out, and "Reconnect now" offers itself beside the state
    waitFor([&] { return window->reconnectAction()->isEnabled(); });
    save(window, folder, QStringLiteral("reconnecting.png"));
    return 0;
}
