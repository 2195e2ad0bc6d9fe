#include "ClusterFixture.h"

#include "LoopbackPort.h"

#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTest>

namespace chat::test {

ClusterNode::ClusterNode(const QString& name, const QString& ini)
    : m_name(name)
{
    QFile file(configPath());
    file.open(QIODevice::WriteOnly | QIODevice::Truncate);
    file.write(ini.toUtf8());
    m_process.setProgram(QStringLiteral(CHAT_SERVER_BINARY));
    m_process.setArguments({ QStringLiteral("--config"), configPath() });
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    QObject::connect(&m_process, &QProcess::readyReadStandardOutput,
        [this] { m_output += QString::fromUtf8(m_process.readAllStandardOutput()); });
    QObject::connect(&m_process, &QProcess::readyReadStandardError,
        [this] { m_output += QString::fromUtf8(m_process.readAllStandardError()); });
}

ClusterNode::~ClusterNode()
{
    if (isRunning()) {
        m_process.kill();
        m_process.waitForFinished();
    }
}

bool ClusterNode::start(int timeoutMs)
{
    m_output.clear();
    m_process.start();
    const bool ready = QTest::qWaitFor(
        [this] { return m_output.contains(QStringLiteral("listening on")) || !isRunning(); }, timeoutMs);
    return ready && isRunning();
}

void ClusterNode::kill()
{
    m_process.kill();
    m_process.waitForFinished();
}

int ClusterNode::terminate()
{
    m_process.terminate();
    if (!m_process.waitForFinished(30000) || m_process.exitStatus() != QProcess::NormalExit)
        return -1;
    return m_process.exitCode();
}

QUrl ClusterNode::url() const
{
    return QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(m_wsPort));
}

int ClusterNode::runAdmin(const QStringList& words, const QString& input) const
{
    QProcess admin;
    admin.start(QStringLiteral(CHAT_SERVER_BINARY), QStringList { QStringLiteral("--config"), configPath() } + words);
    admin.write(input.toUtf8());
    admin.closeWriteChannel();
    if (!admin.waitForFinished(30000))
        return -1;
    return admin.exitStatus() == QProcess::NormalExit ? admin.exitCode() : -1;
}

ClusterFixture::ClusterFixture() = default;

ClusterFixture::~ClusterFixture()
{
    m_haproxy.reset();
    m_nodes.clear();
}

bool ClusterFixture::fail(const QString& error)
{
    m_error = error;
    return false;
}

bool ClusterFixture::start(int nodeCount)
{
    m_postgres.setServerSetting(QStringLiteral("fsync"), QStringLiteral("off")); // a test, not a power cut
    if (!m_postgres.initialize())
        return fail(QStringLiteral("PostgreSQL: ") + m_postgres.errorString());
    if (!m_redis.start())
        return fail(QStringLiteral("redis-server: ") + m_redis.errorString());
    QList<HaproxyBackend> backends;
    for (int i = 0; i < nodeCount; ++i) {
        const QString name = QStringLiteral("node-%1").arg(i);
        const quint16 wsPort = freeLoopbackPort();
        const quint16 httpPort = freeLoopbackPort();
        const QString ini
            = QStringLiteral(
                "[server]\nhost=127.0.0.1\nport=%1\nname=%7\n"
                "[database]\ndriver=postgres\nhost=127.0.0.1\nport=%2\nname=%3\nuser=%4\npassword_file=%5\n"
                "sslmode=disable\n"
                "[cluster]\nredis=%6\nnode=%7\n"
                "[http]\nenabled=true\nhost=127.0.0.1\nport=%8\n"
                "[limits]\nmessages_per_second=1000\nmessage_burst=1000\n"
                "[files]\npath=%9\n"
                // Every test user signs up from 127.0.0.1, and signups are counted cluster-wide; that address is
                // known to every account, so known addresses are off for the per-account limit to hold it.
                "[security]\nlogin_attempts_per_account=3\nsignups_per_address_per_hour=1000\n"
                "login_known_address_days=0\n")
                  .arg(wsPort)
                  .arg(m_postgres.port())
                  .arg(m_postgres.databaseName(), m_postgres.user(), m_postgres.passwordFile(), m_redis.url(), name)
                  .arg(httpPort)
                  .arg(filesFolder());
        auto node = std::make_unique<ClusterNode>(name, ini);
        node->m_wsPort = wsPort;
        node->m_httpPort = httpPort;
        if (!node->start())
            return fail(QStringLiteral("%1 did not start: %2").arg(name, node->output()));
        backends.append({ wsPort, httpPort });
        m_nodes.push_back(std::move(node));
    }
    m_haproxy = std::make_unique<HaproxyProcess>(backends);
    if (!m_haproxy->start())
        return fail(QStringLiteral("HAProxy: ") + m_haproxy->errorString());
    return true;
}

QPair<int, QByteArray> ClusterFixture::httpGet(int nodeIndex, const QString& path)
{
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(node(nodeIndex).httpPort()).arg(path)));
    request.setTransferTimeout(5000);
    QNetworkReply* reply = network.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    reply->deleteLater();
    return { status, body };
}

int ClusterFixture::healthStatus(int nodeIndex)
{
    return httpGet(nodeIndex, QStringLiteral("/healthz")).first;
}

double ClusterFixture::metric(int nodeIndex, const QByteArray& name)
{
    const QList<QByteArray> lines = httpGet(nodeIndex, QStringLiteral("/metrics")).second.split('\n');
    for (const QByteArray& line : lines) {
        if (line.startsWith(QByteArray(name).append(' ')))
            return line.mid(name.size() + 1).toDouble();
    }
    return -1;
}

} // namespace chat::test
