#include "RoomHistory.h"
#include "ServerUnderTest.h"
#include "TestClient.h"

#include "Protocol.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace chat;
using namespace chat::test;
namespace key = protocol::key;
namespace method = protocol::method;

// No password, token or message body ever reaches a log, even at the most verbose level (every logging
// category, Qt's own included, at debug): a whole session and the admin commands run, and then the server's
// standard output and error are searched for each secret.
class PrivacyTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QStringList m_secrets;

    QString secret(const QString& text)
    {
        m_secrets.append(text);
        return text;
    }

private Q_SLOTS:
    void noSecretReachesTheLogAtTheMostVerboseLevel()
    {
        ServerUnderTest server(m_dir.path());
        QVERIFY(server.writeConfig(QStringLiteral("chat.sqlite3")));
        server.setLoggingRules(QStringLiteral("*.debug=true"));
        QVERIFY2(server.start(), qPrintable(server.standardError()));

        const QString password = secret(QStringLiteral("pw-Signup-7d1e9c"));
        const QString wrongPassword = secret(QStringLiteral("pw-Wrong-44ab01"));
        const QString body = secret(QStringLiteral("body-Secret-e3f5a2"));
        const QString tooLongBody = secret(QStringLiteral("body-TooLong-98c1d0")) + QString(5000, QLatin1Char('x'));

        TestClient alice;
        QVERIFY(alice.connectTo(server.url()));
        QVERIFY(alice.signup(QStringLiteral("alice"), password).ok());
        secret(alice.token());
        TestClient wrong;
        QVERIFY(wrong.connectTo(server.url()));
        QCOMPARE(wrong.login(QStringLiteral("alice"), wrongPassword).reason(), reason::BadCredentials);
        TestClient second;
        QVERIFY(second.connectTo(server.url()));
        QVERIFY(second.login(QStringLiteral("alice"), password).ok());
        secret(second.token());
        TestClient resumed;
        QVERIFY(resumed.connectTo(server.url()));
        QVERIFY(resumed.call(method::AuthResume, { { key::Token, alice.token() } }).ok());

        const qint64 roomId = firstRoomId(alice);
        QVERIFY(alice
                    .call(method::MessagesSend,
                        { { key::RoomId, roomId }, { key::Body, body }, { key::ClientId, QStringLiteral("p1") } })
                    .ok());
        QCOMPARE(
            alice
                .call(method::MessagesSend,
                    { { key::RoomId, roomId }, { key::Body, tooLongBody }, { key::ClientId, QStringLiteral("p2") } })
                .reason(),
            reason::TooLarge);
        const Reply history = resumed.call(method::MessagesHistory, { { key::RoomId, roomId } });
        QVERIFY(history.ok());
        QCOMPARE(history.result.value(key::Messages).toArray().first().toObject().value(key::Body).toString(), body);
        // Broken frames that carry secrets: a cut-off login and a send to a room that does not exist.
        const QString cutOff = secret(QStringLiteral("pw-CutOff-5b77e2"));
        wrong.sendRaw(QStringLiteral("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"auth.login\",\"params\":{\"username\":"
                                     "\"alice\",\"password\":\"")
            + cutOff);
        QVERIFY(wrong.waitForAnyError().answered);
        const QString lostBody = secret(QStringLiteral("body-NoRoom-0c3d19"));
        QCOMPARE(alice
                     .call(method::MessagesSend,
                         { { key::RoomId, 999999 }, { key::Body, lostBody }, { key::ClientId, QStringLiteral("p3") } })
                     .reason(),
            reason::Forbidden);
        QVERIFY(alice.call(method::AuthLogout).ok());
        TestClient afterLogout;
        QVERIFY(afterLogout.connectTo(server.url()));
        QCOMPARE(
            afterLogout.call(method::AuthResume, { { key::Token, alice.token() } }).reason(), reason::TokenInvalid);

        // The admin commands beside the running server, their passwords on standard input.
        const QString addedPassword = secret(QStringLiteral("pw-Added-a9e0f4"));
        QCOMPARE(server
                     .runAdmin({ QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("bob") },
                         addedPassword + QLatin1Char('\n'))
                     .exitCode,
            0);
        const QString changedPassword = secret(QStringLiteral("pw-Changed-31c6b8"));
        QCOMPARE(server
                     .runAdmin({ QStringLiteral("user"), QStringLiteral("passwd"), QStringLiteral("alice") },
                         changedPassword + QLatin1Char('\n'))
                     .exitCode,
            0);
        TestClient bob;
        QVERIFY(bob.connectTo(server.url()));
        QVERIFY(bob.login(QStringLiteral("bob"), addedPassword).ok());
        secret(bob.token());
        TestClient aliceAgain;
        QVERIFY(aliceAgain.connectTo(server.url()));
        QVERIFY(aliceAgain.login(QStringLiteral("alice"), changedPassword).ok());
        secret(aliceAgain.token());
        QCOMPARE(server.terminate(), 0);

        const QString log = server.everythingWritten();
        // The level really was the most verbose one: the store's debug lines are there.
        QVERIFY2(log.contains(QLatin1String("committed")), qPrintable(log));
        for (const QString& leaked : std::as_const(m_secrets))
            QVERIFY2(!log.contains(leaked.left(64)), qPrintable(QStringLiteral("leaked: %1").arg(leaked.left(64))));
        qInfo("privacy: %lld secrets (passwords, tokens, bodies) searched for in %lld characters of log; none found",
            qint64(m_secrets.size()), qint64(log.size()));
    }
};

QTEST_GUILESS_MAIN(PrivacyTest)
#include "tst_privacy.moc"
