#include "BenchSetup.h"

#include "auth/PasswordHasher.h"
#include "auth/SessionToken.h"
#include "store/StoreDb.h"

#include <QDateTime>
#include <QFile>

#include <memory>

using namespace chat::server;

namespace {
std::unique_ptr<StoreDb> openStore(const DatabaseConfig& config, const QString& connectionName)
{
    auto db = StoreDb::open(config, connectionName);
    if (!db || !(*db)->migrate())
        qFatal("cannot open the benchmark database %s", qPrintable(config.displayName()));
    return std::move(db).value();
}
} // namespace

BenchSetup::BenchSetup(const BenchTopology& topology)
    : m_topology(topology)
    , m_services(topology)
{
}

BenchSetup::~BenchSetup()
{
    stopServer(); // before the services they use
}

QStringList BenchSetup::seedUsers(int users)
{
    auto db = openStore(m_services.databaseConfig(databasePath()), QStringLiteral("bench-seed-users"));
    const QString hash = PasswordHasher::hash(password);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QStringList tokens;
    db->begin();
    for (int i = 0; i < users; ++i) {
        auto user = db->createUser(QStringLiteral("user%1").arg(i), hash, now);
        if (!user)
            qFatal("cannot seed users: %s", qPrintable(user.error().message));
        const QString token = SessionToken::generate();
        db->createSession({ SessionToken::hash(token), user->id, now, now + 86400000LL * 30 });
        tokens.append(token);
    }
    db->commit();
    return tokens;
}

QList<qint64> BenchSetup::seedDirectRooms(int pairs)
{
    auto db = openStore(m_services.databaseConfig(databasePath()), QStringLiteral("bench-seed-direct"));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QList<qint64> rooms;
    db->begin();
    for (int pair = 0; pair < pairs; ++pair) {
        auto room = db->directRoom(2 * pair + 1, 2 * pair + 2, now);
        if (!room)
            qFatal("cannot seed a direct room: %s", qPrintable(room.error().message));
        rooms.append(room->id);
    }
    db->commit();
    return rooms;
}

qint64 BenchSetup::seedRoom(const QString& name, qint64 messages, const QList<qint64>& members)
{
    auto db = openStore(m_services.databaseConfig(databasePath()), QStringLiteral("bench-seed-room"));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    db->begin();
    auto room = db->createGroupRoom(name, members.first(), now);
    if (!room)
        qFatal("cannot create the room: %s", qPrintable(room.error().message));
    for (qint64 member : members)
        db->addMember(room->id, member, now);
    db->commit();
    const qint64 chunk = 20000;
    for (qint64 done = 0; done < messages; done += chunk) {
        QStringList bodies;
        const qint64 count = std::min(chunk, messages - done);
        bodies.reserve(count);
        for (qint64 i = 0; i < count; ++i)
            bodies.append(
                QStringLiteral("seeded message %1: the quick brown fox jumps over the lazy dog").arg(done + i));
        db->begin();
        auto imported = db->importMessages(room->id, members.first(), bodies, now - (messages - done) * 1000);
        if (!imported)
            qFatal("cannot import messages: %s", qPrintable(imported.error().message));
        db->commit();
    }
    return room->id;
}

bool BenchSetup::startServer(const QString& extraIni)
{
    for (int node = 0; node < m_topology.nodes; ++node) {
        QFile ini(m_dir.filePath(QStringLiteral("server-%1.ini").arg(node)));
        if (!ini.open(QIODevice::WriteOnly | QIODevice::Truncate))
            qFatal("cannot write %s", qPrintable(ini.fileName()));
        ini.write("[server]\nhost=127.0.0.1\nport=0\n"
                  "[limits]\nmessages_per_second=1000000\nmessage_burst=1000000\n"
                  "[security]\nlogin_attempts_per_address=1000000\nsignups_per_address_per_hour=1000000\n"
                  "[connections]\nmax_connections=100000\nmax_connections_per_address=100000\n"
                  "[files]\nuser_quota_mb=0\nuploads_per_minute=100000\n");
        ini.write(m_services.iniSections(node).toUtf8());
        ini.write(extraIni.toUtf8());
        ini.close();
        auto process = std::make_unique<BenchProcess>();
        if (!process->start(QStringLiteral(CHAT_SERVER_BINARY), { QStringLiteral("--config"), ini.fileName() }))
            return false;
        m_nodes.push_back(std::move(process));
    }
    return true;
}

void BenchSetup::stopServer()
{
    for (auto& node : m_nodes)
        node->stop();
}

QList<ProcessCpu> BenchSetup::cpuSeconds() const
{
    QList<ProcessCpu> cpu;
    for (int node = 0; node < int(m_nodes.size()); ++node) {
        const QString name
            = m_nodes.size() == 1 ? QStringLiteral("chat-server") : QStringLiteral("chat-server node-%1").arg(node);
        cpu.append({ name, m_nodes.at(node)->cpuSeconds() });
    }
    return cpu + m_services.cpuSeconds();
}
