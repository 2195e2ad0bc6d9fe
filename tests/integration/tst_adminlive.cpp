// Admin commands run beside a live server (their own process, the same database) and reach it through
// the events table: new users appear and can post, disabled users and changed passwords end sessions.
#include "Protocol.h"
#include "ServerProcess.h"
#include "TestClient.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTest>

using namespace chat;
using namespace chat::test;
namespace key = protocol::key;
namespace method = protocol::method;
namespace notification = protocol::notification;

namespace {
// The tail reads every 500 ms; the promise is 2 s. The wait is longer so a loaded CI machine does
// not fail the test, and the measured time is printed.
constexpr int EffectWaitMs = 10000;
const QString Password = QStringLiteral("correct horse");
} // namespace

class AdminLiveTest : public QObject {
    Q_OBJECT

    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<TestClient> m_alice;

    std::unique_ptr<TestClient> signedIn(const QString& name)
    {
        auto client = std::make_unique<TestClient>();
        if (!client->connectTo(m_server->url()) || !client->login(name).ok())
            return nullptr;
        return client;
    }

    qint64 generalRoomOf(TestClient& client)
    {
        for (const QJsonValue& room : client.call(method::RoomsList).result.value(key::Rooms).toArray()) {
            if (room.toObject().value(key::Name).toString() == QLatin1String("general"))
                return room.toObject().value(key::Id).toInteger();
        }
        return 0;
    }

    void addUser(const QString& name)
    {
        QString output;
        QCOMPARE(
            m_server->runAdmin({ QStringLiteral("user"), QStringLiteral("add"), name }, Password + '\n', &output), 0);
        QVERIFY2(output.contains(QStringLiteral("added user")), qPrintable(output));
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<ServerProcess>();
        m_server->writeConfig();
        QVERIFY2(m_server->start(), qPrintable(m_server->output()));
        m_alice = std::make_unique<TestClient>();
        QVERIFY(m_alice->connectTo(m_server->url()));
        QVERIFY(m_alice->signup(QStringLiteral("alice")).ok());
    }
    void cleanup()
    {
        m_alice.reset();
        m_server.reset();
    }

    void userAddedByTheCliAppearsLiveAndCanPostToGeneral()
    {
        const qint64 general = generalRoomOf(*m_alice);
        QVERIFY(general > 0);
        QElapsedTimer clock;
        clock.start();
        addUser(QStringLiteral("carol"));
        auto announced = m_alice->waitForNotification(notification::UserNew, EffectWaitMs);
        QVERIFY(announced);
        qInfo("user.new reached a live client %lld ms after `user add` started", clock.elapsed());
        QCOMPARE(announced->value(key::User).toObject().value(key::Username).toString(), QStringLiteral("carol"));
        auto joined = m_alice->waitForRoomUpdated(general, EffectWaitMs);
        QVERIFY(joined);
        QCOMPARE(joined->value(key::Room).toObject().value(key::Members).toArray().size(), 2);

        bool listed = false;
        for (const QJsonValue& user : m_alice->call(method::UsersList).result.value(key::Users).toArray())
            listed = listed || user.toObject().value(key::Username).toString() == QLatin1String("carol");
        QVERIFY(listed);

        auto carol = signedIn(QStringLiteral("carol"));
        QVERIFY(carol);
        const Reply sent = carol->call(method::MessagesSend,
            { { key::RoomId, general }, { key::Body, QStringLiteral("hello from the CLI") },
                { key::ClientId, QStringLiteral("c1") } });
        QVERIFY2(sent.ok(), qPrintable(sent.reason()));
        auto delivered = m_alice->waitForNotification(notification::MessageNew);
        QVERIFY(delivered);
        QCOMPARE(delivered->value(key::MessageObj).toObject().value(key::Body).toString(),
            QStringLiteral("hello from the CLI"));
    }

    void disablingAUserEndsTheirOpenSessionsWithAReason()
    {
        addUser(QStringLiteral("mallory"));
        auto mallory = signedIn(QStringLiteral("mallory"));
        QVERIFY(mallory);
        QElapsedTimer clock;
        clock.start();
        QCOMPARE(
            m_server->runAdmin({ QStringLiteral("user"), QStringLiteral("disable"), QStringLiteral("mallory") }), 0);
        auto revoked = mallory->waitForNotification(notification::SessionRevoked, EffectWaitMs);
        QVERIFY(revoked);
        QCOMPARE(revoked->value(key::Reason).toString(), QStringLiteral("account_disabled"));
        QVERIFY(!revoked->value(key::Message).toString().isEmpty());
        QVERIFY(mallory->waitForDisconnected());
        qInfo("a disabled user's session ended %lld ms after `user disable` started", clock.elapsed());
        QCOMPARE(mallory->closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);

        TestClient again;
        QVERIFY(again.connectTo(m_server->url()));
        QCOMPARE(again.login(QStringLiteral("mallory")).reason(), QStringLiteral("account_disabled"));

        QCOMPARE(
            m_server->runAdmin({ QStringLiteral("user"), QStringLiteral("enable"), QStringLiteral("mallory") }), 0);
        TestClient back;
        QVERIFY(back.connectTo(m_server->url()));
        QVERIFY(back.login(QStringLiteral("mallory")).ok());
    }

    void changingAPasswordSignsTheUserOutEverywhere()
    {
        addUser(QStringLiteral("bob"));
        auto laptop = signedIn(QStringLiteral("bob"));
        auto phone = signedIn(QStringLiteral("bob"));
        QVERIFY(laptop && phone);
        const QString oldToken = phone->token();
        QCOMPARE(m_server->runAdmin({ QStringLiteral("user"), QStringLiteral("passwd"), QStringLiteral("bob") },
                     QStringLiteral("a new passphrase\n")),
            0);
        for (TestClient* device : { laptop.get(), phone.get() }) {
            auto revoked = device->waitForNotification(notification::SessionRevoked, EffectWaitMs);
            QVERIFY(revoked);
            QCOMPARE(revoked->value(key::Reason).toString(), QStringLiteral("password_changed"));
            QVERIFY(device->waitForDisconnected());
        }
        TestClient resumed;
        QVERIFY(resumed.connectTo(m_server->url()));
        QCOMPARE(
            resumed.call(method::AuthResume, { { key::Token, oldToken } }).reason(), QStringLiteral("token_invalid"));
        QCOMPARE(resumed.login(QStringLiteral("bob")).reason(), QStringLiteral("bad_credentials"));
        QVERIFY(resumed.login(QStringLiteral("bob"), QStringLiteral("a new passphrase")).ok());
    }
};

QTEST_GUILESS_MAIN(AdminLiveTest)
#include "tst_adminlive.moc"
