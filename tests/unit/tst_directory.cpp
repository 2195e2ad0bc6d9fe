#include "core/Directory.h"

#include <QTest>

using namespace chat;
using namespace chat::server;

class DirectoryTest : public QObject {
    Q_OBJECT

private:
    Directory loaded()
    {
        Directory directory;
        directory.load(
            { { 1, QStringLiteral("Alice"), QString(), false, 0 }, { 2, QStringLiteral("bob"), QString(), false, 0 } },
            { { 10, Room::Kind::Group, QStringLiteral("general"), 5, { 1, 2 } },
                { 11, Room::Kind::Direct, QString(), 0, { 1, 2 } } });
        return directory;
    }

private Q_SLOTS:
    void findsUsersByNameCaseInsensitively()
    {
        const Directory directory = loaded();
        QCOMPARE(directory.userIdByName(QStringLiteral("ALICE")), std::optional<qint64>(1));
        QVERIFY(!directory.userIdByName(QStringLiteral("carol")));
        QCOMPARE(directory.users().size(), 2);
        QCOMPARE(directory.users().first().username, QStringLiteral("Alice"));
    }

    void membershipFollowsJoinsAndLeaves()
    {
        Directory directory = loaded();
        QVERIFY(directory.isMember(10, 1));
        QVERIFY(!directory.isMember(10, 3));
        directory.addMember(10, 3);
        QVERIFY(directory.isMember(10, 3));
        QCOMPARE(directory.roomsOf(3), QList<qint64>({ 10 }));
        directory.removeMember(10, 3);
        QVERIFY(!directory.isMember(10, 3));
        QCOMPARE(directory.room(10)->members, QList<qint64>({ 1, 2 }));
    }

    void replacingARoomUpdatesTheMembershipIndex()
    {
        Directory directory = loaded();
        directory.putRoom({ 10, Room::Kind::Group, QStringLiteral("general"), 5, { 2 } });
        QVERIFY(!directory.isMember(10, 1));
        QCOMPARE(directory.roomsOf(1), QList<qint64>({ 11 }));
    }

    void sequenceOnlyMovesForward()
    {
        Directory directory = loaded();
        directory.advanceSeq(10, 7);
        directory.advanceSeq(10, 6);
        QCOMPARE(directory.room(10)->lastSeq, 7);
        QCOMPARE(directory.groupRooms(), QList<qint64>({ 10 }));
    }
};

QTEST_GUILESS_MAIN(DirectoryTest)
#include "tst_directory.moc"
