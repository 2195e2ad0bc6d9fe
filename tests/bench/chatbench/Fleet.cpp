#include "Fleet.h"

#include "EventWait.h"
#include "Params.h"
#include "Protocol.h"

#include <QElapsedTimer>

using namespace chat;

Fleet::Fleet(LoadClient::Kind kind, const BenchTopology& topology)
    : m_kind(kind)
    , m_topology(topology)
{
}

Fleet::~Fleet()
{
    disconnectAll();
}

bool Fleet::start(const Layout& layout)
{
    m_layout = layout;
    m_clients.resize(users());
    if (!isProduct()) {
        m_ceiling = std::make_unique<BenchProcess>();
        m_server = m_ceiling.get();
        return m_ceiling->start(QStringLiteral(CEILING_SERVER_BINARY), {});
    }
    m_product = std::make_unique<BenchSetup>(m_topology);
    m_tokens = m_product->seedUsers(users());
    if (layout.direct && layout.membersPerRoom == 2) {
        m_roomIds = m_product->seedDirectRooms(layout.rooms);
    } else {
        for (int room = 0; room < layout.rooms; ++room) {
            QList<qint64> members;
            for (int member = 0; member < layout.membersPerRoom; ++member)
                members.append(qint64(room) * layout.membersPerRoom + member + 1);
            m_roomIds.append(m_product->seedRoom(QStringLiteral("room%1").arg(room), layout.messagesPerRoom, members));
        }
    }
    if (!m_product->startServer())
        return false;
    m_server = &m_product->server();
    return true;
}

QList<ProcessCpu> Fleet::cpuSeconds() const
{
    if (!isProduct())
        return { { name(), m_ceiling->cpuSeconds() } };
    return m_product->cpuSeconds();
}

QUrl Fleet::urlFor(int user) const
{
    if (isProduct())
        return m_product->node((user + roomOf(user)) % m_product->nodeCount()).url();
    QUrl url = m_server->url();
    const bool inRoom = user < m_layout.rooms * m_layout.membersPerRoom;
    url.setPath(inRoom ? QStringLiteral("/room%1").arg(roomOf(user)) : QStringLiteral("/echo/%1").arg(user));
    return url;
}

bool Fleet::connectUsers(int first, int count, bool signIn, int timeoutMs)
{
    // At most this many connections are between connect and signed in at once: a fleet that ramps up,
    // as real clients do, rather than a SYN flood that overflows the listen backlog and measures TCP's
    // retransmission timers instead of the server.
    constexpr int maxOpening = 256;
    int opened = 0;
    int ready = 0;
    for (int user = first; user < first + count; ++user) {
        if (!waitUntil([&] { return opened - ready < maxOpening; }, timeoutMs))
            return false;
        auto client = std::make_unique<LoadClient>(m_kind, user);
        LoadClient* raw = client.get();
        if (isProduct() && signIn) {
            const QString token = m_tokens.at(user);
            raw->onOpen = [raw, token, &ready] {
                raw->call(protocol::method::AuthResume, params::Resume { token }.toJson(),
                    [&ready](const jsonrpc::Message& reply) {
                        if (reply.error)
                            qFatal("auth.resume failed: %s", qPrintable(reply.error->message));
                        ++ready;
                    });
            };
        } else {
            raw->onOpen = [&ready] { ++ready; };
        }
        raw->open(urlFor(user));
        m_clients[user] = std::move(client);
        ++opened;
    }
    if (!waitUntil([&] { return ready == count; }, timeoutMs))
        qFatal("only %d of %d connections are ready", ready, count); // callbacks still refer to `ready`
    for (int user = first; user < first + count; ++user)
        m_clients[user]->onOpen = nullptr;
    return true;
}

void Fleet::waitForQuietServer(int timeoutMs)
{
    constexpr int stepMs = 100;
    QElapsedTimer total;
    total.start();
    int quietSteps = 0;
    // The chat-servers only: PostgreSQL's background workers tick over even when nobody chats.
    const auto serversCpu = [this] {
        if (!isProduct())
            return m_server->cpuSeconds();
        double seconds = 0;
        for (int node = 0; node < m_product->nodeCount(); ++node)
            seconds += m_product->node(node).cpuSeconds();
        return seconds;
    };
    double before = serversCpu();
    while (quietSteps < 5 && total.elapsed() < timeoutMs) {
        runFor(stepMs);
        const double now = serversCpu();
        quietSteps = now - before < 0.02 * stepMs / 1000 ? quietSteps + 1 : 0;
        before = now;
    }
}

void Fleet::disconnectAll()
{
    for (auto& client : m_clients) {
        if (client)
            client->close();
    }
    m_clients.clear();
}

void Fleet::send(int user, const QString& body, const std::function<void(bool ok)>& acked)
{
    LoadClient* client = m_clients.at(user).get();
    if (!isProduct()) {
        client->sendFrame(body);
        acked(true);
        return;
    }
    const params::Send send { roomId(roomOf(user)), body, QString::number(m_nextClientId++) };
    client->call(
        protocol::method::MessagesSend, send.toJson(), [acked](const jsonrpc::Message& reply) { acked(!reply.error); });
}
