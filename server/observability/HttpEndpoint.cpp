#include "HttpEndpoint.h"

#include "Metrics.h"
#include "ObservabilityLogging.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonObject>
#include <QTcpServer>

namespace chat::server {

HttpEndpoint::HttpEndpoint(const Metrics& metrics, HealthProbe health, QObject* parent)
    : QObject(parent)
    , m_metrics(metrics)
    , m_health(std::move(health))
    , m_server(std::make_unique<QHttpServer>())
{
    m_server->route(QStringLiteral("/healthz"), QHttpServerRequest::Method::Get,
        [this](const QHttpServerRequest&) -> QHttpServerResponse { return healthResponse(); });
    m_server->route(QStringLiteral("/metrics"), QHttpServerRequest::Method::Get,
        [this](const QHttpServerRequest&) -> QHttpServerResponse { return metricsResponse(); });
}

HttpEndpoint::~HttpEndpoint() = default;

Expected<quint16, QString> HttpEndpoint::listen(const QString& host, quint16 port)
{
    QHostAddress address;
    if (host == QLatin1String("localhost"))
        address = QHostAddress::LocalHost;
    else if (!address.setAddress(host))
        return QStringLiteral("cannot listen for HTTP on \"%1\": not an IP address").arg(host);
    auto* tcp = new QTcpServer(m_server.get());
    if (!tcp->listen(address, port)) {
        const QString error
            = QStringLiteral("cannot listen for HTTP on %1:%2: %3").arg(host).arg(port).arg(tcp->errorString());
        delete tcp;
        return error;
    }
    m_server->bind(tcp);
    m_host = host;
    m_port = tcp->serverPort();
    qCInfo(lcHttp).noquote() << "health and metrics on" << url();
    return m_port;
}

QString HttpEndpoint::url() const
{
    if (m_port == 0)
        return {};
    const bool v6 = m_host.contains(QLatin1Char(':'));
    return QStringLiteral("http://%1:%2").arg(v6 ? QLatin1Char('[') + m_host + QLatin1Char(']') : m_host).arg(m_port);
}

QHttpServerResponse HttpEndpoint::healthResponse() const
{
    const QList<HealthCheck> checks = m_health ? m_health() : QList<HealthCheck> {};
    QJsonObject states;
    QJsonArray down;
    for (const HealthCheck& check : checks) {
        states.insert(check.name,
            check.ok                     ? QStringLiteral("ok")
                : check.detail.isEmpty() ? QStringLiteral("down")
                                         : check.detail);
        if (!check.ok)
            down.append(check.name);
    }
    QJsonObject body { { QStringLiteral("status"),
                           down.isEmpty() ? QStringLiteral("ok") : QStringLiteral("unavailable") },
        { QStringLiteral("checks"), states } };
    if (down.isEmpty())
        return QHttpServerResponse(body);
    body.insert(QStringLiteral("down"), down);
    qCDebug(lcHttp) << "healthz: unavailable," << down.toVariantList();
    return QHttpServerResponse(body, QHttpServerResponse::StatusCode::ServiceUnavailable);
}

QHttpServerResponse HttpEndpoint::metricsResponse() const
{
    return QHttpServerResponse(QByteArray(Metrics::ContentType), m_metrics.render());
}

} // namespace chat::server
