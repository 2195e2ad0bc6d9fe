#pragma once

#include "Expected.h"

#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

class QHttpServer;
class QHttpServerResponse;
class QTcpServer;

namespace chat::server {

class Metrics;

// One dependency's state as the health probe sees it, e.g. {"redis", false, "connection refused"}.
struct HealthCheck {
    QString name;
    bool ok = true;
    QString detail; // why it is down; shown to whoever asks /healthz, so no secrets
};

// Answers synchronously on the event loop: keep it to cached state, never a round trip.
using HealthProbe = std::function<QList<HealthCheck>()>;

// The HTTP listener for load balancers and Prometheus (Qt HttpServer, a tech preview in 6.4, so kept
// small): GET /healthz is 200 when every check is ok and 503 naming what is down; GET /metrics renders
// the Metrics; everything else is 404.
class HttpEndpoint : public QObject {
    Q_OBJECT
public:
    HttpEndpoint(const Metrics& metrics, HealthProbe health, QObject* parent = nullptr);
    ~HttpEndpoint() override;

    // host: an IP address or "localhost"; port 0 picks a free port. Returns the bound port.
    Expected<quint16, QString> listen(const QString& host, quint16 port);
    quint16 port() const { return m_port; }
    QString url() const; // http://HOST:PORT, empty before listen()

private:
    QHttpServerResponse healthResponse() const;
    QHttpServerResponse metricsResponse() const;

    const Metrics& m_metrics;
    HealthProbe m_health;
    std::unique_ptr<QHttpServer> m_server;
    QString m_host;
    quint16 m_port = 0;
};

} // namespace chat::server
