#include "StartupBench.h"

#include "AppController.h"
#include "BenchProcess.h"
#include "ChatPane.h"
#include "ChatSession.h"
#include "LocalCache.h"
#include "MainWindow.h"
#include "RoomTimeline.h"
#include "RoomsModel.h"
#include "WaitFor.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QListView>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

using namespace chat::client;

namespace StartupBench {

namespace {
const char* const PrimeMode = "--startup-prime";
const char* const StartMode = "--startup";
constexpr int IdleMs = 3000;

// The child's settings and cache live in `folder`'s settings and the test-mode data folder of this name.
void useProfile(const QString& folder)
{
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, folder);
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("chat-bench"));
    QCoreApplication::setApplicationName(QStringLiteral("bench-client-startup"));
}

// Signs in with the token (as "keep me signed in" leaves it), opens every room and loads `perRoom` messages
// of each into the cache; the last room opened is the one the next start reopens.
int prime(const QUrl& server, const QString& token, int perRoom)
{
    AppController controller(TokenStore::Backend::Settings);
    ChatSession* session = controller.session();
    controller.connection()->resume(server, token);
    if (!waitFor([&] { return controller.mainWindow()->isVisible() && session->isSynced(); }))
        qFatal("prime: could not sign in");
    const QList<qint64> rooms = session->rooms()->roomIds();
    int cached = 0;
    for (const qint64 roomId : rooms) {
        session->openRoom(roomId);
        RoomTimeline* timeline = session->timeline(roomId);
        if (!waitFor([&] { return timeline->isLoaded(); }))
            qFatal("prime: room %lld did not load", roomId);
        while (timeline->storedCount() < perRoom && timeline->hasOlder()) {
            const int before = timeline->storedCount();
            timeline->fetchOlder();
            if (!waitFor([&] { return timeline->storedCount() > before; }))
                qFatal("prime: older messages of room %lld did not load", roomId);
        }
        cached += timeline->storedCount();
    }
    printf("primed %lld %d %s\n", qint64(rooms.size()), cached,
        qPrintable(QFileInfo(session->cachePath()).absolutePath()));
    fflush(stdout);
    return 0;
}

// Watches the chat pane: the first paint of the reopened conversation with its messages in it.
class FirstPaint : public QObject {
public:
    FirstPaint(const QElapsedTimer& sinceMain, ChatPane* pane, const ChatConnection* connection, qint64 roomId)
        : m_sinceMain(sinceMain)
        , m_pane(pane)
        , m_connection(connection)
        , m_roomId(roomId)
    {
        pane->view()->viewport()->installEventFilter(this);
    }
    qint64 paintedAtMs() const { return m_paintedAtMs; }
    bool paintedWhileOnline() const { return m_online; }
    double inProcessMs() const { return m_inProcessMs; }

protected:
    bool eventFilter(QObject*, QEvent* event) override
    {
        if (event->type() == QEvent::Paint && !m_paintedAtMs && m_pane->roomId() == m_roomId && m_pane->model()
            && m_pane->model()->rowCount() > 0) {
            m_paintedAtMs = QDateTime::currentMSecsSinceEpoch();
            m_inProcessMs = m_sinceMain.nsecsElapsed() / 1e6;
            m_online = m_connection->isOnline();
        }
        return false;
    }

private:
    const QElapsedTimer& m_sinceMain;
    ChatPane* m_pane;
    const ChatConnection* m_connection;
    qint64 m_roomId;
    qint64 m_paintedAtMs = 0;
    bool m_online = false;
    double m_inProcessMs = 0;
};

int start(const QElapsedTimer& sinceMain)
{
    AppController controller(TokenStore::Backend::Settings);
    const qint64 lastRoom = QSettings().value(QStringLiteral("window/lastRoom")).toLongLong();
    FirstPaint firstPaint(sinceMain, controller.mainWindow()->chatPane(), controller.connection(), lastRoom);
    controller.start();
    if (!waitFor([&] { return firstPaint.paintedAtMs() != 0; }))
        qFatal("start: the last conversation was never painted");
    if (!waitFor([&] {
            return controller.session()->isSynced() && controller.session()->timeline(lastRoom)->isLoaded()
                && controller.connection()->isOnline();
        }))
        qFatal("start: never synced");
    QElapsedTimer idle;
    idle.start();
    waitFor([&] { return idle.elapsed() >= IdleMs; }, IdleMs * 2);
    printf("painted %lld rss %lld %s %.1f\n", firstPaint.paintedAtMs(),
        BenchProcess::rssKiBOf(QCoreApplication::applicationPid()),
        firstPaint.paintedWhileOnline() ? "online" : "before-the-server-answered", firstPaint.inProcessMs());
    fflush(stdout);
    return 0;
}

QString runChildProcess(const QStringList& arguments, qint64* startedAtMs = nullptr)
{
    QProcess process;
    BenchProcess::killWithParent(process);
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    if (startedAtMs)
        *startedAtMs = QDateTime::currentMSecsSinceEpoch();
    process.start(QCoreApplication::applicationFilePath(), arguments);
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        qFatal("start-up child failed (%s, exit code %d): %s; it said: %s", qPrintable(process.errorString()),
            process.exitCode(), qPrintable(arguments.first()), process.readAllStandardOutput().constData());
    return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
}
} // namespace

int runChild(int argc, char* argv[])
{
    if (argc < 3 || (qstrcmp(argv[1], PrimeMode) != 0 && qstrcmp(argv[1], StartMode) != 0))
        return -1;
    QElapsedTimer sinceMain;
    sinceMain.start();
    const bool priming = qstrcmp(argv[1], PrimeMode) == 0;
    QApplication app(argc, argv);
    useProfile(QString::fromLocal8Bit(argv[2]));
    if (priming && argc >= 6)
        return prime(QUrl(QString::fromLocal8Bit(argv[3])), QString::fromLocal8Bit(argv[4]), atoi(argv[5]));
    return start(sinceMain);
}

Figures measure(const QUrl& server, const QString& token, int perRoom, int runs)
{
    QTemporaryDir profile;
    Figures figures;
    const QStringList primed = runChildProcess(
        { QString::fromLatin1(PrimeMode), profile.path(), server.toString(), token, QString::number(perRoom) })
                                   .split(QLatin1Char(' '));
    if (primed.size() < 4 || primed.first() != QLatin1String("primed"))
        qFatal("priming the cache failed");
    figures.rooms = primed.at(1).toInt();
    figures.cachedMessages = primed.at(2).toInt();
    const QString cacheFolder = primed.at(3);

    auto startOnce = [&](qint64* rss, bool expectCache, QList<double>* inProcess) {
        qint64 startedAt = 0;
        const QStringList result
            = runChildProcess({ QString::fromLatin1(StartMode), profile.path() }, &startedAt).split(QLatin1Char(' '));
        if (result.size() < 6 || result.first() != QLatin1String("painted"))
            qFatal("start-up run failed");
        if (rss)
            *rss = result.at(3).toLongLong();
        inProcess->append(result.value(5).toDouble());
        if (expectCache && result.value(4) == QLatin1String("before-the-server-answered"))
            ++figures.cachedBeforeServer;
        return double(result.at(1).toLongLong() - startedAt);
    };
    QList<qint64> rss;
    for (int run = 0; run < runs; ++run) {
        qint64 kib = 0;
        figures.cachedMs.append(startOnce(&kib, true, &figures.cachedInProcessMs));
        rss.append(kib);
    }
    std::sort(rss.begin(), rss.end());
    figures.idleRssKiB = rss.at(rss.size() / 2);
    for (int run = 0; run < runs; ++run) {
        QDir(cacheFolder).removeRecursively();
        figures.coldMs.append(startOnce(nullptr, false, &figures.coldInProcessMs));
    }
    QDir(cacheFolder).removeRecursively();
    return figures;
}

} // namespace StartupBench
