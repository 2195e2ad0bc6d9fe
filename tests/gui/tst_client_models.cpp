#include "Backoff.h"
#include "FuzzyMatch.h"
#include "NotificationPolicy.h"
#include "PeopleFilterModel.h"
#include "Protocol.h"
#include "RoomsModel.h"
#include "UsersModel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace chat;
using namespace chat::client;

namespace {
// Models are fed what the protocol library decodes, as the session does with the server's frames.
User userFrom(qint64 id, const QString& name, bool online)
{
    return User::fromJson(User { id, name, online }.toJson());
}

Message messageFrom(
    qint64 roomId, qint64 seq, qint64 sender, const QString& body, qint64 ts = 0, const QString& clientId = {})
{
    return Message::fromJson(Message { seq * 10, roomId, seq, sender, body, ts ? ts : 1700000000000 + seq * 1000,
        clientId.isEmpty() ? QStringLiteral("c%1").arg(seq) : clientId }
                                 .toJson());
}

QStringList column(const QAbstractItemModel& model, int role = Qt::DisplayRole)
{
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values.append(model.index(row, 0).data(role).toString());
    return values;
}
} // namespace

class ClientModelsTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void peopleAreOnlineFirstThenByNameWithoutMe()
    {
        UsersModel users;
        QAbstractItemModelTester usersTester(&users, QAbstractItemModelTester::FailureReportingMode::QtTest);
        PeopleFilterModel people;
        people.setSourceModel(&users);
        QAbstractItemModelTester peopleTester(&people, QAbstractItemModelTester::FailureReportingMode::QtTest);
        users.setMe(1);
        users.setUsers({ userFrom(1, QStringLiteral("me"), true), userFrom(2, QStringLiteral("zoe"), true),
            userFrom(3, QStringLiteral("Anna"), false), userFrom(4, QStringLiteral("bob"), true),
            userFrom(5, QStringLiteral("carl"), false) });
        QCOMPARE(column(people), QStringList({ "bob", "zoe", "Anna", "carl" }));

        users.setOnline(3, true);
        QCOMPARE(column(people), QStringList({ "Anna", "bob", "zoe", "carl" }));
        users.addUser(userFrom(6, QStringLiteral("aaron"), false));
        QCOMPARE(column(people), QStringList({ "Anna", "bob", "zoe", "aaron", "carl" }));

        people.setFilterFixedString(QStringLiteral("A"));
        QCOMPARE(column(people), QStringList({ "Anna", "aaron", "carl" }));
    }

    void unreadIsKeptAcrossAUserListRefresh()
    {
        UsersModel users;
        QAbstractItemModelTester tester(&users, QAbstractItemModelTester::FailureReportingMode::QtTest);
        users.setUsers({ userFrom(2, QStringLiteral("zoe"), true) });
        users.setUnread(2, 3);
        users.setUsers({ userFrom(2, QStringLiteral("zoe"), false) });
        QCOMPARE(users.index(0).data(UsersModel::UnreadRole).toLongLong(), 3);
        QCOMPARE(users.index(0).data(UsersModel::OnlineRole).toBool(), false);
    }

    void roomsCountUnreadAndClearIt()
    {
        UsersModel users;
        users.setMe(1);
        users.setUsers({ userFrom(1, QStringLiteral("me"), true), userFrom(2, QStringLiteral("zoe"), true) });
        RoomsModel rooms(&users);
        QAbstractItemModelTester tester(&rooms, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy totals(&rooms, &RoomsModel::totalUnreadChanged);

        Room general;
        general.id = 10;
        general.name = QStringLiteral("general");
        general.members = { 1, 2 };
        general.lastSeq = 5;
        general.lastReadSeq = 3;
        Room direct;
        direct.id = 11;
        direct.kind = Room::Kind::Direct;
        direct.members = { 1, 2 };
        rooms.setRooms({ Room::fromJson(general.toJson()), Room::fromJson(direct.toJson()) });
        QCOMPARE(rooms.totalUnread(), 2);
        QCOMPARE(rooms.titleOf(10), QStringLiteral("#general"));
        QCOMPARE(rooms.titleOf(11), QStringLiteral("zoe"));
        QCOMPARE(rooms.directRoomWith(2), 11);

        rooms.noteMessage(messageFrom(11, 1, 2, QStringLiteral("hi")), false);
        rooms.noteMessage(messageFrom(11, 2, 2, QStringLiteral("there")), false);
        QCOMPARE(rooms.unreadOf(11), 2);
        QCOMPARE(rooms.totalUnread(), 4);
        rooms.setReadUpTo(11, 2);
        QCOMPARE(rooms.unreadOf(11), 0);
        QCOMPARE(totals.last().first().toLongLong(), 2);

        // My own message in a room I had read keeps it read.
        rooms.noteMessage(messageFrom(11, 3, 1, QStringLiteral("mine")), true);
        QCOMPARE(rooms.unreadOf(11), 0);
    }

    void roomUpdateWithoutReadFieldsKeepsTheReadMarker()
    {
        UsersModel users;
        RoomsModel rooms(&users);
        QAbstractItemModelTester tester(&rooms, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Room room;
        room.id = 7;
        room.name = QStringLiteral("ops");
        room.members = { 1 };
        room.lastSeq = 4;
        room.lastReadSeq = 4;
        rooms.upsert(Room::fromJson(room.toJson()));
        QJsonObject update = room.toJson();
        update.insert(protocol::key::Members, QJsonArray { 1, 2 });
        update.remove(protocol::key::LastReadSeq);
        update.remove(protocol::key::Unread);
        rooms.upsert(RoomUpdate::fromJson(update));
        QCOMPARE(rooms.unreadOf(7), 0);
        QCOMPARE(rooms.room(7)->members.size(), 2);
        rooms.remove(7);
        QCOMPARE(rooms.rowCount(), 0);
    }

    void aMutedRoomIsNotCountedInTheTotalAndKeepsItsLevelAcrossMembershipUpdates()
    {
        UsersModel users;
        users.setMe(1);
        RoomsModel rooms(&users);
        QAbstractItemModelTester tester(&rooms, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy totals(&rooms, &RoomsModel::totalUnreadChanged);
        Room noisy;
        noisy.id = 1;
        noisy.name = QStringLiteral("noisy");
        noisy.members = { 1, 2 };
        noisy.lastSeq = 10;
        noisy.notify = QString(protocol::notify::None);
        Room quiet;
        quiet.id = 2;
        quiet.name = QStringLiteral("quiet");
        quiet.members = { 1, 2 };
        quiet.lastSeq = 3;
        rooms.setRooms({ Room::fromJson(noisy.toJson()), Room::fromJson(quiet.toJson()) });
        QCOMPARE(rooms.index(0).data(RoomsModel::NotifyLevelRole).toString(), QStringLiteral("none"));
        QVERIFY(rooms.index(0).data(RoomsModel::MutedRole).toBool());
        QCOMPARE(rooms.index(1).data(RoomsModel::NotifyLevelRole).toString(), QStringLiteral("all"));
        QCOMPARE(rooms.unreadOf(1), 10); // still counted in the room itself
        QCOMPARE(rooms.totalUnread(), 3);

        rooms.setNotifyLevel(1, QString(protocol::notify::Mentions));
        QCOMPARE(rooms.totalUnread(), 13);
        QCOMPARE(totals.last().first().toLongLong(), 13);
        QCOMPARE(rooms.notifyLevelOf(1), QStringLiteral("mentions"));

        QJsonObject membership = rooms.room(1)->toJson(); // room.updated to every member: nothing personal
        membership.insert(protocol::key::Members, QJsonArray { 1, 2, 3 });
        for (const QLatin1String personal :
            { protocol::key::LastReadSeq, protocol::key::Unread, protocol::key::Notify })
            membership.remove(personal);
        rooms.upsert(RoomUpdate::fromJson(membership));
        QCOMPARE(rooms.notifyLevelOf(1), QStringLiteral("mentions"));

        QJsonObject otherDevice = rooms.room(2)->toJson(); // rooms.notify on another device
        otherDevice.insert(protocol::key::Notify, QString(protocol::notify::None));
        rooms.upsert(RoomUpdate::fromJson(otherDevice));
        QCOMPARE(rooms.totalUnread(), 10);
        QCOMPARE(totals.last().first().toLongLong(), 10);
        QCOMPARE(rooms.notifyLevelOf(99), QStringLiteral("all")); // unknown room
    }

    void aRoomKeepsTheHighestLastChangeHeard()
    {
        UsersModel users;
        RoomsModel rooms(&users);
        Room room;
        room.id = 4;
        room.lastChange = 5;
        rooms.setRooms({ room });
        rooms.noteChange(4, 9);
        QCOMPARE(rooms.room(4)->lastChange, 9);
        rooms.upsert(Room::fromJson(room.toJson())); // an older room object
        QCOMPARE(rooms.room(4)->lastChange, 9);
    }

    void theNotificationDecisionFollowsTheRoomsLevel_data()
    {
        QTest::addColumn<QString>("level");
        QTest::addColumn<qint64>("sender");
        QTest::addColumn<bool>("mentionsMe");
        QTest::addColumn<bool>("notifies");
        const qint64 me = 1;
        const qint64 other = 2;
        for (const QString& level : { QStringLiteral("all"), QStringLiteral("mentions"), QStringLiteral("none") }) {
            for (const bool mentioned : { false, true }) {
                const bool all = level == QStringLiteral("all");
                const bool mentions = level == QStringLiteral("mentions");
                const QByteArray what = (level + (mentioned ? QStringLiteral(", mentions me") : QString())).toUtf8();
                QTest::newRow(QByteArray("from someone else, " + what).constData())
                    << level << other << mentioned << (all || (mentions && mentioned));
                QTest::newRow(QByteArray("from me, " + what).constData()) << level << me << mentioned << false;
            }
        }
        QTest::newRow("a level this client does not know counts as all")
            << QStringLiteral("later") << other << false << true;
    }

    void theNotificationDecisionFollowsTheRoomsLevel()
    {
        QFETCH(QString, level);
        QFETCH(qint64, sender);
        QFETCH(bool, mentionsMe);
        QFETCH(bool, notifies);
        Message message = messageFrom(3, 1, sender, QStringLiteral("@me hello"));
        if (mentionsMe)
            message.mentions = { 5, 1 };
        else
            message.mentions = { 5 };
        QCOMPARE(notificationpolicy::shouldNotify(Message::fromJson(message.toJson()), 1, level), notifies);
    }

    void fuzzyMatchFindsLettersInOrder_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("matches");
        QTest::newRow("prefix") << "gen"
                                << "#general" << true;
        QTest::newRow("scattered") << "gnrl"
                                   << "#general" << true;
        QTest::newRow("any case") << "GEN"
                                  << "#general" << true;
        QTest::newRow("out of order") << "lg"
                                      << "gl" << false;
        QTest::newRow("missing letter") << "genx"
                                        << "#general" << false;
        QTest::newRow("empty pattern") << ""
                                       << "bob" << true;
    }

    void fuzzyMatchFindsLettersInOrder()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, text);
        QFETCH(bool, matches);
        QCOMPARE(FuzzyMatch::score(pattern, text) >= 0, matches);
    }

    void fuzzyMatchRanksWordStartsAndRunsFirst()
    {
        QVERIFY(FuzzyMatch::score(QStringLiteral("gen"), QStringLiteral("#general"))
            > FuzzyMatch::score(QStringLiteral("gen"), QStringLiteral("#design-engineering")));
        QVERIFY(FuzzyMatch::score(QStringLiteral("bo"), QStringLiteral("bob"))
            > FuzzyMatch::score(QStringLiteral("bo"), QStringLiteral("abbot")));
        QVERIFY(FuzzyMatch::score(QStringLiteral("re"), QStringLiteral("release-1.0"))
            > FuzzyMatch::score(QStringLiteral("re"), QStringLiteral("carrie")));
    }

    void backoffGrowsWithJitterAndIsCapped()
    {
        Backoff backoff(500, 30000);
        backoff.setSeed(42);
        int previousCeiling = 0;
        for (int attempt = 0; attempt < 12; ++attempt) {
            const int ceiling = std::min(500 << attempt, 30000);
            const int delay = backoff.nextDelayMs();
            QVERIFY2(delay >= ceiling / 2 && delay <= ceiling, qPrintable(QString::number(delay)));
            QVERIFY(ceiling >= previousCeiling);
            previousCeiling = ceiling;
        }
        backoff.reset();
        QVERIFY(backoff.nextDelayMs() <= 500);
    }
};

QTEST_GUILESS_MAIN(ClientModelsTest)
#include "tst_client_models.moc"
