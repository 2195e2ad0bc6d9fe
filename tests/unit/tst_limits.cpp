#include "config/ServerConfig.h"
#include "limits/AttemptThrottle.h"
#include "limits/ConnectionsPerAddress.h"
#include "limits/LoginThrottle.h"
#include "limits/TokenBucket.h"

#include <QTest>

using namespace chat::server;

class LimitsTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void bucketAllowsABurstThenTheSustainedRate()
    {
        TokenBucket bucket(2, 3);
        QVERIFY(bucket.tryTake(1000));
        QVERIFY(bucket.tryTake(1000));
        QVERIFY(bucket.tryTake(1000));
        QVERIFY(!bucket.tryTake(1000));
        QCOMPARE(bucket.msUntilAvailable(1000), 500);
        QVERIFY(!bucket.tryTake(1499));
        QVERIFY(bucket.tryTake(1500));
    }

    void bucketNeverHoldsMoreThanItsBurst()
    {
        TokenBucket bucket(10, 2);
        QVERIFY(bucket.tryTake(0));
        QCOMPARE(bucket.level(1000000), 2.0);
    }

    void takingAnywayDigsIntoDebt()
    {
        TokenBucket bucket(1, 1);
        QVERIFY(bucket.tryTake(0));
        bucket.takeAnyway(0);
        bucket.takeAnyway(0);
        QCOMPARE(bucket.level(0), -2.0);
        QCOMPARE(bucket.msUntilAvailable(0), 3000);
    }

    void throttleCountsAttemptsInTheWindow()
    {
        AttemptThrottle throttle(3, 10000);
        const QString key = QStringLiteral("alice");
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(throttle.retryAfterMs(key, 1000 + i), 0);
            throttle.record(key, 1000 + i);
        }
        QCOMPARE(throttle.retryAfterMs(key, 2000), 9000);
        QCOMPARE(throttle.retryAfterMs(key, 11000), 0); // the oldest attempt left the window
        QCOMPARE(throttle.retryAfterMs(QStringLiteral("bob"), 2000), 0);
    }

    void clearingForgivesAKey()
    {
        AttemptThrottle throttle(1, 10000);
        throttle.record(QStringLiteral("k"), 0);
        QVERIFY(throttle.retryAfterMs(QStringLiteral("k"), 1) > 0);
        throttle.clear(QStringLiteral("k"));
        QCOMPARE(throttle.retryAfterMs(QStringLiteral("k"), 1), 0);
    }

    void connectionsPerAddressAdmitThenRefuseThenDrop()
    {
        ConnectionsPerAddress open(2);
        const QString address = QStringLiteral("203.0.113.7");
        using V = ConnectionsPerAddress::Verdict;
        QCOMPARE(open.admit(address), V::Admit);
        QCOMPARE(open.admit(address), V::Admit);
        QCOMPARE(open.admit(address), V::Refuse);
        QCOMPARE(open.admit(address), V::Refuse);
        QCOMPARE(open.admit(address), V::Drop);
        QCOMPARE(open.count(address), 4); // a dropped connection is not counted
        QCOMPARE(open.admit(QStringLiteral("198.51.100.9")), V::Admit);
        for (int i = 0; i < 3; ++i)
            open.release(address);
        QCOMPARE(open.admit(address), V::Admit);
        open.release(address);
        open.release(address);
        open.release(address); // more releases than admissions leave nothing behind
        QCOMPARE(open.count(address), 0);
    }

    void loginThrottleBoundsGuessesPerAccountButNotFromAKnownAddress()
    {
        SecurityConfig security;
        security.loginAttemptsPerAccount = 2;
        security.loginAttemptsPerAddress = 100;
        security.loginWindowSeconds = 10;
        security.loginKnownAddressDays = 1;
        LoginThrottle throttle(security);
        const QString account = QStringLiteral("alice");
        const QString home = QStringLiteral("203.0.113.10");
        throttle.recordSuccess(account, home, 0);
        throttle.recordFailure(account, QStringLiteral("198.51.100.1"), 1000);
        throttle.recordFailure(account, QStringLiteral("198.51.100.2"), 1000);
        QCOMPARE(throttle.retryAfterMs(account, QStringLiteral("198.51.100.3"), 2000), 9000);
        QCOMPARE(throttle.retryAfterMs(account, home, 2000), 0);
        throttle.recordSuccess(account, home, 2000);
        QCOMPARE(throttle.retryAfterMs(account, QStringLiteral("198.51.100.3"), 2000), 9000);
        // A known address is forgotten after loginKnownAddressDays.
        const qint64 dayLater = 86400 * 1000 + 2001;
        throttle.recordFailure(account, QStringLiteral("198.51.100.1"), dayLater);
        throttle.recordFailure(account, QStringLiteral("198.51.100.1"), dayLater);
        QVERIFY(throttle.retryAfterMs(account, home, dayLater) > 0);
        throttle.prune(dayLater + 10000);
        QCOMPARE(throttle.retryAfterMs(account, home, dayLater + 10000), 0);
    }

    void loginThrottleHoldsAKnownAddressByItsOwnLimit()
    {
        SecurityConfig security;
        security.loginAttemptsPerAccount = 100;
        security.loginAttemptsPerAddress = 1;
        security.loginWindowSeconds = 10;
        LoginThrottle throttle(security);
        const QString home = QStringLiteral("203.0.113.10");
        throttle.recordSuccess(QStringLiteral("alice"), home, 0);
        throttle.recordFailure(QStringLiteral("bob"), home, 0);
        QCOMPARE(throttle.retryAfterMs(QStringLiteral("alice"), home, 1000), 9000);
    }
};

QTEST_GUILESS_MAIN(LimitsTest)
#include "tst_limits.moc"
