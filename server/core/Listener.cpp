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
// The child object that holds a connection's place in ConnectionsPerAddress, and whether the connection is over
// its address's limit (then it is upgraded only to be closed with a reason).
constexpr const char* CountedPlaceName = "chatConnectionPlace";
constexpr const char* RefusedProperty = "chatRefusedForAddress";

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
    , m_perAddress(config.connection.maxConnectionsPerAddress)
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
        // Whoever drops it (a deadline, a bad PROXY header, the peer), a closed socket does not stay behind.
        connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
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
        } else if (admit(socket, socket, socket->peerAddress().toString())) {
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
    // An UNKNOWN header is the balancer's own health check: it counts against the balancer's address.
    if (admit(socket, socket, client->isNull() ? socket->peerAddress().toString() : client->toString()))
        upgrade(socket);
}

bool Listener::admit(QObject* connection, QAbstractSocket* socket, const QString& address)
{
    const ConnectionsPerAddress::Verdict verdict = m_perAddress.admit(address);
    if (verdict == ConnectionsPerAddress::Verdict::Drop) {
        qCWarning(lcServer) << "dropping a connection: far too many from" << address;
        if (socket)
            socket->abort();
        return false;
    }
    // The count is held by a child of the connection, moved to the WebSocket once upgraded: a QWebSocket
    // disconnects every signal of the socket it takes over, the socket's destroyed() included.
    auto* place = new QObject(connection);
    place->setObjectName(QLatin1String(CountedPlaceName));
    place->setProperty(RefusedProperty, verdict == ConnectionsPerAddress::Verdict::Refuse);
    connect(place, &QObject::destroyed, this, [this, address] { m_perAddress.release(address); });
    if (verdict == ConnectionsPerAddress::Verdict::Refuse)
        qCInfo(lcServer) << "refusing a connection: too many from" << address;
    return true;
}

void Listener::refuse(QWebSocket* socket)
{
    // Upgraded only to say why: the client hears the close code and reason, then the socket goes.
    connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
    QTimer::singleShot(m_config.connection.handshakeTimeoutMs, socket, [socket] {
        socket->abort();
        socket->deleteLater();
    });
    socket->close(QWebSocketProtocol::CloseCodePolicyViolated,
        QStringLiteral("too many connections from your address (at most %1)")
            .arg(m_config.connection.maxConnectionsPerAddress));
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
        } else if (!admit(socket, nullptr, socket->peerAddress().toString())) {
            // wss:// is accepted inside QWebSocketServer: the count starts once the TLS handshake is done.
            socket->abort();
            socket->deleteLater();
            continue;
        }
        auto* place = (transport ? static_cast<QObject*>(transport) : socket)
                          ->findChild<QObject*>(QLatin1String(CountedPlaceName), Qt::FindDirectChildrenOnly);
        if (place && transport)
            place->setParent(socket);
        if (place && place->property(RefusedProperty).toBool()) {
            refuse(socket);
            continue;
        }
        Q_EMIT connectionUpgraded(socket, transport);
    }
}

} // namespace chat::server
