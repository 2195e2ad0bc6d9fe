// The limits that keep one client (or one attacker) from taking the server from everyone else, against a real
// server on loopback: connections per address, unauthenticated and stalled connections, signups per address,
// and the login throttle that bounds guesses at an account while its owner still gets in. Behind a balancer
// (PROXY protocol) every per-address limit counts the client the header names.
#include "Fixtures.h"
#include "RawWebSocket.h"

#include <QJsonDocument>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

using namespace chat;
using namespace chat::test;
namespace key = protocol::key;
namespace method = protocol::method;

namespace {

const QString OwnerAddress = QStringLiteral("203.0.113.10");
const QString AttackerAddress = QStringLiteral("198.51.100.1");
const QString OtherAttackerAddress = QStringLiteral("198.51.100.2");
const QString NewOwnerAddress = QStringLiteral("192.0.2.77");

QByteArray proxyFrom(const QString& address)
{
    return "PROXY TCP4 " + address.toLatin1() + " 127.0.0.1 40000 7447\r\n";
}

QByteArray request(const QString& name, const QJsonObject& params)
{
    return QJsonDocument(
        QJsonObject { { QStringLiteral("jsonrpc"), QStringLiteral("2.0") }, { QStringLiteral("id"), 1 },
            { QStringLiteral("method"), name }, { QStringLiteral("params"), params } })
        .toJson(QJsonDocument::Compact);
}

QJsonObject credentials(const QString& username, const QString& password)
{
    return { { key::Username, username }, { key::Password, password } };
}

// What one request from `address` (as the PROXY header claims) got: "ok", an error reason, or what went wrong.
struct Outcome {
    QString reason;
    QJsonObject result;
    qint64 retryAfterMs = 0;
};

Outcome callFrom(const TestServer& server, const QString& address, const QString& name, const QJsonObject& params)
{
    RawWebSocket socket;
    if (!socket.open(server.url(), proxyFrom(address)))
        return { QStringLiteral("no upgrade") };
    socket.sendText(request(name, params));
    const std::optional<QJsonObject> answer = socket.readAnswer();
    if (!answer)
        return { QStringLiteral("no answer") };
    if (answer->contains(QStringLiteral("result")))
        return { QStringLiteral("ok"), answer->value(QStringLiteral("result")).toObject() };
    const QJsonObject data = answer->value(QStringLiteral("error")).toObject().value(QStringLiteral("data")).toObject();
    return { data.value(key::Reason).toString(), {}, data.value(key::RetryAfterMs).toInteger() };
}

QString reasonFrom(const TestServer& server, const QString& address, const QString& name, const QString& username,
    const QString& password)
{
    return callFrom(server, address, name, credentials(username, password)).reason;
}

} // namespace

class AbuseLimitsTest : public QObject {
    Q_OBJECT

    std::unique_ptr<TestServer> startServer(const std::function<void(server::ServerConfig&)>& tweak)
    {
        auto server = std::make_unique<TestServer>(tweak);
        if (!server->start())
            qWarning("%s", qPrintable(server->lastError()));
        return server;
    }

    // A new connection that got its server.hello; null when it was refused.
    static std::unique_ptr<TestClient> connected(const TestServer& server)
    {
        auto client = std::make_unique<TestClient>();
        if (!client->connectTo(server.url(), 5000))
            return nullptr;
        return client;
    }

private Q_SLOTS:
    void connectionsBeyondThePerAddressLimitAreRefusedWithAReason()
    {
        auto server = startServer([](server::ServerConfig& config) { config.connection.maxConnectionsPerAddress = 2; });
        QVERIFY(server->server());
        auto first = connected(*server);
        auto second = connected(*server);
        QVERIFY(first && second);

        TestClient third;
        third.open(server->url());
        QVERIFY(third.waitForDisconnected());
        QCOMPARE(third.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
        QVERIFY2(third.closeReason().contains(QLatin1String("too many connections from your address")),
            qPrintable(third.closeReason()));
        QVERIFY(third.hello().isEmpty());

        // The admitted ones are untouched, and a slot that frees up can be taken again.
        QVERIFY(first->signup(QStringLiteral("first")).ok());
        second->close();
        QVERIFY(second->waitForDisconnected());
        std::unique_ptr<TestClient> again; // QTRY_* evaluates once more after success: keep the first that got in
        QTRY_VERIFY_WITH_TIMEOUT(again || (again = connected(*server)), 20000);
        QVERIFY(again->signup(QStringLiteral("again")).ok());
    }

    void theConnectionLimitCountsTheClientBehindTheBalancer()
    {
        auto server = startServer([](server::ServerConfig& config) {
            config.proxyProtocol = true;
            config.connection.maxConnectionsPerAddress = 1;
        });
        QVERIFY(server->server());
        RawWebSocket first;
        QVERIFY(first.open(server->url(), proxyFrom(OwnerAddress)));
        QVERIFY(first.readText()); // server.hello

        RawWebSocket sameClient;
        QVERIFY(sameClient.open(server->url(), proxyFrom(OwnerAddress)));
        QVERIFY2(!sameClient.readText(), "a second connection of the same client was greeted instead of closed");

        // Another client behind the same balancer (the same TCP peer) is not held back.
        RawWebSocket otherClient;
        QVERIFY(otherClient.open(server->url(), proxyFrom(AttackerAddress)));
        QVERIFY(otherClient.readText());
    }

    void anUnauthenticatedConnectionIsClosedAfterTheAuthTimeout()
    {
        auto server = startServer([](server::ServerConfig& config) { config.connection.authTimeoutMs = 3000; });
        QVERIFY(server->server());
        auto signedIn = signedUpClient(*server, QStringLiteral("patient"));
        QVERIFY(signedIn);

        TestClient idle;
        QVERIFY(idle.connectTo(server->url()));
        QVERIFY(idle.waitForDisconnected(30000));
        QCOMPARE(idle.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
        QCOMPARE(idle.closeReason(), QStringLiteral("sign in took too long"));
        // Signed in before `idle` connected, so it has lived longer than the timeout, and stays.
        QVERIFY(signedIn->isConnected());
        QVERIFY(signedIn->call(method::UsersList).ok());
    }

    void aTcpConnectionThatNeverUpgradesIsDropped()
    {
        auto server = startServer([](server::ServerConfig& config) { config.connection.handshakeTimeoutMs = 300; });
        QVERIFY(server->server());
        QTcpSocket silent;
        silent.connectToHost(QHostAddress::LocalHost, server->port());
        QVERIFY(silent.waitForConnected());
        QTRY_COMPARE_WITH_TIMEOUT(silent.state(), QAbstractSocket::UnconnectedState, 20000);
        QVERIFY(connected(*server));
    }

    void aSlowlorisHandshakeIsDroppedAtTheDeadline_data()
    {
        QTest::addColumn<bool>("behindBalancer");
        QTest::addColumn<QByteArray>("start");
        QTest::newRow("partial HTTP request") << false << QByteArray("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        QTest::newRow("partial HTTP request after a PROXY header")
            << true << proxyFrom(AttackerAddress) + "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n";
        QTest::newRow("partial PROXY header") << true << QByteArray("PROXY TCP4 198.51");
    }
    void aSlowlorisHandshakeIsDroppedAtTheDeadline()
    {
        QFETCH(bool, behindBalancer);
        QFETCH(QByteArray, start);
        auto server = startServer([behindBalancer](server::ServerConfig& config) {
            config.proxyProtocol = behindBalancer;
            config.connection.handshakeTimeoutMs = 500;
        });
        QVERIFY(server->server());
        QTcpSocket slow;
        slow.connectToHost(QHostAddress::LocalHost, server->port());
        QVERIFY(slow.waitForConnected());
        slow.write(start);
        // One more byte every 50 ms, for ever: a deadline that restarted on progress would never come.
        const bool inProxyHeader = !start.contains("\r\n");
        QTimer trickle;
        connect(&trickle, &QTimer::timeout, &slow, [&slow, inProxyHeader] { slow.write(inProxyHeader ? "1" : "X"); });
        trickle.start(50);
        QTRY_COMPARE_WITH_TIMEOUT(slow.state(), QAbstractSocket::UnconnectedState, 20000);
        trickle.stop();
    }

    void signupsPerAddressAreLimitedPerHour()
    {
        auto server = startServer([](server::ServerConfig& config) {
            config.proxyProtocol = true;
            config.security.signupsPerAddressPerHour = 2;
        });
        QVERIFY(server->server());
        const QString password = QStringLiteral("correct horse");
        QCOMPARE(reasonFrom(*server, AttackerAddress, method::AuthSignup, QStringLiteral("bot1"), password),
            QStringLiteral("ok"));
        QCOMPARE(reasonFrom(*server, AttackerAddress, method::AuthSignup, QStringLiteral("bot2"), password),
            QStringLiteral("ok"));
        const Outcome third
            = callFrom(*server, AttackerAddress, method::AuthSignup, credentials(QStringLiteral("bot3"), password));
        QCOMPARE(third.reason, QStringLiteral("rate_limited"));
        QVERIFY(third.retryAfterMs > 0 && third.retryAfterMs <= 3600 * 1000);
        // Accounts made before the limit still sign in from there, and other addresses still sign up.
        QCOMPARE(reasonFrom(*server, AttackerAddress, method::AuthLogin, QStringLiteral("bot1"), password),
            QStringLiteral("ok"));
        QCOMPARE(reasonFrom(*server, OwnerAddress, method::AuthSignup, QStringLiteral("human"), password),
            QStringLiteral("ok"));
    }

    void guessesAtAnAccountAreBoundedWhileItsOwnerStillGetsIn()
    {
        auto server = startServer([](server::ServerConfig& config) {
            config.proxyProtocol = true;
            config.security.loginAttemptsPerAccount = 3;
        });
        QVERIFY(server->server());
        const QString alice = QStringLiteral("alice");
        const QString password = QStringLiteral("correct horse");
        const Outcome signup = callFrom(*server, OwnerAddress, method::AuthSignup, credentials(alice, password));
        QCOMPARE(signup.reason, QStringLiteral("ok"));
        const QString token = signup.result.value(key::Token).toString();

        for (int guess = 0; guess < 3; ++guess)
            QCOMPARE(
                reasonFrom(*server, AttackerAddress, method::AuthLogin, alice, QStringLiteral("guess %1").arg(guess)),
                QStringLiteral("bad_credentials"));
        // The account's budget is spent: no more guesses, from this address or any other, right or wrong.
        const Outcome blocked = callFrom(*server, AttackerAddress, method::AuthLogin, credentials(alice, password));
        QCOMPARE(blocked.reason, QStringLiteral("rate_limited"));
        QVERIFY(blocked.retryAfterMs > 0);
        QCOMPARE(reasonFrom(*server, OtherAttackerAddress, method::AuthLogin, alice, QStringLiteral("guess")),
            QStringLiteral("rate_limited"));
        QCOMPARE(
            reasonFrom(*server, NewOwnerAddress, method::AuthLogin, alice, password), QStringLiteral("rate_limited"));

        // The owner: from the address the account signed in from, with the password; anywhere, with a token.
        QCOMPARE(reasonFrom(*server, OwnerAddress, method::AuthLogin, alice, password), QStringLiteral("ok"));
        QCOMPARE(callFrom(*server, NewOwnerAddress, method::AuthResume, { { key::Token, token } }).reason,
            QStringLiteral("ok"));
        // The owner's success gives the attacker no fresh guesses.
        QCOMPARE(reasonFrom(*server, AttackerAddress, method::AuthLogin, alice, QStringLiteral("again")),
            QStringLiteral("rate_limited"));
    }

    void withoutKnownAddressesTheAccountLimitHoldsEveryone()
    {
        auto server = startServer([](server::ServerConfig& config) {
            config.proxyProtocol = true;
            config.security.loginAttemptsPerAccount = 2;
            config.security.loginKnownAddressDays = 0;
        });
        QVERIFY(server->server());
        const QString bob = QStringLiteral("bob");
        const QString password = QStringLiteral("correct horse");
        QCOMPARE(reasonFrom(*server, OwnerAddress, method::AuthSignup, bob, password), QStringLiteral("ok"));
        for (int guess = 0; guess < 2; ++guess)
            QCOMPARE(reasonFrom(*server, AttackerAddress, method::AuthLogin, bob, QStringLiteral("nope")),
                QStringLiteral("bad_credentials"));
        QCOMPARE(reasonFrom(*server, OwnerAddress, method::AuthLogin, bob, password), QStringLiteral("rate_limited"));
    }

    void failuresFromOneAddressAreLimitedAcrossAccounts()
    {
        auto server = startServer([](server::ServerConfig& config) {
            config.proxyProtocol = true;
            config.security.loginAttemptsPerAddress = 2;
        });
        QVERIFY(server->server());
        const QString password = QStringLiteral("correct horse");
        QCOMPARE(reasonFrom(*server, OwnerAddress, method::AuthSignup, QStringLiteral("carol"), password),
            QStringLiteral("ok"));
        QCOMPARE(reasonFrom(*server, AttackerAddress, method::AuthLogin, QStringLiteral("x1"), password),
            QStringLiteral("bad_credentials"));
        QCOMPARE(reasonFrom(*server, AttackerAddress, method::AuthLogin, QStringLiteral("x2"), password),
            QStringLiteral("bad_credentials"));
        QCOMPARE(reasonFrom(*server, AttackerAddress, method::AuthLogin, QStringLiteral("carol"), password),
            QStringLiteral("rate_limited"));
        QCOMPARE(reasonFrom(*server, OwnerAddress, method::AuthLogin, QStringLiteral("carol"), password),
            QStringLiteral("ok"));
    }
};

QTEST_GUILESS_MAIN(AbuseLimitsTest)
#include "tst_abuselimits.moc"
