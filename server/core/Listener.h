#pragma once

#include "Expected.h"
#include "config/ServerConfig.h"
#include "limits/ConnectionsPerAddress.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTcpServer>
#include <QWebSocketServer>

#include <memory>

namespace chat::server {

// Accepts TCP connections and upgrades them to WebSockets. Plain ws:// accepts through its own QTcpServer so
// that TCP_NODELAY is set on every socket (QtWebSockets 6.4 does not); wss:// uses QWebSocketServer's TLS.
class Listener : public QObject {
    Q_OBJECT
public:
    explicit Listener(const ServerConfig& config, QObject* parent = nullptr);
    ~Listener() override;

    Expected<bool, QString> listen();
    void close();
    quint16 port() const;
    bool isSecure() const { return m_config.tls.enabled(); }

    // The transport property naming the client behind a balancer (from the PROXY header), when there is one.
    static constexpr const char* ClientAddressProperty = "chatClientAddress";

Q_SIGNALS:
    // `transport` is the TCP socket under a ws:// connection (null under wss://, where Qt owns it).
    void connectionUpgraded(QWebSocket* socket, QAbstractSocket* transport);

private:
    Expected<bool, QString> configureTls();
    void acceptPending();
    void upgrade(QTcpSocket* socket);
    // Counts the connection against its address's limit (ConnectionsPerAddress); false when it was dropped.
    bool admit(QObject* connection, QAbstractSocket* socket, const QString& address);
    void refuse(QWebSocket* socket);
    void readProxyHeader(QTcpSocket* socket);
    void takeUpgraded();

    const ServerConfig& m_config;
    std::unique_ptr<QWebSocketServer> m_webSockets;
    QTcpServer m_tcp;
    // "address:port" of accepted sockets that completed the upgrade before their handshake deadline.
    QSet<QString> m_upgraded;
    // Accepted sockets by "address:port" until their upgrade (or handshake deadline).
    QHash<QString, QPointer<QTcpSocket>> m_accepted;
    ConnectionsPerAddress m_perAddress;
};

} // namespace chat::server
