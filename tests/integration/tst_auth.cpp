#include "Protocol.h"
#include "TestClient.h"
#include "TestServer.h"
#include "store/StoreDb.h"

#include <QJsonArray>
#include <QTest>

#include <memory>

using namespace chat;
using namespace chat::test;
namespace key = protocol::key;
namespace method = protocol::method;

class AuthTest : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;

    std::unique_ptr<TestClient> connected()
    {
        auto client = std::make_unique<TestClient>();
        if (!client->connectTo(m_server->url()))
            return nullptr;
        return client;
    }

private Q_SLOTS:
    void init()
    {
        // Every client here comes from 127.0.0.1, where the accounts were made: without known addresses the
        // per-account limit holds it too (tst_abuselimits checks known addresses with clients behind a balancer).
        m_server = std::make_unique<TestServer>([](server::ServerConfig& config) {
            config.security.loginAttemptsPerAccount = 3;
            config.security.loginKnownAddressDays = 0;
        });
        QVERIFY2(m_server->start(), qPrintable(m_server->lastError()));
    }
    void cleanup() { m_server.reset(); }

    void helloAnnouncesProtocolAndLimits()
    {
        auto client = connected();
        QVERIFY(client);
        QCOMPARE(client->hello().value(key::Protocol).toInt(), protocol::Version);
        QVERIFY(client->hello().value(key::Server).toString().startsWith(QLatin1String("chat-server/")));
        QCOMPARE(client->hello().value(key::Limits).toObject().value(QLatin1String("max_body_chars")).toInt(), 4000);
    }

    void signupReturnsUserAndToken()
    {
        auto client = connected();
        const Reply reply = client->signup(QStringLiteral("alice"));
        QVERIFY(reply.ok());
        QCOMPARE(reply.result.value(key::User).toObject().value(key::Username).toString(), QStringLiteral("alice"));
        QVERIFY(reply.result.value(key::User).toObject().value(key::Id).toInteger() > 0);
        QCOMPARE(reply.result.value(key::Token).toString().size(), 43); // 32 bytes, base64url
    }

    void signupRefusesBadInput_data()
    {
        QTest::addColumn<QString>("username");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("reason");
        QTest::newRow("too short") << "al"
                                   << "correct horse"
                                   << "invalid_username";
        QTest::newRow("too long") << QString(33, QLatin1Char('a')) << "correct horse"
                                  << "invalid_username";
        QTest::newRow("space") << "al ice"
                               << "correct horse"
                               << "invalid_username";
        QTest::newRow("non-ascii") << "élise"
                                   << "correct horse"
                                   << "invalid_username";
        QTest::newRow("short password") << "alice"
                                        << "1234567"
                                        << "weak_password";
        QTest::newRow("huge password") << "alice" << QString(1025, QLatin1Char('x')) << "too_large";
    }
    void signupRefusesBadInput()
    {
        QFETCH(QString, username);
        QFETCH(QString, password);
        QFETCH(QString, reason);
        auto client = connected();
        QCOMPARE(client->signup(username, password).reason(), reason);
    }

    void usernamesAreUniqueCaseInsensitively()
    {
        auto first = connected();
        QVERIFY(first->signup(QStringLiteral("Alice")).ok());
        auto second = connected();
        QCOMPARE(second->signup(QStringLiteral("aLICE")).reason(), QStringLiteral("username_taken"));
    }

    void loginWithRightPasswordSignsIn()
    {
        QVERIFY(connected()->signup(QStringLiteral("bob")).ok());
        auto client = connected();
        const Reply reply = client->login(QStringLiteral("BOB"));
        QVERIFY(reply.ok());
        QCOMPARE(reply.result.value(key::User).toObject().value(key::Username).toString(), QStringLiteral("bob"));
        QVERIFY(client->call(method::UsersList).ok());
    }

    void wrongPasswordAndUnknownUserGetTheSameAnswer()
    {
        QVERIFY(connected()->signup(QStringLiteral("bob")).ok());
        auto client = connected();
        const Reply wrong = client->login(QStringLiteral("bob"), QStringLiteral("not the password"));
        const Reply unknown = client->login(QStringLiteral("nobody"), QStringLiteral("not the password"));
        QCOMPARE(wrong.reason(), QStringLiteral("bad_credentials"));
        QCOMPARE(unknown.reason(), QStringLiteral("bad_credentials"));
        QCOMPARE(wrong.error->code, unknown.error->code);
        QCOMPARE(wrong.error->message, unknown.error->message);
    }

    void repeatedFailedLoginsAreThrottledPerAccount()
    {
        QVERIFY(connected()->signup(QStringLiteral("bob")).ok());
        auto client = connected();
        for (int attempt = 0; attempt < 3; ++attempt)
            QCOMPARE(client->login(QStringLiteral("bob"), QStringLiteral("guess guess")).reason(),
                QStringLiteral("bad_credentials"));
        const Reply throttled = client->login(QStringLiteral("bob"));
        QCOMPARE(throttled.reason(), QStringLiteral("rate_limited"));
        QVERIFY(throttled.error->extra.value(key::RetryAfterMs).toInteger() > 0);
    }

    void everyMethodButAuthNeedsSignIn_data()
    {
        QTest::addColumn<QString>("method");
        for (QLatin1String name : { method::UsersList, method::RoomsList, method::RoomsDirect, method::RoomsCreate,
                 method::RoomsJoin, method::RoomsLeave, method::RoomsPublic, method::RoomsRead, method::MessagesSend,
                 method::MessagesHistory, method::AuthLogout })
            QTest::newRow(name.data()) << QString(name);
    }
    void everyMethodButAuthNeedsSignIn()
    {
        QFETCH(QString, method);
        auto client = connected();
        const Reply reply = client->call(method, { { key::RoomId, 1 }, { key::UserId, 1 }, { key::Name, "x" } });
        QCOMPARE(reply.reason(), QStringLiteral("unauthenticated"));
        QCOMPARE(reply.error->code, errc::Unauthenticated);
    }

    void resumeWithTokenSignsInAgain()
    {
        auto first = connected();
        QVERIFY(first->signup(QStringLiteral("carol")).ok());
        auto second = connected();
        const Reply reply = second->call(method::AuthResume, { { key::Token, first->token() } });
        QVERIFY(reply.ok());
        QCOMPARE(reply.result.value(key::User).toObject().value(key::Id).toInteger(), first->userId());
    }

    void resumeSurvivesServerRestart()
    {
        QString token;
        {
            auto client = connected();
            QVERIFY(client->signup(QStringLiteral("carol")).ok());
            token = client->token();
        }
        QVERIFY(m_server->restart());
        auto client = connected();
        QVERIFY(client->call(method::AuthResume, { { key::Token, token } }).ok());
    }

    void disabledAccountCannotSignIn()
    {
        auto client = connected();
        QVERIFY(client->signup(QStringLiteral("mallory")).ok());
        const QString token = client->token();
        {
            // The admin CLI's way: the same database, written beside the running server.
            auto db = server::StoreDb::open(m_server->config().database, QStringLiteral("test-admin"));
            QVERIFY(db);
            QVERIFY((*db)->setDisabled(client->userId(), true));
        }
        auto other = connected();
        QCOMPARE(other->login(QStringLiteral("mallory")).reason(), QStringLiteral("account_disabled"));
        QCOMPARE(
            other->call(method::AuthResume, { { key::Token, token } }).reason(), QStringLiteral("account_disabled"));
        // A wrong password still says only that: the account's state is told to its owner alone.
        QCOMPARE(other->login(QStringLiteral("mallory"), QStringLiteral("wrong password")).reason(),
            QStringLiteral("bad_credentials"));
    }

    void unknownTokenIsInvalid()
    {
        auto client = connected();
        QCOMPARE(client->call(method::AuthResume, { { key::Token, "bm90IGEgdG9rZW4" } }).reason(),
            QStringLiteral("token_invalid"));
    }

    void logoutRevokesTheToken()
    {
        auto client = connected();
        QVERIFY(client->signup(QStringLiteral("dave")).ok());
        const QString token = client->token();
        QVERIFY(client->call(method::AuthLogout).ok());
        QCOMPARE(client->call(method::UsersList).reason(), QStringLiteral("unauthenticated"));
        QVERIFY(client->isConnected());
        auto other = connected();
        QCOMPARE(other->call(method::AuthResume, { { key::Token, token } }).reason(), QStringLiteral("token_invalid"));
    }

    void secondSignInOnOneConnectionIsRefused()
    {
        auto client = connected();
        QVERIFY(client->signup(QStringLiteral("erin")).ok());
        QCOMPARE(client->login(QStringLiteral("erin")).reason(), QStringLiteral("invalid_request"));
    }

    void newUserIsAnnouncedToEveryone()
    {
        auto watcher = connected();
        QVERIFY(watcher->signup(QStringLiteral("watcher")).ok());
        auto newcomer = connected();
        QVERIFY(newcomer->signup(QStringLiteral("newcomer")).ok());
        auto announced = watcher->waitForNotification(protocol::notification::UserNew);
        QVERIFY(announced);
        QCOMPARE(announced->value(key::User).toObject().value(key::Username).toString(), QStringLiteral("newcomer"));
    }

    void presenceFollowsFirstAndLastConnection()
    {
        auto watcher = connected();
        QVERIFY(watcher->signup(QStringLiteral("watcher")).ok());
        auto phone = connected();
        QVERIFY(phone->signup(QStringLiteral("frank")).ok());
        QCOMPARE(watcher->waitForPresence(phone->userId()), std::optional<bool>(true));

        auto laptop = connected();
        QVERIFY(laptop->login(QStringLiteral("frank")).ok());
        phone->close();
        QVERIFY(phone->waitForDisconnected());
        QVERIFY(watcher->call(method::UsersList).ok());
        laptop->close();
        QCOMPARE(watcher->waitForPresence(laptop->userId()), std::optional<bool>(false));
        // A second device going online or one of two going offline changed nothing: once a later
        // arrival has been announced, no other change of frank's is on its way.
        auto marker = connected();
        QVERIFY(marker->signup(QStringLiteral("marker")).ok());
        QCOMPARE(watcher->waitForPresence(marker->userId()), std::optional<bool>(true));
        QCOMPARE(watcher->pendingPresence(laptop->userId()), 0);

        const Reply users = watcher->call(method::UsersList);
        for (const QJsonValue& user : users.result.value(key::Users).toArray()) {
            const QJsonObject object = user.toObject();
            const QString name = object.value(key::Username).toString();
            QCOMPARE(object.value(key::Online).toBool(),
                name == QLatin1String("watcher") || name == QLatin1String("marker"));
        }
    }

    void usersListHasEveryRegisteredUser()
    {
        auto a = connected();
        QVERIFY(a->signup(QStringLiteral("anna")).ok());
        auto b = connected();
        QVERIFY(b->signup(QStringLiteral("ben")).ok());
        b->close();
        const Reply users = a->call(method::UsersList);
        QVERIFY(users.ok());
        const QJsonArray list = users.result.value(key::Users).toArray();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.at(0).toObject().value(key::Username).toString(), QStringLiteral("anna"));
        QCOMPARE(list.at(1).toObject().value(key::Username).toString(), QStringLiteral("ben"));
    }
};

QTEST_GUILESS_MAIN(AuthTest)
#include "tst_auth.moc"
