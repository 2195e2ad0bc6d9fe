// chat-server measured over real sockets: history latency on a 1,000,000-message room, acknowledged
// sends per second for one pipelining sender, and server memory with many idle connections.
// Usage: bench-server history|pipeline|idle [count]   (BENCH_SERVER_CPU=1 pins the server to core 1)
#include "BenchSetup.h"
#include "Percentiles.h"

#include "JsonRpc.h"
#include "Params.h"
#include "Protocol.h"
#include "core/ServerRunner.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHash>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QTextStream>
#include <QTimer>
#include <QWebSocket>

#include <functional>
#include <memory>

using namespace chat;
namespace key = protocol::key;
namespace method = protocol::method;

namespace {

QTextStream out(stdout);

// One protocol connection driven by callbacks, so that thousands can share one event loop.
class Connection : public QObject {
public:
    using Callback = std::function<void(const jsonrpc::Message&)>;

    explicit Connection(QObject* parent = nullptr)
        : QObject(parent)
    {
        connect(&m_socket, &QWebSocket::textMessageReceived, this, [this](const QString& text) {
            jsonrpc::Decoded decoded = jsonrpc::decode(text.toUtf8());
            if (!decoded.message)
                return;
            if (decoded.message->isNotification()) {
                if (decoded.message->method == protocol::notification::ServerHello && onHello)
                    onHello();
                return;
            }
            auto it = m_pending.find(decoded.message->id.toInteger());
            if (it == m_pending.end())
                return;
            Callback callback = std::move(it.value());
            m_pending.erase(it);
            callback(*decoded.message);
        });
    }

    void open(const QUrl& url) { m_socket.open(url); }
    void call(const QString& name, const QJsonObject& params, Callback done)
    {
        const qint64 id = m_nextId++;
        m_pending.insert(id, std::move(done));
        m_socket.sendTextMessage(QString::fromUtf8(jsonrpc::encodeRequest(id, name, params)));
    }

    std::function<void()> onHello;

private:
    QWebSocket m_socket;
    QHash<qint64, Callback> m_pending;
    qint64 m_nextId = 1;
};

bool waitUntil(const std::function<bool()>& done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    }
    return true;
}

std::unique_ptr<Connection> signedIn(const QUrl& url, const QString& token)
{
    auto connection = std::make_unique<Connection>();
    bool ready = false;
    connection->onHello = [&] {
        connection->call(method::AuthResume, params::Resume { token }.toJson(),
            [&](const jsonrpc::Message& reply) { ready = !reply.error; });
    };
    connection->open(url);
    if (!waitUntil([&] { return ready; }, 30000))
        qFatal("could not sign in");
    return connection;
}

int benchHistory(qint64 messages)
{
    BenchSetup setup;
    const QStringList tokens = setup.seedUsers(1);
    QElapsedTimer seeding;
    seeding.start();
    const qint64 roomId = setup.seedRoom(QStringLiteral("big"), messages, { 1 });
    out << "seeded " << messages << " messages in " << seeding.elapsed() << " ms" << Qt::endl;
    if (!setup.startServer())
        qFatal("chat-server did not start");
    auto connection = signedIn(setup.url(), tokens.first());

    auto measure = [&](const QString& label, int queries, const std::function<params::History()>& makeQuery) {
        QList<double> samples;
        for (int i = 0; i < queries; ++i) {
            QElapsedTimer timer;
            timer.start();
            bool answered = false;
            int rows = 0;
            connection->call(method::MessagesHistory, makeQuery().toJson(), [&](const jsonrpc::Message& reply) {
                answered = true;
                rows = int(reply.result.value(key::Messages).toArray().size());
            });
            waitUntil([&] { return answered; }, 10000);
            samples.append(double(timer.nsecsElapsed()) / 1e6);
            if (rows != makeQuery().limit)
                qFatal("history returned %d rows", rows);
        }
        out << label << ": " << Percentiles::of(samples).toString(QStringLiteral("ms")) << Qt::endl;
    };
    auto* random = QRandomGenerator::global();
    measure(QStringLiteral("newest 50 (round trip)"), 1000, [&] { return params::History { roomId, {}, {}, 50 }; });
    measure(QStringLiteral("random older page of 50"), 1000, [&] {
        return params::History { roomId, random->bounded(qint64(100), messages), {}, 50 };
    });
    measure(QStringLiteral("gap fill after= 50"), 1000, [&] {
        return params::History { roomId, {}, random->bounded(qint64(0), messages - 100), 50 };
    });
    out << "server RSS " << setup.serverRssKiB() << " KiB" << Qt::endl;
    return 0;
}

int benchPipeline(int sends)
{
    BenchSetup setup;
    const QStringList tokens = setup.seedUsers(1);
    const qint64 roomId = setup.seedRoom(QStringLiteral("pipeline"), 0, { 1 });
    if (!setup.startServer())
        qFatal("chat-server did not start");
    auto connection = signedIn(setup.url(), tokens.first());
    QList<double> rates;
    for (int run = 0; run < 7; ++run) {
        int acked = 0;
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < sends; ++i) {
            const params::Send send { roomId, QStringLiteral("pipelined message %1").arg(i),
                QStringLiteral("r%1-%2").arg(run).arg(i) };
            connection->call(method::MessagesSend, send.toJson(), [&](const jsonrpc::Message& reply) {
                if (reply.error)
                    qFatal("send failed: %s", qPrintable(reply.error->message));
                ++acked;
            });
        }
        waitUntil([&] { return acked == sends; }, 120000);
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        rates.append(sends / seconds);
        out << "run " << run + 1 << ": " << sends << " acknowledged sends in "
            << QString::number(seconds * 1000, 'f', 1) << " ms = " << QString::number(sends / seconds, 'f', 0)
            << " sends/s" << Qt::endl;
    }
    const Percentiles p = Percentiles::of(rates);
    std::sort(rates.begin(), rates.end());
    out << "median " << QString::number(p.p50, 'f', 0) << " acknowledged sends/s (min "
        << QString::number(rates.first(), 'f', 0) << ", max " << QString::number(rates.last(), 'f', 0) << ")"
        << Qt::endl;
    return 0;
}

int benchIdle(int connections)
{
    server::raiseFileLimit();
    BenchSetup setup;
    const QStringList tokens = setup.seedUsers(connections);
    if (!setup.startServer())
        qFatal("chat-server did not start");
    waitUntil([] { return false; }, 500); // let the server settle before the baseline
    const qint64 baseline = setup.serverRssKiB();
    std::vector<std::unique_ptr<Connection>> open;
    open.reserve(connections);
    int signedInCount = 0;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < connections; ++i) {
        auto connection = std::make_unique<Connection>();
        Connection* raw = connection.get();
        const QString token = tokens.at(i);
        raw->onHello = [raw, token, &signedInCount] {
            raw->call(
                method::AuthResume, params::Resume { token }.toJson(), [&signedInCount](const jsonrpc::Message& reply) {
                    if (!reply.error)
                        ++signedInCount;
                });
        };
        raw->open(setup.url());
        open.push_back(std::move(connection));
        if (i % 200 == 199) // keep the accept queue reasonable
            QCoreApplication::processEvents();
    }
    if (!waitUntil([&] { return signedInCount == connections; }, 600000))
        qFatal("only %d of %d connections signed in", signedInCount, connections);
    const qint64 connectMs = timer.elapsed();
    waitUntil([] { return false; }, 1000); // presence settles
    const qint64 loaded = setup.serverRssKiB();
    out << connections << " signed-in idle connections in " << connectMs << " ms" << Qt::endl;
    out << "server RSS: baseline " << baseline << " KiB, loaded " << loaded << " KiB, "
        << QString::number(double(loaded - baseline) / connections, 'f', 1) << " KiB per connection" << Qt::endl;
    return 0;
}

} // namespace

int main(int argc, char* argv[])
{
    qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString mode = args.value(1);
    if (mode == QLatin1String("history"))
        return benchHistory(args.value(2, QStringLiteral("1000000")).toLongLong());
    if (mode == QLatin1String("pipeline"))
        return benchPipeline(args.value(2, QStringLiteral("1000")).toInt());
    if (mode == QLatin1String("idle"))
        return benchIdle(args.value(2, QStringLiteral("10000")).toInt());
    QTextStream(stderr) << "usage: bench-server history [messages] | pipeline [sends] | idle [connections]\n";
    return 2;
}
