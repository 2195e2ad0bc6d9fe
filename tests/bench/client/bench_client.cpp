// Workload: a chat-server process on a store seeded directly (StoreDb::importMessages) with a room of
// 100,000 messages and a small second room; the real client widgets (MainWindow, dock, chat pane) signed in
// with a saved token. Reports
//   1. click -> painted history: click the big room in the dock until its newest page is laid out and
//      painted (the room's cached timeline is dropped before each run, so every open is cold); median of 21;
//   2. per older page while scrolling back through 5,000 messages: scroll to the top, wait for the page to
//      arrive, be laid out above the anchor and painted;
//   3. the client's resident memory (VmRSS of this process; the server is another process) with 10,000
//      messages loaded, and before the room was opened;
//   4. start -> first painted conversation, cold and with the local cache, and the idle RSS of a client with
//      20 rooms and 2,000 cached messages (StartupBench: each start a new process, a third account that is a
//      member of 20 rooms of 100 messages each).
// The server runs in a child process (this program with --serve), so that the memory is the client's alone.
// Run: xvfb-run -a -s "-screen 0 1280x800x24" build/tests/bench/client/bench-client  (or
// QT_QPA_PLATFORM=offscreen)
#include "AppController.h"
#include "BenchProcess.h"
#include "BenchSetup.h"
#include "ChatPane.h"
#include "ChatSession.h"
#include "MainWindow.h"
#include "MessageModel.h"
#include "PeopleDock.h"
#include "StartupBench.h"
#include "WaitFor.h"

#include "core/ChatServer.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QListView>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace chat::client;

namespace {
constexpr int Messages = 100000;
constexpr int OpenRuns = 21;
constexpr int StartupRooms = 20;
constexpr int StartupMessagesPerRoom = 100;
constexpr int StartupRuns = 11;

qint64 rssKiB()
{
    return BenchProcess::rssKiBOf(QCoreApplication::applicationPid());
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

void clickRoom(PeopleDock* dock, qint64 roomId)
{
    const QModelIndex index = dock->indexOfRoom(roomId);
    QTest::mouseClick(dock->roomsView()->viewport(), Qt::LeftButton, {}, dock->roomsView()->visualRect(index).center());
}

int serve(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    chat::server::ServerConfig config;
    config.port = 0;
    config.database.path = QString::fromLocal8Bit(argv[2]);
    chat::server::ChatServer server(config);
    const auto started = server.start();
    if (!started)
        qFatal("server: %s", qPrintable(started.error()));
    printf("listening on %s\n", qPrintable(server.url().toString()));
    fflush(stdout);
    return app.exec();
}

} // namespace

int main(int argc, char* argv[])
{
    if (const int code = StartupBench::runChild(argc, argv); code >= 0)
        return code; // a client start-up under measurement, on the client's own event dispatcher
    if (argc > 2 && qstrcmp(argv[1], "--serve") == 0) {
        qputenv("QT_NO_GLIB", "1"); // as chat-server runs; the client parts keep their default dispatcher
        return serve(argc, argv);
    }
    QApplication app(argc, argv);
    QTemporaryDir settingsDir;
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("chat-bench"));
    QCoreApplication::setApplicationName(QStringLiteral("bench-client"));

    BenchSetup setup;
    QElapsedTimer seeding;
    seeding.start();
    const QStringList tokens = setup.seedUsers(4);
    const qint64 bigRoom = setup.seedRoom(QStringLiteral("history"), Messages, { 1, 2 });
    const qint64 smallRoom = setup.seedRoom(QStringLiteral("lobby"), 10, { 1, 2 });
    for (int room = 1; room <= StartupRooms; ++room)
        setup.seedRoom(QStringLiteral("team %1").arg(room), StartupMessagesPerRoom, { 3, 4 });
    qInfo("seeded %d messages in %lld ms", Messages, seeding.elapsed());
    BenchProcess serverProcess; // not pinned unless BENCH_SERVER_CPU says so
    if (!serverProcess.start(
            QCoreApplication::applicationFilePath(), { QStringLiteral("--serve"), setup.databasePath() }))
        qFatal("the server process did not start");
    const QUrl url = serverProcess.url();

    // Start-up first, each run its own client process, while nothing else talks to the server.
    const StartupBench::Figures startup = StartupBench::measure(url, tokens.at(2), StartupMessagesPerRoom, StartupRuns);

    AppController controller(TokenStore::Backend::Settings);
    controller.connection()->resume(url, tokens.first());
    if (!waitFor([&] { return controller.mainWindow()->isVisible() && controller.session()->isSynced(); }))
        qFatal("could not sign in");
    MainWindow* window = controller.mainWindow();
    window->resize(1100, 750);
    PeopleDock* dock = window->dock();
    ChatPane* pane = window->chatPane();
    if (!waitFor([&] { return dock->indexOfRoom(bigRoom).isValid() && dock->indexOfRoom(smallRoom).isValid(); }))
        qFatal("rooms not listed");
    const qint64 rssBefore = rssKiB();

    QList<double> opens;
    for (int run = 0; run < OpenRuns; ++run) {
        clickRoom(dock, smallRoom);
        waitFor([&] { return pane->model() && pane->roomId() == smallRoom && pane->model()->timeline()->isLoaded(); });
        controller.session()->forgetMessages(bigRoom);
        QCoreApplication::processEvents();

        QElapsedTimer timer;
        timer.start();
        clickRoom(dock, bigRoom);
        waitFor([&] { return pane->roomId() == bigRoom && pane->model()->timeline()->isLoaded(); });
        pane->view()->viewport()->repaint();
        opens.append(timer.nsecsElapsed() / 1e6);
    }

    QList<double> pages;
    const RoomTimeline* timeline = pane->model()->timeline();
    QScrollBar* bar = pane->view()->verticalScrollBar();
    auto scrollBackTo = [&](int loaded, QList<double>* samples) {
        while (timeline->storedCount() < loaded && timeline->hasOlder()) {
            const int before = timeline->storedCount();
            QElapsedTimer timer;
            timer.start();
            bar->setValue(bar->minimum());
            if (!waitFor([&] { return timeline->storedCount() > before; }))
                qFatal("older page did not arrive");
            // Laid out above what is on screen, which moves the bar off the top: the next drag to the top
            // is a change again.
            if (!waitFor([&] { return bar->value() > bar->minimum() || !timeline->hasOlder(); }))
                qFatal("older page was not laid out above the anchor");
            pane->view()->viewport()->repaint();
            if (samples)
                samples->append(timer.nsecsElapsed() / 1e6);
        }
    };
    scrollBackTo(5000 + MessageModel::PageSize, &pages);
    scrollBackTo(10000, nullptr);
    const qint64 rssLoaded = rssKiB();

    QList<double> sortedPages = pages;
    std::sort(sortedPages.begin(), sortedPages.end());
    printf("bench-client: room of %d messages, page size %d, window 1100x750\n", Messages, MessageModel::PageSize);
    printf("  click -> painted history (cold, %d runs): median %.1f ms, min %.1f ms, max %.1f ms\n", OpenRuns,
        median(opens), *std::min_element(opens.begin(), opens.end()), *std::max_element(opens.begin(), opens.end()));
    printf("  older page while scrolling back 5,000 messages (%lld pages): median %.1f ms, p90 %.1f ms, max "
           "%.1f ms\n",
        qint64(pages.size()), median(pages), sortedPages.at(int(sortedPages.size() * 0.9)), sortedPages.last());
    printf("  client memory: %lld KiB before opening, %lld KiB with %d messages loaded (+%lld KiB)\n", rssBefore,
        rssLoaded, timeline->storedCount(), rssLoaded - rssBefore);

    printf("  start -> first painted conversation (%lld runs each, a new process each): cold median %.0f ms "
           "(min %.0f, max %.0f); with the local cache median %.0f ms (min %.0f, max %.0f)\n",
        qint64(StartupRuns), median(startup.coldMs), *std::min_element(startup.coldMs.begin(), startup.coldMs.end()),
        *std::max_element(startup.coldMs.begin(), startup.coldMs.end()), median(startup.cachedMs),
        *std::min_element(startup.cachedMs.begin(), startup.cachedMs.end()),
        *std::max_element(startup.cachedMs.begin(), startup.cachedMs.end()));
    printf("  the same from the child's main(): cold median %.0f ms, with the local cache median %.0f ms\n",
        median(startup.coldInProcessMs), median(startup.cachedInProcessMs));
    printf("  starts with the cache that painted before the server answered: %d of %lld\n", startup.cachedBeforeServer,
        qint64(startup.cachedMs.size()));
    printf("  idle client memory with %d rooms and %d cached messages: %lld KiB (median)\n", startup.rooms,
        startup.cachedMessages, startup.idleRssKiB);
    serverProcess.stop();
    return 0;
}
