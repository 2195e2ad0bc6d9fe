#include "FakeHistorySource.h"
#include "MessageModel.h"
#include "RoomTimeline.h"
#include "UsersModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace chat;
using namespace chat::client;
using chat::client::testing::FakeHistorySource;

namespace {
constexpr qint64 RoomId = 5;
constexpr qint64 Me = 1;

// Messages go through the protocol library's decoder, as the connection's pages do.
Message messageFrom(qint64 seq, qint64 sender, const QString& body, qint64 ts = 0, const QString& clientId = {})
{
    return Message::fromJson(Message { seq * 10, RoomId, seq, sender, body, ts ? ts : 1700000000000 + seq * 1000,
        clientId.isEmpty() ? QStringLiteral("c%1").arg(seq) : clientId }
                                 .toJson());
}

QList<Message> range(qint64 from, qint64 to)
{
    QList<Message> messages;
    for (qint64 seq = from; seq <= to; ++seq)
        messages.append(messageFrom(seq, seq % 2 ? 1 : 2, QStringLiteral("message %1").arg(seq)));
    return messages;
}

Outbox::Item pendingItem(const QString& clientId, const QString& body)
{
    Outbox::Item item;
    item.clientId = clientId;
    item.roomId = RoomId;
    item.body = body;
    item.queuedAtMs = 1700000009000;
    return item;
}

QList<qint64> seqsOf(const RoomTimeline& timeline)
{
    QList<qint64> seqs;
    for (const Message& message : timeline.messages())
        seqs.append(message.seq);
    return seqs;
}

QList<qint64> seqRange(qint64 from, qint64 to)
{
    QList<qint64> seqs;
    for (qint64 seq = from; seq <= to; ++seq)
        seqs.append(seq);
    return seqs;
}

// A timeline on a fake transport, with a model over it checked by QAbstractItemModelTester throughout.
// The tester calls fetchMore() as views do; like the chat pane, the fixture allows it only when a test
// scrolls back on purpose.
struct Fixture {
    FakeHistorySource source;
    UsersModel users;
    RoomTimeline timeline { RoomId, &source, [] { return Me; } };
    MessageModel model { &timeline, &users };
    QAbstractItemModelTester tester { &model, QAbstractItemModelTester::FailureReportingMode::QtTest };
    Fixture()
    {
        users.setMe(Me);
        model.setOlderFetchingAllowed(false);
    }
};
} // namespace

// The room timeline and its list model, against a fake transport: no server, no widgets.
class RoomTimelineTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void opensWithTheNewestPage()
    {
        Fixture f;
        QSignalSpy loaded(&f.timeline, &RoomTimeline::latestLoaded);
        QSignalSpy fetched(&f.timeline, &RoomTimeline::pageFetched);
        f.timeline.loadLatest();
        f.timeline.loadLatest(); // once is enough
        QCOMPARE(f.source.pendingCount(), 1);
        QCOMPARE(f.source.request().roomId, RoomId);
        QCOMPARE(f.source.request().limit, RoomTimeline::PageSize);
        QVERIFY(!f.source.request().before && !f.source.request().after);
        QVERIFY(!f.timeline.isLoaded());

        f.source.serveFrom(range(1, 120));
        QVERIFY(f.timeline.isLoaded());
        QCOMPARE(loaded.count(), 1);
        QCOMPARE(fetched.count(), 1);
        QCOMPARE(seqsOf(f.timeline), seqRange(71, 120));
        QCOMPARE(f.model.rowCount(), 50);
        QVERIFY(f.timeline.hasOlder());
    }

    void scrollingBackPrependsOlderPagesUntilTheFirstMessage()
    {
        Fixture f;
        f.timeline.loadLatest();
        f.source.serveFrom(range(1, 180));
        QSignalSpy older(&f.model, &MessageModel::olderLoaded);
        f.model.setOlderFetchingAllowed(true);
        int pages = 0;
        while (f.timeline.hasOlder()) {
            if (f.source.pendingCount() == 0) // QAbstractItemModelTester may have asked already, as a view does
                f.model.fetchMore({});
            f.model.fetchMore({}); // one older page at a time
            QCOMPARE(f.source.pendingCount(), 1);
            QCOMPARE(f.source.request().before.value_or(-1), f.timeline.firstSeq());
            f.source.serveNext(range(1, 180));
            ++pages;
        }
        QCOMPARE(pages, 3);
        QCOMPARE(older.count(), 3);
        QCOMPARE(seqsOf(f.timeline), seqRange(1, 180));
        QVERIFY(!f.timeline.hasOlder());
        QCOMPARE(f.model.index(0).data(MessageModel::BodyRole).toString(), QStringLiteral("message 1"));
    }

    void theViewMayFetchOlderOnlyWhenThePaneAllows()
    {
        Fixture f;
        f.timeline.setLatestPage(range(51, 100), true);
        f.model.setOlderFetchingAllowed(false);
        QVERIFY(!f.model.canFetchMore({}));
        f.model.fetchMore({});
        QCOMPARE(f.source.pendingCount(), 0);
        f.model.setOlderFetchingAllowed(true);
        QVERIFY(f.model.canFetchMore({}));
    }

    void liveMessagesAppendOnceAndThoseBeforeTheFirstPageFollowIt()
    {
        Fixture f;
        f.timeline.addMessages({ messageFrom(101, 2, QStringLiteral("early live")) }); // before the first page
        f.timeline.setLatestPage(range(51, 100), true);
        QCOMPARE(f.model.rowCount(), 51);
        QCOMPARE(f.timeline.lastSeq(), 101);

        QSignalSpy appended(&f.model, &MessageModel::messagesAppended);
        f.timeline.addMessages({ messageFrom(101, 2, QStringLiteral("early live")) });
        f.timeline.addMessages({ messageFrom(102, 2, QStringLiteral("live")) });
        QCOMPARE(f.model.rowCount(), 52);
        QCOMPARE(appended.count(), 1);
        QCOMPARE(f.model.index(51).data(MessageModel::BodyRole).toString(), QStringLiteral("live"));
        QCOMPARE(f.source.pendingCount(), 0);
    }

    void aGapIsFilledBeforeWhatFollowsItIsShown()
    {
        Fixture f;
        f.timeline.setLatestPage(range(1, 3), false);
        f.timeline.addMessages({ messageFrom(6, 2, QStringLiteral("after a gap")) });
        QCOMPARE(f.timeline.lastSeq(), 3); // not papered over
        QCOMPARE(f.source.pendingCount(), 1);
        QCOMPARE(f.source.request().after.value_or(-1), 3);
        QCOMPARE(f.source.request().limit, RoomTimeline::GapPageSize);
        f.source.serveFrom(range(1, 6));
        QCOMPARE(seqsOf(f.timeline), seqRange(1, 6));
    }

    void aLongGapIsFilledPageByPage()
    {
        Fixture f;
        f.timeline.setLatestPage(range(1, 10), false);
        f.timeline.fillGap(); // as after a reconnect
        const int served = f.source.serveFrom(range(1, 510));
        QCOMPARE(served, 3); // 200 + 200 + 100
        QCOMPARE(seqsOf(f.timeline), seqRange(1, 510));
    }

    void aGapSeenWhileFillingIsAskedForAgain()
    {
        Fixture f;
        f.timeline.setLatestPage(range(1, 3), false);
        f.timeline.fillGap();
        f.timeline.addMessages({ messageFrom(9, 2, QStringLiteral("newer still")) }); // while the fill is on its way
        QCOMPARE(f.source.pendingCount(), 1);
        f.source.answer(range(4, 6), false); // the answer predates 7..9
        QCOMPARE(f.source.pendingCount(), 1);
        QCOMPARE(f.source.request().after.value_or(-1), 6);
        f.source.serveFrom(range(1, 9));
        QCOMPARE(seqsOf(f.timeline), seqRange(1, 9));
    }

    void reloadingDropsAnswersToEarlierRequests()
    {
        Fixture f;
        f.timeline.setLatestPage(range(1, 50), true);
        f.timeline.fillGap();
        QCOMPARE(f.source.pendingCount(), 1);
        f.timeline.reloadLatest(); // far behind: the newest page instead
        QCOMPARE(f.model.rowCount(), 0);
        QCOMPARE(f.source.pendingCount(), 2);
        f.source.answer(range(51, 250), true); // the old gap fill lands late
        QCOMPARE(f.model.rowCount(), 0);
        f.source.serveFrom(range(1, 1000));
        QCOMPARE(seqsOf(f.timeline), seqRange(951, 1000));
        QVERIFY(f.timeline.hasOlder());
        QVERIFY(!f.timeline.isFillingGap());
    }

    void aFailedPageSaysWhyAndCanBeAskedAgain()
    {
        Fixture f;
        QSignalSpy failed(&f.model, &MessageModel::loadFailed);
        f.timeline.loadLatest();
        f.source.fail(QStringLiteral("connection lost"));
        QCOMPARE(failed.count(), 1);
        QCOMPARE(failed.first().first().toString(), QStringLiteral("connection lost"));
        QVERIFY(!f.timeline.isLoaded());

        f.timeline.loadLatest();
        f.source.serveFrom(range(1, 80));
        f.timeline.fetchOlder();
        f.source.fail(QStringLiteral("timed out"));
        QCOMPARE(failed.count(), 2);
        QVERIFY(!f.timeline.isFetchingOlder());
        f.model.setOlderFetchingAllowed(true);
        QVERIFY(f.model.canFetchMore({}));
    }

    void anAnswerForADeletedTimelineIsDropped()
    {
        FakeHistorySource source;
        auto* timeline = new RoomTimeline(RoomId, &source, [] { return Me; });
        timeline->loadLatest();
        delete timeline; // e.g. the room was left while its page was on its way
        source.serveFrom(range(1, 10)); // must not touch the deleted timeline
        QCOMPARE(source.pendingCount(), 0);
    }

    void theCachedPageShowsAtOnceAndTheGapFillCompletesIt()
    {
        Fixture f;
        f.timeline.setCachedPage(range(31, 60));
        QVERIFY(f.timeline.isLoaded());
        QVERIFY(f.timeline.hasOlder());
        QCOMPARE(f.source.pendingCount(), 0); // painted without the server
        f.timeline.fillGap();
        f.source.serveFrom(range(1, 75));
        QCOMPARE(seqsOf(f.timeline), seqRange(31, 75));
    }

    void pendingRowsBecomeStoredMessagesOnce()
    {
        Fixture f;
        f.timeline.setLatestPage(range(1, 3), false);
        f.timeline.addPending(pendingItem(QStringLiteral("abc"), QStringLiteral("on its way")));
        QCOMPARE(f.model.rowCount(), 4);
        QVERIFY(f.model.index(3).data(MessageModel::PendingRole).toBool());
        QCOMPARE(f.model.index(3).data(MessageModel::SeqRole).toLongLong(), 0);
        QCOMPARE(f.model.index(3).data(MessageModel::SenderIdRole).toLongLong(), Me);

        const Message stored = messageFrom(4, Me, QStringLiteral("on its way"), 0, QStringLiteral("abc"));
        f.timeline.addMessages({ stored });
        f.timeline.addMessages({ stored }); // the ack and message.new both deliver it
        QCOMPARE(f.model.rowCount(), 4);
        QCOMPARE(f.timeline.pendingCount(), 0);
        QCOMPARE(f.model.index(3).data(MessageModel::SeqRole).toLongLong(), 4);
        QVERIFY(!f.model.index(3).data(MessageModel::PendingRole).toBool());
    }

    void someoneElsesMessageNeverReplacesMyPendingRow()
    {
        Fixture f;
        f.timeline.setLatestPage(range(1, 3), false);
        f.timeline.addPending(pendingItem(QStringLiteral("abc"), QStringLiteral("mine")));
        f.timeline.addMessages({ messageFrom(4, 2, QStringLiteral("theirs"), 0, QStringLiteral("abc")) });
        QCOMPARE(f.timeline.pendingCount(), 1);
        QCOMPARE(f.model.rowCount(), 5);
    }

    void daySeparatorsAndRunsFollowLocalDaysAndSenders()
    {
        Fixture f;
        const qint64 t = QDateTime(QDate(2024, 3, 1), QTime(10, 0)).toMSecsSinceEpoch();
        f.timeline.setLatestPage({ messageFrom(1, 2, "a", t), messageFrom(2, 2, "b", t + 60000),
                                     messageFrom(3, 3, "c", t + 120000), messageFrom(4, 3, "d", t + 86400000) },
            false);
        QVERIFY(f.model.index(0).data(MessageModel::StartsDayRole).toBool());
        QVERIFY(!f.model.index(1).data(MessageModel::StartsDayRole).toBool());
        QVERIFY(!f.model.index(1).data(MessageModel::StartsGroupRole).toBool());
        QVERIFY(f.model.index(2).data(MessageModel::StartsGroupRole).toBool());
        QVERIFY(f.model.index(3).data(MessageModel::StartsDayRole).toBool());
    }

    void anOlderPageFromTheSameSenderJoinsTheFirstRowToItsRun()
    {
        Fixture f;
        const qint64 t = QDateTime(QDate(2024, 3, 1), QTime(10, 0)).toMSecsSinceEpoch();
        f.timeline.setLatestPage({ messageFrom(2, 2, "b", t + 60000) }, true);
        QVERIFY(f.model.index(0).data(MessageModel::StartsGroupRole).toBool());
        QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
        f.timeline.fetchOlder();
        f.source.answer({ messageFrom(1, 2, "a", t) }, false);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 1);
        QVERIFY(!f.model.index(1).data(MessageModel::StartsGroupRole).toBool());
    }
};

QTEST_GUILESS_MAIN(RoomTimelineTest)
#include "tst_room_timeline.moc"
