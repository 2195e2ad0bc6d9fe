#include "Listener.h"

#include "Logging.h"
#include "ProxyHeader.h"

#include <QFile>
#include <QPointer>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QTcpSocket>
#include <QTimer>
#include <QWebSocket>

namespace chat::server {

namespace {
QString endpointKey(const QHostAddress& address, quint16 port)
{
    return address.toString() + QLatin1Char(':') + QString::number(port);
}
} // namespace

Listener::Listener(const ServerConfig& config, QObject* parent)
    : QObject(parent)
    , m_config(config)
    , m_webSockets(std::make_unique<QWebSocketServer>(QStringLiteral("chat-server/" CHAT_VERSION),
          config.tls.enabled() ? QWebSocketServer::SecureMode : QWebSocketServer::NonSecureMode))
{
    m_webSockets->setHandshakeTimeout(config.connection.handshakeTimeoutMs);
    m_webSockets->setMaxPendingConnections(1 << 16);
    connect(m_webSockets.get(), &QWebSocketServer::newConnection, this, &Listener::takeUpgraded);
    connect(m_webSockets.get(), &QWebSocketServer::serverError, this, [](QWebSocketProtocol::CloseCode code) {
        qCInfo(lcServer) << "refused a WebSocket handshake, close code" << int(code);
    });
    m_tcp.setListenBacklogSize(4096);
    m_tcp.setMaxPendingConnections(1 << 16);
    connect(&m_tcp, &QTcpServer::pendingConnectionAvailable, this, &Listener::acceptPending);
}

Listener::~Listener()
{
    close();
}

Expected<bool, QString> Listener::configureTls()
{
    QFile certificateFile(m_config.tls.certificate);
    QFile keyFile(m_config.tls.privateKey);
    if (!certificateFile.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot read TLS certificate %1: %2")
            .arg(certificateFile.fileName(), certificateFile.errorString());
    if (!keyFile.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot read TLS private key %1: %2").arg(keyFile.fileName(), keyFile.errorString());
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certificateFile.readAll(), QSsl::Pem);
    if (chain.isEmpty())
        return QStringLiteral("no PEM certificate in %1").arg(m_config.tls.certificate);
    const QByteArray keyPem = keyFile.readAll();
    QSslKey key(keyPem, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(keyPem, QSsl::Ec, QSsl::Pem);
    if (key.isNull())
        return QStringLiteral("no PEM RSA or EC private key in %1").arg(m_config.tls.privateKey);
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificateChain(chain);
    tls.setPrivateKey(key);
    tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    m_webSockets->setSslConfiguration(tls);
    return true;
}

Expected<bool, QString> Listener::listen()
{
    QHostAddress address;
    if (m_config.host == QLatin1String("localhost"))
        address = QHostAddress::LocalHost;
    else if (!address.setAddress(m_config.host))
        return QStringLiteral("cannot listen on \"%1\": not an IP address").arg(m_config.host);

    if (isSecure()) {
        if (auto tls = configureTls(); !tls)
            return tls.error();
        if (!m_webSockets->listen(address, m_config.port))
            return QStringLiteral("cannot listen on %1:%2: %3")
                .arg(m_config.host)
                .arg(m_config.port)
                .arg(m_webSockets->errorString());
        return true;
    }
    if (!m_tcp.listen(address, m_config.port))
        return QStringLiteral("cannot listen on %1:%2: %3")
            .arg(m_config.host)
            .arg(m_config.port)
            .arg(m_tcp.errorString());
    return true;
}

void Listener::close()
{
    m_tcp.close();
    m_webSockets->close();
}

quint16 Listener::port() const
{
    return isSecure() ? m_webSockets->serverPort() : m_tcp.serverPort();
}

void Listener::acceptPending()
{
    while (QTcpSocket* socket = m_tcp.nextPendingConnection()) {
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        // QWebSocketServer 6.4 applies its handshake timeout only to sockets it accepted itself.
        const QString key = endpointKey(socket->peerAddress(), socket->peerPort());
        QPointer<QTcpSocket> guard(socket);
        m_accepted.insert(key, guard);
        QTimer::singleShot(m_config.connection.handshakeTimeoutMs, this, [this, guard, key] {
            m_accepted.remove(key);
            if (m_upgraded.remove(key) || !guard)
                return;
            qCInfo(lcServer) << "a connection did not finish its WebSocket handshake in time; dropping it";
            guard->abort();
        });
        if (m_config.proxyProtocol) {
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { readProxyHeader(socket); });
            readProxyHeader(socket);
        } else {
            upgrade(socket);
        }
    }
}

void Listener::readProxyHeader(QTcpSocket* socket)
{
    if (!socket->canReadLine()) {
        if (socket->bytesAvailable() > ProxyHeader::MaxLength) {
            qCWarning(lcServer) << "a connection did not start with a PROXY header; dropping it";
            socket->abort();
        }
        return;
    }
    socket->disconnect(this); // the header is read once; the WebSocket handshake follows
    const std::optional<QHostAddress> client = ProxyHeader::parse(socket->readLine(ProxyHeader::MaxLength + 1));
    if (!client) {
        qCWarning(lcServer) << "a connection sent a malformed PROXY header; dropping it";
        socket->abort();
        return;
    }
    if (!client->isNull())
        socket->setProperty(ClientAddressProperty, client->toString());
    upgrade(socket);
}

void Listener::upgrade(QTcpSocket* socket)
{
    m_webSockets->handleConnection(socket);
}

void Listener::takeUpgraded()
{
    while (QWebSocket* socket = m_webSockets->nextPendingConnection()) {
        QTcpSocket* transport = nullptr;
        if (!isSecure()) {
            const QString key = endpointKey(socket->peerAddress(), socket->peerPort());
            m_upgraded.insert(key);
            transport = m_accepted.take(key).data();
        }
        Q_EMIT connectionUpgraded(socket, transport);
    }
}

} // namespace chat::server
