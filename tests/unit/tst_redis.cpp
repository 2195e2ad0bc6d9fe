#include "LoopbackPort.h"
#include "RedisProcess.h"
#include "cluster/RedisConnection.h"
#include "cluster/RedisSubscriber.h"

#include <QSignalSpy>
#include <QTest>

#include <optional>

using namespace chat::server;
using chat::test::RedisProcess;

namespace {

RedisSettings settingsFor(const RedisProcess& redis, const QByteArray& password = {})
{
    RedisSettings settings = parseRedisUrl(redis.url()).value();
    settings.password = password;
    settings.clientName = QStringLiteral("tst_redis");
    return settings;
}

// Sends one command and waits for its reply.
std::optional<RedisReply> roundTrip(RedisConnection& connection, const QList<QByteArray>& command)
{
    std::optional<RedisReply> answer;
    connection.command(command, [&answer](const RedisReply& reply) { answer = reply; });
    if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, 5000))
        return std::nullopt;
    return answer;
}

// Collects what chat.cluster logs, to check what an operator would read.
class ClusterLog {
public:
    ClusterLog()
    {
        s_lines.clear();
        m_previous = qInstallMessageHandler(&ClusterLog::handle);
    }
    ~ClusterLog() { qInstallMessageHandler(m_previous); }
    QString text() const { return s_lines.join(QLatin1Char('\n')); }

private:
    static void handle(QtMsgType, const QMessageLogContext& context, const QString& message)
    {
        if (context.category && QByteArray(context.category) == "chat.cluster")
            s_lines.append(message);
    }
    static inline QStringList s_lines;
    QtMessageHandler m_previous;
};

} // namespace

class RedisTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void urlsParse_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<int>("db");
        QTest::newRow("host and port") << "redis://10.0.0.5:6380"
                                       << "10.0.0.5" << 6380 << 0;
        QTest::newRow("default port") << "redis://redis.internal"
                                      << "redis.internal" << 6379 << 0;
        QTest::newRow("database") << "redis://127.0.0.1:6379/15"
                                  << "127.0.0.1" << 6379 << 15;
        QTest::newRow("trailing slash") << "redis://127.0.0.1:6379/"
                                        << "127.0.0.1" << 6379 << 0;
    }
    void urlsParse()
    {
        QFETCH(QString, url);
        const auto settings = parseRedisUrl(url);
        QVERIFY2(settings.ok(), settings.ok() ? "" : qPrintable(settings.error()));
        QTEST(settings->host, "host");
        QTEST(int(settings->port), "port");
        QTEST(settings->db, "db");
    }

    void badUrlsAreRefusedWithTheReason_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("reason");
        QTest::newRow("no scheme") << "localhost:6379"
                                   << "redis://";
        QTest::newRow("other scheme") << "http://localhost:6379"
                                      << "redis://";
        QTest::newRow("no host") << "redis://:6379"
                                 << "redis://";
        QTest::newRow("database 16") << "redis://localhost/16"
                                     << "0 to 15";
        QTest::newRow("database name") << "redis://localhost/chat"
                                       << "0 to 15";
        QTest::newRow("password in url") << "redis://:secret@localhost"
                                         << "redis_password_file";
        QTest::newRow("port zero") << "redis://localhost:0"
                                   << "port";
    }
    void badUrlsAreRefusedWithTheReason()
    {
        QFETCH(QString, url);
        QFETCH(QString, reason);
        const auto settings = parseRedisUrl(url);
        QVERIFY(!settings.ok());
        QVERIFY2(settings.error().contains(reason), qPrintable(settings.error()));
        QVERIFY2(!settings.error().contains(QLatin1String("secret")), qPrintable(settings.error()));
    }

    void commandRoundTrip()
    {
        RedisProcess redis;
        QVERIFY2(redis.start(), qPrintable(redis.errorString()));
        RedisConnection connection(settingsFor(redis));
        QSignalSpy connected(&connection, &RedisConnection::connected);
        connection.start();
        QVERIFY(connected.wait(5000));
        QVERIFY(connection.isConnected());

        auto set = roundTrip(connection, { "SET", "greeting", QByteArray("hello\0world", 11) });
        QVERIFY(set);
        QCOMPARE(set->type, RedisReply::Type::Status);
        QCOMPARE(set->bytes, QByteArray("OK"));
        auto get = roundTrip(connection, { "GET", "greeting" });
        QVERIFY(get);
        QCOMPARE(get->type, RedisReply::Type::String);
        QCOMPARE(get->bytes, QByteArray("hello\0world", 11));
        auto missing = roundTrip(connection, { "GET", "nothing-here" });
        QVERIFY(missing);
        QCOMPARE(missing->type, RedisReply::Type::Nil);
        auto counter = roundTrip(connection, { "INCRBY", "counter", "41" });
        QVERIFY(counter);
        QCOMPARE(counter->type, RedisReply::Type::Integer);
        QCOMPARE(counter->integer, 41);
        roundTrip(connection, { "RPUSH", "list", "a", "b" });
        auto list = roundTrip(connection, { "LRANGE", "list", "0", "-1" });
        QVERIFY(list);
        QCOMPARE(list->type, RedisReply::Type::Array);
        QCOMPARE(list->elements.size(), 2);
        QCOMPARE(list->elements[1].bytes, QByteArray("b"));
        auto wrong = roundTrip(connection, { "NO-SUCH-COMMAND" });
        QVERIFY(wrong);
        QVERIFY(wrong->isError());
        QVERIFY2(wrong->errorText.contains(QLatin1String("unknown command")), qPrintable(wrong->errorText));
        auto name = roundTrip(connection, { "CLIENT", "GETNAME" });
        QVERIFY(name);
        QCOMPARE(name->bytes, QByteArray("tst_redis.commands"));
    }

    void publishedMessageReachesSubscriber()
    {
        RedisProcess redis;
        QVERIFY2(redis.start(), qPrintable(redis.errorString()));
        RedisConnection publisher(settingsFor(redis));
        RedisSubscriber subscriber(settingsFor(redis), { "chat.events", "chat.other" });
        QSignalSpy connected(&publisher, &RedisConnection::connected);
        QSignalSpy subscribed(&subscriber, &RedisSubscriber::subscribed);
        QSignalSpy received(&subscriber, &RedisSubscriber::messageReceived);
        publisher.start();
        subscriber.start();
        QVERIFY(connected.wait(5000));
        QTRY_COMPARE_WITH_TIMEOUT(subscribed.size(), 1, 5000);
        QVERIFY(subscriber.isSubscribed());

        auto published = roundTrip(publisher, { "PUBLISH", "chat.events", "payload-1" });
        QVERIFY(published);
        QCOMPARE(published->integer, 1); // one subscriber heard it
        roundTrip(publisher, { "PUBLISH", "chat.unrelated", "not for us" });
        roundTrip(publisher, { "PUBLISH", "chat.other", "payload-2" });
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 2, 5000);
        QCOMPARE(received[0][0].toByteArray(), QByteArray("chat.events"));
        QCOMPARE(received[0][1].toByteArray(), QByteArray("payload-1"));
        QCOMPARE(received[1][0].toByteArray(), QByteArray("chat.other"));
        QCOMPARE(received[1][1].toByteArray(), QByteArray("payload-2"));
    }

    void bothReconnectByThemselvesWhenRedisRestartsOnTheSamePort()
    {
        RedisProcess redis;
        QVERIFY2(redis.start(), qPrintable(redis.errorString()));
        RedisConnection publisher(settingsFor(redis));
        RedisSubscriber subscriber(settingsFor(redis), { "chat.events" });
        QSignalSpy connected(&publisher, &RedisConnection::connected);
        QSignalSpy publisherLost(&publisher, &RedisConnection::disconnected);
        QSignalSpy subscribed(&subscriber, &RedisSubscriber::subscribed);
        QSignalSpy subscriberLost(&subscriber, &RedisSubscriber::disconnected);
        QSignalSpy received(&subscriber, &RedisSubscriber::messageReceived);
        publisher.start();
        subscriber.start();
        QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 1, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(subscribed.size(), 1, 5000);

        redis.kill();
        QTRY_COMPARE_WITH_TIMEOUT(publisherLost.size(), 1, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(subscriberLost.size(), 1, 5000);
        QVERIFY(!publisher.isConnected());
        QVERIFY(!subscriber.isSubscribed());
        QTRY_VERIFY_WITH_TIMEOUT(!publisher.lastError().isEmpty(), 5000);

        QVERIFY2(redis.restart(), qPrintable(redis.errorString()));
        QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 2, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(subscribed.size(), 2, 10000);
        QCOMPARE(publisher.reconnectCount(), 1);
        QCOMPARE(subscriber.reconnectCount(), 1);
        QVERIFY(publisher.lastError().isEmpty());

        auto published = roundTrip(publisher, { "PUBLISH", "chat.events", "after the restart" });
        QVERIFY(published);
        QCOMPARE(published->integer, 1);
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, 5000);
        QCOMPARE(received[0][1].toByteArray(), QByteArray("after the restart"));
    }

    void commandWhileDisconnectedFailsFastWithAnErrorReply()
    {
        RedisProcess redis;
        QVERIFY2(redis.start(), qPrintable(redis.errorString()));
        RedisSettings settings = settingsFor(redis);
        redis.kill(); // nothing listens there now
        RedisConnection connection(settings);
        connection.start();

        std::optional<RedisReply> answer;
        QElapsedTimer clock;
        clock.start();
        connection.command({ "GET", "key" }, [&answer](const RedisReply& reply) { answer = reply; });
        QVERIFY2(!answer, "the error reply must come from the event loop, not from inside command()");
        QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 1000);
        QVERIFY2(clock.elapsed() < 500, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(answer->isError());
        QVERIFY2(answer->errorText.contains(QLatin1String("not connected")), qPrintable(answer->errorText));
        QVERIFY(!connection.isConnected());
    }

    void commandsInFlightGetAnErrorWhenTheLinkDrops()
    {
        RedisProcess redis;
        QVERIFY2(redis.start(), qPrintable(redis.errorString()));
        RedisConnection connection(settingsFor(redis));
        QSignalSpy connected(&connection, &RedisConnection::connected);
        connection.start();
        QVERIFY(connected.wait(5000));

        std::optional<RedisReply> answer;
        connection.command({ "BLPOP", "never-filled", "0" }, [&answer](const RedisReply& reply) { answer = reply; });
        redis.kill();
        QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 5000);
        QVERIFY(answer->isError());
    }

    void rightPasswordConnects()
    {
        RedisProcess redis({ "--requirepass", "s3cret-pass" });
        QVERIFY2(redis.start(), qPrintable(redis.errorString()));
        RedisConnection connection(settingsFor(redis, "s3cret-pass"));
        RedisSubscriber subscriber(settingsFor(redis, "s3cret-pass"), { "chat.events" });
        QSignalSpy connected(&connection, &RedisConnection::connected);
        QSignalSpy subscribed(&subscriber, &RedisSubscriber::subscribed);
        connection.start();
        subscriber.start();
        QVERIFY(connected.wait(5000));
        QTRY_COMPARE_WITH_TIMEOUT(subscribed.size(), 1, 5000);
        auto ping = roundTrip(connection, { "PING" });
        QVERIFY(ping);
        QCOMPARE(ping->bytes, QByteArray("PONG"));
    }

    void wrongPasswordIsNamedInTheLogAndRetried()
    {
        RedisProcess redis({ "--requirepass", "s3cret-pass" });
        QVERIFY2(redis.start(), qPrintable(redis.errorString()));
        ClusterLog log;
        RedisSettings wrong = settingsFor(redis, "wrong-guess");
        wrong.backoffMaxMs = 300;
        RedisConnection connection(wrong);
        QSignalSpy connected(&connection, &RedisConnection::connected);
        connection.start();
        QTRY_VERIFY_WITH_TIMEOUT(connection.lastError().contains(QLatin1String("wrong password")), 5000);
        QVERIFY(!connection.isConnected());
        QVERIFY2(log.text().contains(QLatin1String("wrong password")), qPrintable(log.text()));
        QVERIFY2(!log.text().contains(QLatin1String("wrong-guess")), "the password must never be logged");
        QVERIFY(!connection.lastError().contains(QLatin1String("wrong-guess")));

        // It keeps trying: once Redis takes this password, the same connection gets in by itself.
        RedisConnection admin(settingsFor(redis, "s3cret-pass"));
        QSignalSpy adminConnected(&admin, &RedisConnection::connected);
        admin.start();
        QVERIFY(adminConnected.wait(5000));
        auto changed = roundTrip(admin, { "CONFIG", "SET", "requirepass", "wrong-guess" });
        QVERIFY(changed && !changed->isError());
        QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 1, 5000);
        QVERIFY(!log.text().contains(QLatin1String("s3cret-pass")));
    }

    void missingPasswordIsNamedInTheLog()
    {
        RedisProcess redis({ "--requirepass", "s3cret-pass" });
        QVERIFY2(redis.start(), qPrintable(redis.errorString()));
        RedisConnection connection(settingsFor(redis));
        connection.start();
        QTRY_VERIFY_WITH_TIMEOUT(connection.lastError().contains(QLatin1String("requires a password")), 5000);
        QVERIFY(!connection.isConnected());
    }

    void unreachableRedisIsNamedAndRetried()
    {
        RedisSettings settings;
        settings.port = chat::test::freeLoopbackPort();
        settings.backoffMaxMs = 200;
        ClusterLog log;
        RedisConnection connection(settings);
        connection.start();
        QTRY_VERIFY_WITH_TIMEOUT(connection.lastError().contains(QLatin1String("refused")), 5000);
        QVERIFY2(log.text().contains(settings.address()), qPrintable(log.text()));
    }

    void databaseIsSelected()
    {
        RedisProcess redis;
        QVERIFY2(redis.start(), qPrintable(redis.errorString()));
        RedisSettings three = parseRedisUrl(redis.url() + QStringLiteral("/3")).value();
        RedisConnection inThree(three);
        RedisConnection inZero(settingsFor(redis));
        QSignalSpy threeUp(&inThree, &RedisConnection::connected);
        QSignalSpy zeroUp(&inZero, &RedisConnection::connected);
        inThree.start();
        inZero.start();
        QTRY_COMPARE_WITH_TIMEOUT(threeUp.size(), 1, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(zeroUp.size(), 1, 5000);

        QVERIFY(roundTrip(inThree, { "SET", "where", "three" }));
        auto fromZero = roundTrip(inZero, { "GET", "where" });
        QVERIFY(fromZero);
        QCOMPARE(fromZero->type, RedisReply::Type::Nil);
        auto fromThree = roundTrip(inThree, { "GET", "where" });
        QVERIFY(fromThree);
        QCOMPARE(fromThree->bytes, QByteArray("three"));
        auto keysInThree = roundTrip(inZero, { "SELECT", "3" });
        QVERIFY(keysInThree && !keysInThree->isError());
        auto sameKey = roundTrip(inZero, { "GET", "where" });
        QCOMPARE(sameKey->bytes, QByteArray("three"));
    }

    void watchdogNoticesAFrozenRedisAndRecovers()
    {
        RedisProcess redis;
        QVERIFY2(redis.start(), qPrintable(redis.errorString()));
        RedisSettings settings = settingsFor(redis);
        settings.pingIntervalMs = 200;
        settings.pingTimeoutMs = 800;
        settings.backoffMaxMs = 300;
        RedisConnection connection(settings);
        RedisSubscriber subscriber(settings, { "chat.events" });
        QSignalSpy connected(&connection, &RedisConnection::connected);
        QSignalSpy lost(&connection, &RedisConnection::disconnected);
        QSignalSpy subscribed(&subscriber, &RedisSubscriber::subscribed);
        QSignalSpy subscriberLost(&subscriber, &RedisSubscriber::disconnected);
        connection.start();
        subscriber.start();
        QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 1, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(subscribed.size(), 1, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(connection.lastRoundTripMs() >= 0, 5000);

        redis.pause(); // the socket stays open; only the watchdog can tell
        QTRY_COMPARE_WITH_TIMEOUT(lost.size(), 1, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(subscriberLost.size(), 1, 5000);
        QVERIFY2(connection.lastError().contains(QLatin1String("no answer")), qPrintable(connection.lastError()));

        redis.resume();
        QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 2, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(subscribed.size(), 2, 10000);
    }

    void stopEndsTheLinkAndStaysDown()
    {
        RedisProcess redis;
        QVERIFY2(redis.start(), qPrintable(redis.errorString()));
        RedisConnection connection(settingsFor(redis));
        QSignalSpy connected(&connection, &RedisConnection::connected);
        QSignalSpy lost(&connection, &RedisConnection::disconnected);
        connection.start();
        QVERIFY(connected.wait(5000));
        connection.stop();
        QCOMPARE(lost.size(), 1);
        QVERIFY(!connection.isConnected());
        auto refused = roundTrip(connection, { "PING" });
        QVERIFY(refused && refused->isError());
        QVERIFY(!connected.wait(500)); // no reconnect after stop()
    }
};

QTEST_GUILESS_MAIN(RedisTest)
#include "tst_redis.moc"
