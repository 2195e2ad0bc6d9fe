#include "limits/AttemptThrottle.h"
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
};

QTEST_GUILESS_MAIN(LimitsTest)
#include "tst_limits.moc"
