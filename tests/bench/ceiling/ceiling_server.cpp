// The ceiling: a minimal QtWebSockets broadcast server. A client's room is the path of the URL it
// connects to (ws://host:port/room-7); each text frame it sends goes to the other members of its room.
// The path /echo/... answers each frame to its sender instead: the floor under any request/response.
// Same stack and settings as chat-server (Qt's UNIX dispatcher, TCP_NODELAY, own accept), nothing else.
// Usage: ceiling-server [port]   (prints "ceiling-server listening on ws://127.0.0.1:PORT")
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTextStream>
#include <QWebSocket>
#include <QWebSocketServer>

#include <csignal>
#include <sys/resource.h>
#include <unistd.h>

namespace {

int quitPipe[2];

class CeilingServer : public QObject {
public:
    CeilingServer()
        : m_webSockets(QStringLiteral("ceiling-server"), QWebSocketServer::NonSecureMode)
    {
        m_tcp.setListenBacklogSize(4096);
        m_tcp.setMaxPendingConnections(1 << 16);
        m_webSockets.setMaxPendingConnections(1 << 16);
        connect(&m_tcp, &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket* socket = m_tcp.nextPendingConnection()) {
                socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
                m_webSockets.handleConnection(socket);
            }
        });
        connect(&m_webSockets, &QWebSocketServer::newConnection, this, [this] {
            while (QWebSocket* socket = m_webSockets.nextPendingConnection())
                join(socket);
        });
    }

    bool listen(quint16 port) { return m_tcp.listen(QHostAddress::LocalHost, port); }
    quint16 port() const { return m_tcp.serverPort(); }

private:
    void join(QWebSocket* socket)
    {
        const QString room = socket->requestUrl().path();
        if (room.startsWith(QLatin1String("/echo"))) {
            connect(socket, &QWebSocket::textMessageReceived, socket,
                [socket](const QString& text) { socket->sendTextMessage(text); });
        } else {
            m_rooms[room].append(socket);
            connect(socket, &QWebSocket::textMessageReceived, socket, [this, socket, room](const QString& text) {
                for (QWebSocket* member : std::as_const(m_rooms[room])) {
                    if (member != socket)
                        member->sendTextMessage(text);
                }
            });
        }
        connect(socket, &QWebSocket::disconnected, this, [this, socket, room] {
            m_rooms[room].removeOne(socket);
            socket->deleteLater();
        });
    }

    QTcpServer m_tcp;
    QWebSocketServer m_webSockets;
    QHash<QString, QList<QWebSocket*>> m_rooms;
};

} // namespace

int main(int argc, char* argv[])
{
    qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    rlimit limit {};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
    // SIGTERM ends the event loop cleanly, like chat-server.
    if (pipe(quitPipe) != 0)
        return 1;
    std::signal(SIGTERM, [](int) { [[maybe_unused]] auto n = write(quitPipe[1], "q", 1); });
    QSocketNotifier quitNotifier(quitPipe[0], QSocketNotifier::Read);
    QObject::connect(&quitNotifier, &QSocketNotifier::activated, &app, &QCoreApplication::quit);

    CeilingServer server;
    if (!server.listen(quint16(app.arguments().value(1, QStringLiteral("0")).toUInt()))) {
        QTextStream(stderr) << "ceiling-server: cannot listen\n";
        return 1;
    }
    QTextStream(stdout) << "ceiling-server listening on ws://127.0.0.1:" << server.port() << Qt::endl;
    return app.exec();
}
