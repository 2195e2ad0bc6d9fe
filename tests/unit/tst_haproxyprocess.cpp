#include "HaproxyProcess.h"
#include "observability/HttpEndpoint.h"
#include "observability/Metrics.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>

#include <memory>

using namespace chat::server;
using chat::test::HaproxyBackend;
using chat::test::HaproxyProcess;

// HaproxyProcess in front of a stand-in node whose HttpEndpoint serves both ports, so that the health
// checks (GET /healthz, fall 2, rise 1) can be watched taking the node out of rotation and back.
class HaproxyProcessTest : public QObject {
    Q_OBJECT

private:
    QNetworkAccessManager m_network;

    int statusThroughProxy(const HaproxyProcess& haproxy, const QString& path)
    {
        QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(haproxy.port()).arg(path)));
        std::unique_ptr<QNetworkReply> reply(m_network.get(request));
        if (!QTest::qWaitFor([&reply] { return reply->isFinished(); }, 5000))
            return 0;
        return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    }

private Q_SLOTS:
    void configHasTheAgreedSettings()
    {
        const QByteArray config = HaproxyProcess::config({ { 7001, 7101 }, { 7002, 7102 } }, 9000);
        QVERIFY(config.contains("bind 127.0.0.1:9000"));
        QVERIFY(config.contains("balance leastconn"));
        QVERIFY(config.contains("option httpchk GET /healthz"));
        QVERIFY(config.contains("http-check expect status 200"));
        QVERIFY(config.contains("inter 500ms fall 2 rise 1"));
        QVERIFY(config.contains("timeout tunnel 1h"));
        QVERIFY(config.contains("server node1 127.0.0.1:7001 check port 7101"));
        QVERIFY(config.contains("server node2 127.0.0.1:7002 check port 7102"));
    }

    void unhealthyNodeLeavesTheRotationAndComesBack()
    {
        Metrics metrics;
        bool healthy = true;
        HttpEndpoint node(metrics, [&healthy] {
            return QList<HealthCheck> { { QStringLiteral("store"), healthy, {} } };
        });
        const auto port = node.listen(QStringLiteral("127.0.0.1"), 0);
        QVERIFY(port.ok());

        HaproxyProcess haproxy({ { *port, *port } });
        QVERIFY2(haproxy.start(), qPrintable(haproxy.errorString()));
        QVERIFY(haproxy.isRunning());
        QCOMPARE(haproxy.url(), QStringLiteral("ws://127.0.0.1:%1").arg(haproxy.port()));
        QTRY_COMPARE_WITH_TIMEOUT(statusThroughProxy(haproxy, QStringLiteral("/metrics")), 200, 10000);

        healthy = false; // haproxy answers 503 itself once no server is up
        QTRY_COMPARE_WITH_TIMEOUT(statusThroughProxy(haproxy, QStringLiteral("/metrics")), 503, 10000);
        healthy = true;
        QTRY_COMPARE_WITH_TIMEOUT(statusThroughProxy(haproxy, QStringLiteral("/metrics")), 200, 10000);

        haproxy.stop();
        QVERIFY(!haproxy.isRunning());
    }
};

QTEST_GUILESS_MAIN(HaproxyProcessTest)
#include "tst_haproxyprocess.moc"
