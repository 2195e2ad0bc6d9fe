// files: upload and download throughput of a 20 MiB file on loopback, then the chat latency of pairs talking at
// half the dm peak, without transfers and while connections move files without pause. Files share the chat's
// WebSocket protocol and the server's socket thread, so this is what a large transfer costs everyone else.
// The transfers run on a thread of their own in the generator, with their own connections: masking and reading
// megabytes there must not hold up the event loop that times the chat.
#include "EventWait.h"
#include "Traffic.h"
#include "Workloads.h"

#include "FileTransfer.h"
#include "Params.h"
#include "Protocol.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QThread>

#include <atomic>

using namespace chat;
namespace key = protocol::key;

namespace {

constexpr qint64 FileBytes = 20 * 1024 * 1024;

// Moves files over one connection the way a client does: chunks within the window, files.finish, then
// files.download. In a loop while `running`, or one step at a time.
class FileMover {
public:
    FileMover(LoadClient& client, qint64 roomId, const QByteArray& content)
        : m_client(client)
        , m_roomId(roomId)
        , m_content(content)
        , m_sha256(QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex()))
    {
        m_client.onNotification = [this](const jsonrpc::Message& message) {
            if (message.method == protocol::notification::FileProgress
                && message.params.value(key::UploadId).toString() == m_uploadId)
                onProgress(message.params.value(key::Received).toInteger());
        };
        m_client.onBinary = [this](const QByteArray& frame) { onChunk(frame); };
    }

    // Uploads, then downloads; `done` gets the seconds each took (0 on failure).
    void roundTrip(std::function<void(double up, double down)> done)
    {
        m_done = std::move(done);
        m_clock.start();
        const params::FilesUpload upload { m_roomId, QStringLiteral("bench.bin"), m_content.size(), m_sha256 };
        m_client.call(protocol::method::FilesUpload, upload.toJson(), [this](const jsonrpc::Message& reply) {
            if (reply.error)
                return fail("files.upload", *reply.error);
            m_uploadId = reply.result.value(key::UploadId).toString();
            m_sent = m_acked = reply.result.value(key::Offset).toInteger();
            m_chunk = reply.result.value(key::ChunkBytes).toInt();
            m_window = reply.result.value(key::WindowBytes).toInt();
            sendChunks();
        });
    }

    // Round trips until `running` goes false; `moved` counts the bytes of each completed one.
    void loop(const std::atomic<bool>& running, std::atomic<qint64>& moved, std::atomic<int>& idle)
    {
        roundTrip([this, &running, &moved, &idle](double up, double down) {
            if (up > 0 && down > 0)
                moved += 2 * m_content.size();
            if (running)
                loop(running, moved, idle);
            else
                ++idle;
        });
    }

private:
    void fail(const char* what, const RpcError& error)
    {
        qWarning("%s failed: %s", what, qPrintable(error.message));
        m_done(0, 0);
    }

    void sendChunks()
    {
        while (m_sent < m_content.size() && m_sent - m_acked < m_window) {
            const qint64 length = std::min<qint64>(m_chunk, m_content.size() - m_sent);
            m_client.sendBinary(files::encodeChunk(files::ChunkKind::Upload, m_uploadId, quint64(m_sent),
                QByteArrayView(m_content).sliced(m_sent, length)));
            m_sent += length;
        }
    }

    void onProgress(qint64 received)
    {
        m_acked = received;
        if (m_acked < m_content.size()) {
            sendChunks();
            return;
        }
        const QString uploadId = std::exchange(m_uploadId, QString());
        m_client.call(protocol::method::FilesFinish, params::UploadRef { uploadId }.toJson(),
            [this](const jsonrpc::Message& reply) {
                if (reply.error)
                    return fail("files.finish", *reply.error);
                m_upSeconds = double(m_clock.nsecsElapsed()) / 1e9;
                download(reply.result.value(key::File).toObject().value(key::Id).toString());
            });
    }

    void download(const QString& fileId)
    {
        m_clock.restart();
        m_received = 0;
        m_client.call(protocol::method::FilesDownload, params::FilesDownload { fileId, 0 }.toJson(),
            [this](const jsonrpc::Message& reply) {
                if (reply.error)
                    return fail("files.download", *reply.error);
                m_downloadId = reply.result.value(key::DownloadId).toString();
            });
    }

    void onChunk(const QByteArray& frame)
    {
        // Only the header is read: the generator must not spend its core on what it measures.
        m_received += frame.size() - files::ChunkHeaderBytes;
        if (m_received < m_content.size())
            return;
        const double down = double(m_clock.nsecsElapsed()) / 1e9;
        m_done(m_upSeconds, down);
    }

    LoadClient& m_client;
    qint64 m_roomId;
    const QByteArray& m_content;
    QString m_sha256;
    std::function<void(double, double)> m_done;
    QElapsedTimer m_clock;
    QString m_uploadId;
    QString m_downloadId;
    qint64 m_sent = 0;
    qint64 m_acked = 0;
    int m_chunk = 0;
    int m_window = 0;
    qint64 m_received = 0;
    double m_upSeconds = 0;
};

// Connections of their own that sign in as the transfer users and move files until told to stop.
class TransferThread : public QThread {
public:
    TransferThread(const QUrl& url, QStringList usernames, qint64 roomId, const QByteArray& content)
        : m_url(url)
        , m_usernames(std::move(usernames))
        , m_roomId(roomId)
        , m_content(content)
    {
    }

    std::atomic<bool> running { true };
    std::atomic<qint64> moved { 0 };
    std::atomic<int> started { 0 };
    std::atomic<int> idle { 0 };

protected:
    void run() override
    {
        std::vector<std::unique_ptr<LoadClient>> clients;
        std::vector<std::unique_ptr<FileMover>> movers;
        for (const QString& username : std::as_const(m_usernames)) {
            clients.push_back(std::make_unique<LoadClient>(LoadClient::Kind::Product, 1000000 + int(clients.size())));
            LoadClient* client = clients.back().get();
            movers.push_back(std::make_unique<FileMover>(*client, m_roomId, m_content));
            FileMover* mover = movers.back().get();
            client->onOpen = [this, client, mover, username] {
                const params::Credentials credentials { username, BenchSetup::password };
                client->call(
                    protocol::method::AuthLogin, credentials.toJson(), [this, mover](const jsonrpc::Message& reply) {
                        if (reply.error)
                            qFatal("a transfer connection could not sign in: %s", qPrintable(reply.error->message));
                        ++started;
                        mover->loop(running, moved, idle);
                    });
            };
            client->open(m_url);
        }
        exec();
        movers.clear();
        clients.clear();
    }

private:
    QUrl m_url;
    QStringList m_usernames;
    qint64 m_roomId;
    const QByteArray& m_content;
};

// The transfer users make one group room and join it; its id.
qint64 transferRoom(Fleet& fleet, int first, int count)
{
    qint64 roomId = 0;
    fleet.client(first)->call(protocol::method::RoomsCreate, { { key::Name, QStringLiteral("files-bench") } },
        [&roomId](const jsonrpc::Message& reply) {
            roomId = reply.result.value(key::Room).toObject().value(key::Id).toInteger();
        });
    if (!waitUntil([&roomId] { return roomId > 0; }, 30000))
        qFatal("rooms.create failed");
    int joined = 1;
    for (int user = first + 1; user < first + count; ++user)
        fleet.client(user)->call(
            protocol::method::RoomsJoin, { { key::RoomId, roomId } }, [&joined](const jsonrpc::Message&) { ++joined; });
    if (!waitUntil([&joined, count] { return joined == count; }, 30000))
        qFatal("rooms.join failed");
    return roomId;
}

} // namespace

void runFiles(const BenchOptions& options, Report& report)
{
    const double rate = 0.5 * dmPeak(options, report);
    const int movers = options.transferConnections;
    QByteArray content(FileBytes, Qt::Uninitialized);
    QRandomGenerator(7).fillRange(reinterpret_cast<quint32*>(content.data()), content.size() / 4);

    const QString throughput = QStringLiteral("files (%1 MiB, one connection, loopback)").arg(FileBytes >> 20);
    Figure upload { throughput, QStringLiteral("upload"), QStringLiteral("MB/s") };
    Figure download { throughput, QStringLiteral("download"), QStringLiteral("MB/s") };
    const QString workload
        = QStringLiteral("rate 50 % (%1 msg/s) and %2 connections moving files").arg(rate, 0, 'f', 0).arg(movers);
    Figure calmP50 { workload, QStringLiteral("chat latency p50 without transfers"), QStringLiteral("ms") };
    Figure calmP99 { workload, QStringLiteral("chat latency p99 without transfers"), QStringLiteral("ms") };
    Figure busyP50 { workload, QStringLiteral("chat latency p50 during transfers"), QStringLiteral("ms") };
    Figure busyP99 { workload, QStringLiteral("chat latency p99 during transfers"), QStringLiteral("ms") };
    Figure moved { workload, QStringLiteral("file bytes moved during the chat"), QStringLiteral("MB/s") };

    const Fleet::Layout layout { options.pairs, 2, true, movers };
    for (int run = 0; run < options.runs; ++run) {
        Fleet fleet(LoadClient::Kind::Product);
        if (!fleet.start(layout) || !fleet.connectUsers(0, fleet.users()))
            qFatal("chat-server did not start or not every connection opened");
        const int first = options.pairs * 2;
        const qint64 roomId = transferRoom(fleet, first, movers);
        fleet.waitForQuietServer();

        // Throughput: one round trip on one connection, nothing else running.
        FileMover single(*fleet.client(first), roomId, content);
        double up = 0;
        double down = 0;
        bool finished = false;
        single.roundTrip([&](double u, double d) {
            up = u;
            down = d;
            finished = true;
        });
        if (!waitUntil([&finished] { return finished; }, 300000) || up <= 0 || down <= 0)
            qFatal("a file round trip failed");
        upload.product.append(double(FileBytes) / 1e6 / up);
        download.product.append(double(FileBytes) / 1e6 / down);

        const TrafficResult calm = Traffic(fleet, options.pairs, 2, pacedChat(options, rate)).run();
        QStringList usernames;
        for (int i = 0; i < movers; ++i)
            usernames.append(fleet.username(first + i));
        TransferThread transfers(fleet.url(), usernames, roomId, content);
        transfers.start();
        if (!waitUntil([&transfers, movers] { return transfers.started == movers; }, 60000))
            qFatal("the transfer connections did not start");
        QElapsedTimer busyTime;
        busyTime.start();
        const TrafficResult busy = Traffic(fleet, options.pairs, 2, pacedChat(options, rate)).run();
        const double seconds = double(busyTime.nsecsElapsed()) / 1e9;
        const qint64 bytes = transfers.moved; // round trips completed while the chat ran
        transfers.running = false;
        if (!waitUntil([&transfers, movers] { return transfers.idle == movers; }, 300000))
            qFatal("the transfers did not stop");
        transfers.quit();
        transfers.wait();
        calmP50.product.append(calm.latencyMs.p50);
        calmP99.product.append(calm.latencyMs.p99);
        busyP50.product.append(busy.latencyMs.p50);
        busyP99.product.append(busy.latencyMs.p99);
        moved.product.append(double(bytes) / 1e6 / seconds);
    }
    upload.note = QStringLiteral("files.upload to files.finish answered (SHA-256 checked, stored durably), 256 KiB "
                                 "chunks, 1 MiB window");
    download.note = QStringLiteral("files.download to the last chunk received");
    moved.note = QStringLiteral("round trips (up, then down) completed while the chat ran; each connection loops, on "
                                "a thread of the generator apart from the chat's");
    for (const Figure* figure : { &upload, &download, &calmP50, &calmP99, &busyP50, &busyP99, &moved })
        report.add(*figure);
}
