#include "BenchSetup.h"

#include "auth/PasswordHasher.h"
#include "auth/SessionToken.h"
#include "store/StoreDb.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QFile>
#include <QRegularExpression>
#include <QTextStream>

#include <algorithm>
#include <cmath>

using namespace chat::server;

namespace {
DatabaseConfig databaseConfig(const QString& path)
{
    DatabaseConfig config;
    config.path = path;
    return config;
}
} // namespace

BenchSetup::BenchSetup() = default;

BenchSetup::~BenchSetup()
{
    stopServer();
}

QStringList BenchSetup::seedUsers(int users)
{
    auto db = StoreDb::open(databaseConfig(databasePath()), QStringLiteral("bench-seed-users"));
    if (!db || !(*db)->migrate())
        qFatal("cannot open the benchmark database");
    const QString hash = PasswordHasher::hash(QStringLiteral("benchmark password"));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QStringList tokens;
    (*db)->begin();
    for (int i = 0; i < users; ++i) {
        auto user = (*db)->createUser(QStringLiteral("user%1").arg(i), hash, now);
        if (!user)
            qFatal("cannot seed users: %s", qPrintable(user.error().message));
        const QString token = SessionToken::generate();
        (*db)->createSession({ SessionToken::hash(token), user->id, now, now + 86400000LL * 30 });
        tokens.append(token);
    }
    (*db)->commit();
    return tokens;
}

qint64 BenchSetup::seedRoom(const QString& name, qint64 messages, const QList<qint64>& members)
{
    auto db = StoreDb::open(databaseConfig(databasePath()), QStringLiteral("bench-seed-room"));
    if (!db || !(*db)->migrate())
        qFatal("cannot open the benchmark database");
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    (*db)->begin();
    auto room = (*db)->createGroupRoom(name, members.first(), now);
    if (!room)
        qFatal("cannot create the room: %s", qPrintable(room.error().message));
    for (qint64 member : members)
        (*db)->addMember(room->id, member, now);
    (*db)->commit();
    const qint64 chunk = 20000;
    for (qint64 done = 0; done < messages; done += chunk) {
        QStringList bodies;
        const qint64 count = std::min(chunk, messages - done);
        bodies.reserve(count);
        for (qint64 i = 0; i < count; ++i)
            bodies.append(
                QStringLiteral("seeded message %1: the quick brown fox jumps over the lazy dog").arg(done + i));
        (*db)->begin();
        auto imported = (*db)->importMessages(room->id, members.first(), bodies, now - (messages - done) * 1000);
        if (!imported)
            qFatal("cannot import messages: %s", qPrintable(imported.error().message));
        (*db)->commit();
    }
    return room->id;
}

bool BenchSetup::startServer(const QString& extraIni)
{
    QFile ini(m_dir.filePath(QStringLiteral("server.ini")));
    ini.open(QIODevice::WriteOnly | QIODevice::Truncate);
    ini.write("[server]\nhost=127.0.0.1\nport=0\n[database]\npath=chat.sqlite3\n"
              "[limits]\nmessages_per_second=1000000\nmessage_burst=1000000\n"
              "[security]\nlogin_attempts_per_address=1000000\nsignups_per_address_per_hour=1000000\n"
              "[connections]\nmax_connections=100000\n");
    ini.write(extraIni.toUtf8());
    ini.close();
    m_server.setProgram(QStringLiteral(CHAT_SERVER_BINARY));
    m_server.setArguments({ QStringLiteral("--config"), ini.fileName() });
    m_server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    const QString pin = qEnvironmentVariable("BENCH_SERVER_CPU");
    if (!pin.isEmpty()) { // separate cores for server and load, as in a fair run
        m_server.setProgram(QStringLiteral("taskset"));
        m_server.setArguments(
            QStringList { QStringLiteral("-c"), pin, QStringLiteral(CHAT_SERVER_BINARY) } + m_server.arguments());
    }
    m_server.start();
    QString output;
    static const QRegularExpression listening(QStringLiteral("listening on (ws://\\S+)"));
    QDeadlineTimer deadline(30000);
    while (!deadline.hasExpired() && m_server.state() != QProcess::NotRunning) {
        m_server.waitForReadyRead(100);
        output += QString::fromUtf8(m_server.readAllStandardOutput());
        const QRegularExpressionMatch match = listening.match(output);
        if (match.hasMatch()) {
            m_url = QUrl(match.captured(1));
            return true;
        }
    }
    return false;
}

void BenchSetup::stopServer()
{
    if (m_server.state() == QProcess::NotRunning)
        return;
    m_server.terminate();
    if (!m_server.waitForFinished(30000))
        m_server.kill();
}

qint64 BenchSetup::serverRssKiB() const
{
    // With taskset the server is the child of the process we started.
    qint64 pid = m_server.processId();
    QFile children(QStringLiteral("/proc/%1/task/%1/children").arg(pid));
    if (children.open(QIODevice::ReadOnly)) {
        const QByteArray child = children.readAll().trimmed();
        if (!child.isEmpty() && m_server.program() == QLatin1String("taskset"))
            pid = child.split(' ').first().toLongLong();
    }
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

Percentiles Percentiles::of(QList<double> samples)
{
    Percentiles p;
    if (samples.isEmpty())
        return p;
    std::sort(samples.begin(), samples.end());
    auto at = [&samples](double q) {
        return samples.at(std::min<qsizetype>(samples.size() - 1, qsizetype(std::ceil(q * samples.size())) - 1));
    };
    p.p50 = at(0.50);
    p.p90 = at(0.90);
    p.p99 = at(0.99);
    p.p999 = at(0.999);
    p.max = samples.last();
    return p;
}

QString Percentiles::toString(const QString& unit) const
{
    return QStringLiteral("p50 %1 %6, p90 %2 %6, p99 %3 %6, p99.9 %4 %6, max %5 %6")
        .arg(p50, 0, 'f', 3)
        .arg(p90, 0, 'f', 3)
        .arg(p99, 0, 'f', 3)
        .arg(p999, 0, 'f', 3)
        .arg(max, 0, 'f', 3)
        .arg(unit);
}
