#include "observability/HttpEndpoint.h"
#include "observability/Metrics.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpServer>
#include <QTest>

#include <memory>

using namespace chat::server;

namespace {

struct Answer {
    int status = 0;
    QByteArray contentType;
    QByteArray body;
};

} // namespace

class HttpEndpointTest : public QObject {
    Q_OBJECT

private:
    Metrics m_metrics;
    bool m_storeUp = true;
    bool m_redisUp = true;
    std::unique_ptr<HttpEndpoint> m_endpoint;
    QNetworkAccessManager m_network;

    Answer request(const QString& path, const QByteArray& verb = "GET")
    {
        QNetworkRequest request(QUrl(m_endpoint->url() + path));
        std::unique_ptr<QNetworkReply> reply(m_network.sendCustomRequest(request, verb));
        if (!QTest::qWaitFor([&reply] { return reply->isFinished(); }, 5000))
            return {};
        return { reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
            reply->header(QNetworkRequest::ContentTypeHeader).toByteArray(), reply->readAll() };
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_metrics.counter("chat_messages_total", QStringLiteral("Messages committed.")).increment(7);
        m_endpoint = std::make_unique<HttpEndpoint>(m_metrics, [this] {
            return QList<HealthCheck> { { QStringLiteral("store"), m_storeUp, QStringLiteral("database unreachable") },
                { QStringLiteral("redis"), m_redisUp, QStringLiteral("connection refused") } };
        });
        const auto port = m_endpoint->listen(QStringLiteral("127.0.0.1"), 0);
        QVERIFY2(port.ok(), port.ok() ? "" : qPrintable(port.error()));
        QVERIFY(*port != 0);
        QCOMPARE(m_endpoint->port(), *port);
        QCOMPARE(m_endpoint->url(), QStringLiteral("http://127.0.0.1:%1").arg(*port));
    }

    void init() { m_storeUp = m_redisUp = true; }

    void healthzIs200WhenEverythingIsUp()
    {
        const Answer answer = request(QStringLiteral("/healthz"));
        QCOMPARE(answer.status, 200);
        QVERIFY2(answer.contentType.startsWith("application/json"), answer.contentType);
        const QJsonObject body = QJsonDocument::fromJson(answer.body).object();
        QCOMPARE(body.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        QCOMPARE(body.value(QStringLiteral("checks")).toObject().value(QStringLiteral("redis")).toString(),
            QStringLiteral("ok"));
    }

    void healthzIs503NamingWhatIsDown()
    {
        m_redisUp = false;
        const Answer answer = request(QStringLiteral("/healthz"));
        QCOMPARE(answer.status, 503);
        const QJsonObject body = QJsonDocument::fromJson(answer.body).object();
        QCOMPARE(body.value(QStringLiteral("status")).toString(), QStringLiteral("unavailable"));
        QCOMPARE(body.value(QStringLiteral("down")).toArray(), QJsonArray { QStringLiteral("redis") });
        const QJsonObject checks = body.value(QStringLiteral("checks")).toObject();
        QCOMPARE(checks.value(QStringLiteral("redis")).toString(), QStringLiteral("connection refused"));
        QCOMPARE(checks.value(QStringLiteral("store")).toString(), QStringLiteral("ok"));

        m_storeUp = false;
        const QJsonObject both = QJsonDocument::fromJson(request(QStringLiteral("/healthz")).body).object();
        QCOMPARE(both.value(QStringLiteral("down")).toArray(),
            QJsonArray({ QStringLiteral("store"), QStringLiteral("redis") }));
    }

    void metricsAreInPrometheusTextFormat()
    {
        const Answer answer = request(QStringLiteral("/metrics"));
        QCOMPARE(answer.status, 200);
        QVERIFY2(answer.contentType.startsWith("text/plain; version=0.0.4"), answer.contentType);
        QCOMPARE(answer.body, m_metrics.render());
        QVERIFY(answer.body.contains("chat_messages_total 7\n"));
    }

    void otherPathsAre404_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("root") << QStringLiteral("/");
        QTest::newRow("unknown") << QStringLiteral("/status");
        QTest::newRow("below healthz") << QStringLiteral("/healthz/extra");
        QTest::newRow("prefix") << QStringLiteral("/metricsx");
    }
    void otherPathsAre404()
    {
        QFETCH(QString, path);
        QCOMPARE(request(path).status, 404);
    }

    void onlyGetIsAnswered() { QVERIFY(request(QStringLiteral("/healthz"), "POST").status >= 400); }

    void listenNamesTheProblem()
    {
        HttpEndpoint other(m_metrics, {});
        const auto taken = other.listen(QStringLiteral("127.0.0.1"), m_endpoint->port());
        QVERIFY(!taken.ok());
        QVERIFY2(taken.error().contains(QString::number(m_endpoint->port())), qPrintable(taken.error()));
        const auto notAnAddress = other.listen(QStringLiteral("example.com"), 0);
        QVERIFY(!notAnAddress.ok());
        QVERIFY2(notAnAddress.error().contains(QLatin1String("example.com")), qPrintable(notAnAddress.error()));
    }
};

QTEST_GUILESS_MAIN(HttpEndpointTest)
#include "tst_httpendpoint.moc"
