#include "FakeHistorySource.h"
#include "MessageChanges.h"
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

// `message` as a change made it: the server's copy with a new change number.
Message changed(Message message, qint64 change)
{
    message.change = change;
    return Message::fromJson(message.toJson());
}

Message edited(qint64 seq, const QString& body, qint64 change)
{
    Message message = messageFrom(seq, seq % 2 ? 1 : 2, body);
    message.editedTs = message.ts + 60000;
    return changed(message, change);
}

Message reactedTo(qint64 seq, const QString& emoji, const QList<qint64>& users, qint64 change)
{
    Message message = messageFrom(seq, seq % 2 ? 1 : 2, QStringLiteral("message %1").arg(seq));
    message.reactions = { Reaction { emoji, users } };
    return changed(message, change);
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

    void aChangedMessageReplacesTheHeldCopyOnlyWhenItsChangeIsHigher()
    {
        Fixture f;
        f.timeline.setLatestPage(range(1, 5), false);
        f.timeline.setHeldChange(0);
        QSignalSpy rowChanges(&f.model, &QAbstractItemModel::dataChanged);
        QSignalSpy forCache(&f.timeline, &RoomTimeline::messagesChanged);

        f.timeline.applyLiveChange(edited(3, QStringLiteral("second thoughts"), 1));
        QCOMPARE(f.model.index(2).data(MessageModel::BodyRole).toString(), QStringLiteral("second thoughts"));
        QVERIFY(f.model.index(2).data(MessageModel::EditedRole).toBool());
        QCOMPARE(rowChanges.count(), 1);
        QCOMPARE(rowChanges.first().at(0).toModelIndex().row(), 2);
        QCOMPARE(forCache.count(), 1);

        f.timeline.applyLiveChange(reactedTo(3, QStringLiteral("👍"), { 2 }, 3)); // change 2 was missed
        f.timeline.applyLiveChange(edited(3, QStringLiteral("an older copy"), 2)); // overtaken: ignored
        QCOMPARE(f.model.index(2).data(MessageModel::BodyRole).toString(), QStringLiteral("message 3"));
        QCOMPARE(f.model.index(2).data(MessageModel::ReactionsRole).toList().size(), 1);
        QCOMPARE(rowChanges.count(), 2);
        QCOMPARE(forCache.count(), 2);
    }

    void aDeletedMessageBecomesATombstoneInItsPlace()
    {
        Fixture f;
        f.timeline.setLatestPage(range(1, 3), false);
        Message tombstone = messageFrom(2, 2, QString());
        tombstone.deleted = true;
        f.timeline.applyLiveChange(changed(tombstone, 1));
        QCOMPARE(f.model.rowCount(), 3);
        QVERIFY(f.model.index(1).data(MessageModel::DeletedRole).toBool());
        QCOMPARE(f.model.index(1).data(MessageModel::BodyRole).toString(), QString());
        QCOMPARE(f.model.index(1).data(MessageModel::SeqRole).toLongLong(), 2);
    }

    void liveChangesMoveHeldChangeOneAtATimeAndAHoleCatchesUp()
    {
        Fixture f;
        QList<Message> room = range(1, 10);
        f.timeline.setLatestPage(room, false);
        f.timeline.setHeldChange(5);
        QSignalSpy held(&f.timeline, &RoomTimeline::heldChangeChanged);

        room[0] = edited(1, QStringLiteral("six"), 6);
        f.timeline.applyLiveChange(room[0]);
        QCOMPARE(f.timeline.heldChange(), 6);
        QCOMPARE(f.source.pendingChangesCount(), 0);

        room[1] = edited(2, QStringLiteral("seven, never heard"), 7);
        room[2] = edited(3, QStringLiteral("eight"), 8);
        f.timeline.applyLiveChange(room[2]); // 7 is missing
        QCOMPARE(f.timeline.heldChange(), 6);
        QCOMPARE(f.source.pendingChangesCount(), 1);
        QCOMPARE(f.source.changesRequest().roomId, RoomId);
        QCOMPARE(f.source.changesRequest().since, 6);
        f.source.serveChangesFrom(room);
        QCOMPARE(f.model.index(1).data(MessageModel::BodyRole).toString(), QStringLiteral("seven, never heard"));
        QCOMPARE(f.timeline.heldChange(), 8);
        QCOMPARE(held.last().first().toLongLong(), 8);
        QCOMPARE(f.source.pendingChangesCount(), 0);
    }

    void catchUpPagesByChangeNumberThenTakesTheLastChange()
    {
        Fixture f;
        QList<Message> room = range(1, 500);
        f.timeline.setLatestPage(room, false);
        f.timeline.setHeldChange(0);
        for (int i = 0; i < 450; ++i) // changed in an order of their own: 450, 449, ... by seq
            room[i] = edited(i + 1, QStringLiteral("edit of %1").arg(i + 1), 450 - i);
        QSignalSpy fetched(&f.timeline, &RoomTimeline::changesFetched);
        f.timeline.noteLastChange(450); // rooms.list after a reconnect
        QCOMPARE(f.source.pendingChangesCount(), 1);
        QCOMPARE(f.source.changesRequest().since, 0);
        QCOMPARE(f.source.changesRequest().limit, ChangeCatchUp::PageSize);
        QCOMPARE(f.source.serveChangesFrom(room), 3); // 200 + 200 + 50
        QCOMPARE(fetched.count(), 3);
        QCOMPARE(fetched.at(1).first().value<QList<Message>>().first().change, 201);
        QCOMPARE(f.timeline.heldChange(), 450);
        for (int row : { 0, 199, 449 })
            QCOMPARE(
                f.model.index(row).data(MessageModel::BodyRole).toString(), QStringLiteral("edit of %1").arg(row + 1));
        QCOMPARE(f.model.index(450).data(MessageModel::BodyRole).toString(), QStringLiteral("message 451"));

        f.timeline.noteLastChange(450); // up to date: nothing to ask
        QCOMPARE(f.source.pendingChangesCount(), 0);
    }

    void aHoleSeenDuringACatchUpIsAskedForOnceTheAnswerLands()
    {
        Fixture f;
        QList<Message> room = range(1, 5);
        f.timeline.setLatestPage(room, false);
        f.timeline.setHeldChange(0);
        f.timeline.noteLastChange(2);
        QCOMPARE(f.source.pendingChangesCount(), 1);
        f.timeline.applyLiveChange(edited(5, QStringLiteral("four"), 4)); // 3 missing, and the answer predates it
        QCOMPARE(f.source.pendingChangesCount(), 1);
        f.source.answerChanges({ edited(1, QStringLiteral("one"), 1), edited(2, QStringLiteral("two"), 2) }, 2, false);
        QCOMPARE(f.source.pendingChangesCount(), 1);
        QCOMPARE(f.source.changesRequest().since, 2);
        f.source.answerChanges(
            { edited(4, QStringLiteral("three"), 3), edited(5, QStringLiteral("four"), 4) }, 4, false);
        QCOMPARE(f.timeline.heldChange(), 4);
        QCOMPARE(f.model.index(3).data(MessageModel::BodyRole).toString(), QStringLiteral("three"));
    }

    void theGapFillComesBeforeTheCatchUp()
    {
        Fixture f;
        f.timeline.setCachedPage(range(1, 10));
        f.timeline.setHeldChange(3);
        f.timeline.fillGap(); // after a reconnect
        f.timeline.noteLastChange(9); // rooms.list: changes were missed too
        QCOMPARE(f.source.pendingCount(), 1);
        QCOMPARE(f.source.pendingChangesCount(), 0); // waits for the gap fill
        QList<Message> room = range(1, 20);
        room[14] = edited(15, QStringLiteral("changed in the gap"), 9);
        f.source.serveFrom(room);
        QCOMPARE(seqsOf(f.timeline), seqRange(1, 20));
        QCOMPARE(f.source.pendingChangesCount(), 1);
        QCOMPARE(f.source.changesRequest().since, 3);
        f.source.serveChangesFrom(room);
        QCOMPARE(f.timeline.heldChange(), 9);
        QCOMPARE(f.model.index(14).data(MessageModel::BodyRole).toString(), QStringLiteral("changed in the gap"));
    }

    void theFirstPageTakesHeldChangeFromTheLastChangeHeardBeforeAskingForIt()
    {
        Fixture f;
        f.timeline.noteLastChange(7); // rooms.list
        f.timeline.loadLatest();
        f.timeline.noteLastChange(8); // heard while the page was on its way: the page may predate it
        QCOMPARE(f.source.pendingChangesCount(), 0);
        f.source.serveFrom(range(1, 30));
        QCOMPARE(f.timeline.heldChange(), 7);
        f.timeline.noteLastChange(8);
        QCOMPARE(f.source.pendingChangesCount(), 1);
        QCOMPARE(f.source.changesRequest().since, 7);
    }

    void aChangeThatOvertakesThePageItBelongsToIsKept()
    {
        Fixture f;
        f.timeline.noteLastChange(0);
        f.timeline.loadLatest();
        f.timeline.applyLiveChange(edited(5, QStringLiteral("edited while loading"), 1));
        f.source.serveFrom(range(1, 10)); // read before the edit
        QCOMPARE(f.model.index(4).data(MessageModel::BodyRole).toString(), QStringLiteral("edited while loading"));
    }

    void repliesQuoteTheirOriginalAsItIsNow()
    {
        Fixture f;
        QList<Message> page = range(1, 4);
        Message reply = messageFrom(4, 1, QStringLiteral("indeed"));
        reply.reply = messagechanges::quoteOf(page.at(1));
        page[3] = Message::fromJson(reply.toJson());
        f.timeline.setLatestPage(page, false);
        QVariantMap quote = f.model.index(3).data(MessageModel::ReplyRole).toMap();
        QCOMPARE(quote.value("excerpt").toString(), QStringLiteral("message 2"));
        QCOMPARE(quote.value("seq").toLongLong(), 2);
        QCOMPARE(quote.value("sender_name").toString(), f.users.nameOf(2));
        QVERIFY(!quote.value("deleted").toBool());
        QVERIFY(!f.model.index(2).data(MessageModel::ReplyRole).isValid());

        QSignalSpy rowChanges(&f.model, &QAbstractItemModel::dataChanged);
        f.timeline.applyLiveChange(edited(2, QStringLiteral("message 2, corrected"), 1));
        QCOMPARE(f.model.index(3).data(MessageModel::ReplyRole).toMap().value("excerpt").toString(),
            QStringLiteral("message 2, corrected"));
        QCOMPARE(rowChanges.count(), 2); // the original and its reply

        Message tombstone = messageFrom(2, 2, QString());
        tombstone.deleted = true;
        f.timeline.applyLiveChange(changed(tombstone, 2));
        quote = f.model.index(3).data(MessageModel::ReplyRole).toMap();
        QVERIFY(quote.value("deleted").toBool());
        QCOMPARE(quote.value("excerpt").toString(), QString());
    }

    void aPendingReplyQuotesTheMessageItAnswers()
    {
        Fixture f;
        f.timeline.setLatestPage(range(1, 3), false);
        Outbox::Item item = pendingItem(QStringLiteral("r1"), QStringLiteral("yes"));
        item.replyTo = f.timeline.messageWithSeq(2)->id;
        f.timeline.addPending(item);
        QCOMPARE(f.model.index(3).data(MessageModel::ReplyRole).toMap().value("seq").toLongLong(), 2);
        QCOMPARE(f.model.index(3).data(MessageModel::MessageIdRole).toLongLong(), 0);
    }

    void reactionsAndMentionsAsTheDelegateShowsThem()
    {
        Fixture f;
        f.users.setUsers({ User { 1, QStringLiteral("me"), true }, User { 2, QStringLiteral("bob"), true },
            User { 3, QStringLiteral("carol"), true } });
        Message message = messageFrom(1, 2, QStringLiteral("@me look"));
        message.mentions = { Me };
        message.reactions = { Reaction { QStringLiteral("👍"), { 3, Me } }, Reaction { QStringLiteral("🎉"), { 2 } } };
        f.timeline.setLatestPage(
            { Message::fromJson(message.toJson()), messageFrom(2, 3, QStringLiteral("hi")) }, false);
        QVERIFY(f.model.index(0).data(MessageModel::MentionsMeRole).toBool());
        QVERIFY(!f.model.index(1).data(MessageModel::MentionsMeRole).toBool());
        const QVariantList reactions = f.model.index(0).data(MessageModel::ReactionsRole).toList();
        QCOMPARE(reactions.size(), 2);
        const QVariantMap first = reactions.at(0).toMap();
        QCOMPARE(first.value("emoji").toString(), QStringLiteral("👍"));
        QCOMPARE(first.value("count").toInt(), 2);
        QCOMPARE(first.value("names").toStringList(), QStringList({ "carol", "me" }));
        QVERIFY(first.value("mine").toBool());
        QVERIFY(!reactions.at(1).toMap().value("mine").toBool());
        QVERIFY(f.model.index(1).data(MessageModel::ReactionsRole).toList().isEmpty());
    }

    void seenByIsShownUnderTheNewestMessageOnly()
    {
        Fixture f;
        f.users.setUsers({ User { 1, QStringLiteral("me"), true }, User { 2, QStringLiteral("bob"), true },
            User { 3, QStringLiteral("carol"), true }, User { 4, QStringLiteral("dave"), true } });
        f.timeline.setLatestPage(range(1, 4), false); // seq 4 is bob's
        f.timeline.setReceipts({ { Me, 4 }, { 2, 4 }, { 3, 4 }, { 4, 3 } });
        QVERIFY(f.model.index(3).data(MessageModel::SeenByRole).toStringList().isEmpty()); // not shown here
        QSignalSpy rowChanges(&f.model, &QAbstractItemModel::dataChanged);
        f.timeline.setShowsReceipts(true);
        QCOMPARE(rowChanges.count(), 1);
        QCOMPARE(f.model.index(3).data(MessageModel::SeenByRole).toStringList(), QStringList({ "carol" }));
        QVERIFY(f.model.index(2).data(MessageModel::SeenByRole).toStringList().isEmpty());

        f.timeline.noteReceipt(4, 4);
        f.timeline.noteReceipt(4, 2); // never backwards
        QCOMPARE(f.model.index(3).data(MessageModel::SeenByRole).toStringList(), QStringList({ "carol", "dave" }));

        f.timeline.addMessages({ messageFrom(5, 1, QStringLiteral("mine")) });
        QVERIFY(f.model.index(3).data(MessageModel::SeenByRole).toStringList().isEmpty());
        QVERIFY(f.model.index(4).data(MessageModel::SeenByRole).toStringList().isEmpty());
        f.timeline.noteReceipt(2, 5);
        QCOMPARE(f.model.index(4).data(MessageModel::SeenByRole).toStringList(), QStringList({ "bob" }));
    }

    void jumpingToAMessageShownIsImmediate()
    {
        Fixture f;
        f.timeline.setLatestPage(range(51, 100), true);
        QSignalSpy ready(&f.model, &MessageModel::jumpReady);
        f.timeline.jumpTo(60);
        QCOMPARE(ready.count(), 1);
        QCOMPARE(ready.first().at(0).toInt(), 9);
        QCOMPARE(ready.first().at(1).toLongLong(), 60);
        QCOMPARE(f.source.pendingCount(), 0);
    }

    void jumpingJustAboveWhatIsShownLoadsAroundItAndPrepends()
    {
        Fixture f;
        const QList<Message> room = range(1, 100);
        f.timeline.setLatestPage(room.mid(50), true);
        QSignalSpy ready(&f.model, &MessageModel::jumpReady);
        QSignalSpy resets(&f.model, &QAbstractItemModel::modelReset);
        f.timeline.jumpTo(40);
        QCOMPARE(f.source.pendingCount(), 1);
        QCOMPARE(f.source.request().around.value_or(-1), 40);
        QVERIFY(!f.source.request().before && !f.source.request().after);
        f.timeline.fetchOlder(); // the view scrolling meanwhile asks nothing more
        QCOMPARE(f.source.pendingCount(), 1);
        f.source.serveFrom(room); // 15..64
        QCOMPARE(seqsOf(f.timeline), seqRange(15, 100));
        QCOMPARE(resets.count(), 0);
        QCOMPARE(ready.count(), 1);
        QCOMPARE(ready.first().at(0).toInt(), 25);
        QCOMPARE(f.model.index(25).data(MessageModel::SeqRole).toLongLong(), 40);
        QVERIFY(f.timeline.hasOlder());
    }

    void jumpingFarBackRestartsFromThePageAroundItAndFillsTheNewerOnes()
    {
        Fixture f;
        const QList<Message> room = range(1, 1000);
        f.timeline.setLatestPage(room.mid(950), true);
        QSignalSpy ready(&f.model, &MessageModel::jumpReady);
        f.timeline.jumpTo(100);
        f.source.serveNext(room); // around 100: 75..124
        QCOMPARE(ready.count(), 1);
        QCOMPARE(ready.first().at(0).toInt(), 25);
        QCOMPARE(f.timeline.firstSeq(), 75);
        QVERIFY(f.timeline.hasOlder());
        QCOMPARE(f.source.pendingCount(), 1);
        QCOMPARE(f.source.request().after.value_or(-1), 124);
        f.source.serveFrom(room);
        QCOMPARE(seqsOf(f.timeline), seqRange(75, 1000)); // one run again, up to the newest
        QCOMPARE(ready.count(), 1);
    }

    void aJumpAskedBeforeTheFirstPageWaitsForIt()
    {
        Fixture f;
        QSignalSpy ready(&f.timeline, &RoomTimeline::jumpReady);
        f.timeline.jumpTo(30);
        QCOMPARE(f.source.pendingCount(), 1);
        QVERIFY(!f.source.request().around);
        const QList<Message> room = range(1, 200);
        f.source.serveNext(room);
        QCOMPARE(f.source.request().around.value_or(-1), 30);
        f.source.serveFrom(room);
        QCOMPARE(ready.count(), 1);
        QCOMPARE(ready.first().first().toLongLong(), 30);
        QCOMPARE(seqsOf(f.timeline), seqRange(5, 200));
    }

    void aJumpToASeqThatDoesNotExistEndsQuietly()
    {
        Fixture f;
        f.timeline.setLatestPage(range(1, 10), false);
        QSignalSpy ready(&f.timeline, &RoomTimeline::jumpReady);
        f.timeline.jumpTo(50);
        QCOMPARE(f.source.pendingCount(), 0);
        QCOMPARE(ready.count(), 0);
        f.timeline.addMessages({ messageFrom(11, 2, QStringLiteral("later")) });
        QCOMPARE(ready.count(), 0);
    }
};

QTEST_GUILESS_MAIN(RoomTimelineTest)
#include "tst_room_timeline.moc"
