// Message actions over the wire (protocol.md, "Message actions" and "Changes and catch-up"): edits, deletions,
// replies, reactions, mentions, receipts, notification levels, catch-up after a disconnect, and who may do what.
#include "Fixtures.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace chat;
using namespace chat::test;
namespace key = protocol::key;
namespace method = protocol::method;
namespace notification = protocol::notification;

namespace {
constexpr int MaxReactions = 3;
constexpr int EditWindowS = 3600;

QJsonObject messageOf(const Reply& reply)
{
    return reply.result.value(key::MessageObj).toObject();
}

qint64 idOf(const Reply& reply)
{
    return messageOf(reply).value(key::Id).toInteger();
}

QJsonObject roomIn(const Reply& list, qint64 roomId)
{
    for (const QJsonValue& room : list.result.value(key::Rooms).toArray()) {
        if (room.toObject().value(key::Id).toInteger() == roomId)
            return room.toObject();
    }
    return {};
}
} // namespace

class MessageActionsTest : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestClient> m_alice;
    std::unique_ptr<TestClient> m_bob;
    std::unique_ptr<TestClient> m_carol; // not in the team room
    qint64 m_team = 0;
    qint64 m_carolsRoom = 0;
    int m_sent = 0;

    Reply send(TestClient& client, const QString& body, qint64 room = 0, const QJsonValue& replyTo = {})
    {
        QJsonObject params { { key::RoomId, room ? room : m_team }, { key::Body, body },
            { key::ClientId, QStringLiteral("c%1").arg(++m_sent) } };
        if (!replyTo.isUndefined())
            params.insert(key::ReplyTo, replyTo);
        return client.call(method::MessagesSend, params);
    }

    Reply edit(TestClient& client, qint64 messageId, const QString& body)
    {
        return client.call(method::MessagesEdit, { { key::MessageId, messageId }, { key::Body, body } });
    }

    Reply react(TestClient& client, const QString& how, qint64 messageId, const QString& emoji)
    {
        return client.call(how, { { key::MessageId, messageId }, { key::Emoji, emoji } });
    }

    // The next message.changed on `client`, as the message it carries.
    QJsonObject nextChange(TestClient& client)
    {
        auto changed = client.waitForNotification(notification::MessageChanged);
        return changed ? changed->value(key::MessageObj).toObject() : QJsonObject();
    }

    QJsonArray history(TestClient& client, qint64 room)
    {
        return client.call(method::MessagesHistory, { { key::RoomId, room } }).result.value(key::Messages).toArray();
    }

    void clearAll()
    {
        for (TestClient* client : { m_alice.get(), m_bob.get(), m_carol.get() })
            client->clearNotifications();
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<TestServer>([](server::ServerConfig& config) {
            config.limits.messagesPerSecond = 1000;
            config.limits.messageBurst = 1000;
            config.limits.maxReactionsPerMessage = MaxReactions;
            config.limits.editWindowS = EditWindowS;
            config.limits.receiptsMaxMembers = 2; // the team room (2) has receipts, general (3) has not
        });
        QVERIFY2(m_server->start(), qPrintable(m_server->lastError()));
        m_alice = signedUpClient(*m_server, QStringLiteral("alice"));
        m_bob = signedUpClient(*m_server, QStringLiteral("bob"));
        m_carol = signedUpClient(*m_server, QStringLiteral("carol"));
        QVERIFY(m_alice && m_bob && m_carol);
        m_team = roomIdOf(m_alice->call(method::RoomsCreate, { { key::Name, QStringLiteral("team") } }));
        QVERIFY(m_bob->call(method::RoomsJoin, { { key::RoomId, m_team } }).ok());
        m_carolsRoom = roomIdOf(m_carol->call(method::RoomsCreate, { { key::Name, QStringLiteral("carols") } }));
        QVERIFY(m_team > 0 && m_carolsRoom > 0);
        clearAll();
    }

    void cleanup()
    {
        m_alice.reset();
        m_bob.reset();
        m_carol.reset();
        m_server.reset();
    }

    void helloAnnouncesTheFeaturesAndTheirLimits()
    {
        QStringList features;
        for (const QJsonValue& feature : m_alice->hello().value(key::Features).toArray())
            features.append(feature.toString());
        for (const char* expected :
            { "edit", "delete", "reply", "reactions", "mentions", "receipts", "notify", "changes" })
            QVERIFY2(features.contains(QLatin1String(expected)), expected);
        const QJsonObject limits = m_alice->hello().value(key::Limits).toObject();
        QCOMPARE(limits.value(QLatin1String("edit_window_s")).toInteger(), EditWindowS);
        QCOMPARE(limits.value(QLatin1String("max_reactions_per_message")).toInteger(), MaxReactions);
        QCOMPARE(limits.value(QLatin1String("receipts_max_members")).toInteger(), 2);
    }

    void anEditReachesEveryConnectionOfEveryMember()
    {
        auto bobsPhone = std::make_unique<TestClient>();
        QVERIFY(bobsPhone->connectTo(m_server->url()));
        QVERIFY(bobsPhone->login(QStringLiteral("bob")).ok());
        const Reply sent = send(*m_alice, QStringLiteral("helo"));
        const Reply edited = edit(*m_alice, idOf(sent), QStringLiteral("hello @bob"));
        QVERIFY(edited.ok());
        const QJsonObject message = messageOf(edited);
        QCOMPARE(message.value(key::Body).toString(), QStringLiteral("hello @bob"));
        QCOMPARE(message.value(key::Seq), messageOf(sent).value(key::Seq));
        QCOMPARE(message.value(key::Change).toInteger(), 1);
        QVERIFY(message.value(key::EditedTs).toInteger() >= messageOf(sent).value(key::Ts).toInteger());
        QCOMPARE(message.value(key::Mentions).toArray(), QJsonArray({ m_bob->userId() }));
        for (TestClient* client : { m_alice.get(), m_bob.get(), bobsPhone.get() })
            QCOMPARE(nextChange(*client), message);
        QCOMPARE(history(*m_bob, m_team).last().toObject(), message);
        QCOMPARE(roomIn(m_bob->call(method::RoomsList), m_team).value(key::LastChange).toInteger(), 1);
        QCOMPARE(m_carol->pendingNotifications(notification::MessageChanged), 0);
    }

    void repeatingAnActionChangesNothingAndTellsNobody()
    {
        const qint64 id = idOf(send(*m_alice, QStringLiteral("once")));
        QVERIFY(edit(*m_alice, id, QStringLiteral("twice")).ok());
        QVERIFY(react(*m_bob, method::ReactionsAdd, id, QStringLiteral("👍")).ok());
        QCOMPARE(nextChange(*m_bob).value(key::Change).toInteger(), 1);
        QCOMPARE(nextChange(*m_bob).value(key::Change).toInteger(), 2);
        const Reply sameEdit = edit(*m_alice, id, QStringLiteral("twice"));
        const Reply sameReaction = react(*m_bob, method::ReactionsAdd, id, QStringLiteral("👍"));
        const Reply absentReaction = react(*m_alice, method::ReactionsRemove, id, QStringLiteral("👍"));
        for (const Reply& reply : { sameEdit, sameReaction, absentReaction }) {
            QVERIFY(reply.ok());
            QCOMPARE(messageOf(reply).value(key::Change).toInteger(), 2);
        }
        const qint64 doomed = idOf(send(*m_bob, QStringLiteral("doomed")));
        QVERIFY(m_bob->call(method::MessagesDelete, { { key::MessageId, doomed } }).ok());
        const Reply deletedAgain = m_bob->call(method::MessagesDelete, { { key::MessageId, doomed } });
        QCOMPARE(messageOf(deletedAgain).value(key::Change).toInteger(), 3);
        // Notifications keep their order: the repeats announced nothing before the deletion's.
        QCOMPARE(nextChange(*m_bob).value(key::Change).toInteger(), 3);
        QVERIFY(m_bob->call(method::UsersList).ok()); // a round trip: anything sent to bob has arrived
        QCOMPARE(m_bob->pendingNotifications(notification::MessageChanged), 0);
    }

    void aDeletionLeavesATombstone()
    {
        const Reply original = send(*m_alice, QStringLiteral("oops @bob"));
        QVERIFY(react(*m_bob, method::ReactionsAdd, idOf(original), QStringLiteral("😮")).ok());
        const Reply deleted = m_alice->call(method::MessagesDelete, { { key::MessageId, idOf(original) } });
        QVERIFY(deleted.ok());
        const QJsonObject tombstone = messageOf(deleted);
        QCOMPARE(tombstone.value(key::Deleted).toBool(), true);
        QCOMPARE(tombstone.value(key::Body).toString(), QString());
        QCOMPARE(tombstone.value(key::Seq), messageOf(original).value(key::Seq));
        for (QLatin1String gone : { key::Mentions, key::Reactions, key::EditedTs, key::Reply })
            QVERIFY2(!tombstone.contains(gone), gone.data());
        QCOMPARE(history(*m_bob, m_team).last().toObject(), tombstone);
        QCOMPARE(edit(*m_alice, idOf(original), QStringLiteral("undo")).reason(), QStringLiteral("message_deleted"));
        QCOMPARE(react(*m_bob, method::ReactionsAdd, idOf(original), QStringLiteral("👍")).reason(),
            QStringLiteral("message_deleted"));
        QCOMPARE(send(*m_bob, QStringLiteral("re"), 0, idOf(original)).reason(), QStringLiteral("message_deleted"));
    }

    void forbiddenRevealsNothing_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<bool>("authorOnly");
        QTest::newRow("edit") << QString(method::MessagesEdit) << true;
        QTest::newRow("delete") << QString(method::MessagesDelete) << true;
        QTest::newRow("react") << QString(method::ReactionsAdd) << false;
        QTest::newRow("unreact") << QString(method::ReactionsRemove) << false;
    }

    void forbiddenRevealsNothing()
    {
        QFETCH(QString, method);
        QFETCH(bool, authorOnly);
        const qint64 alices = idOf(send(*m_alice, QStringLiteral("in the team")));
        const qint64 carols = idOf(send(*m_carol, QStringLiteral("in carol's room"), m_carolsRoom));
        auto attempt = [&](TestClient& client, qint64 messageId) {
            return client.call(method,
                { { key::MessageId, messageId }, { key::Body, QStringLiteral("changed") },
                    { key::Emoji, QStringLiteral("👍") } });
        };
        const Reply missing = attempt(*m_bob, carols + 1000);
        const Reply otherRoom = attempt(*m_bob, carols);
        QCOMPARE(missing.reason(), QStringLiteral("forbidden"));
        QCOMPARE(otherRoom.reason(), QStringLiteral("forbidden"));
        QCOMPARE(otherRoom.error->message, missing.error->message);
        QCOMPARE(otherRoom.error->code, missing.error->code);
        const Reply someoneElses = attempt(*m_bob, alices);
        if (authorOnly) {
            QCOMPARE(someoneElses.reason(), QStringLiteral("forbidden"));
            QCOMPARE(someoneElses.error->message, missing.error->message);
        } else {
            QVERIFY(someoneElses.ok());
        }
        // A member who left can no longer act on the room's messages.
        QVERIFY(m_bob->call(method::RoomsLeave, { { key::RoomId, m_team } }).ok());
        const qint64 bobsOwn = idOf(send(*m_alice, QStringLiteral("later")));
        QCOMPARE(attempt(*m_bob, bobsOwn).error->message, missing.error->message);
        QCOMPARE(history(*m_carol, m_carolsRoom).last().toObject().value(key::Body).toString(),
            QStringLiteral("in carol's room"));
    }

    void aReplyQuotesItsOriginalAsItIsNow()
    {
        const Reply original = send(*m_alice, QStringLiteral("question?"));
        const Reply reply = send(*m_bob, QStringLiteral("answer"), 0, idOf(original));
        QVERIFY(reply.ok());
        const QJsonObject quote = messageOf(reply).value(key::Reply).toObject();
        QCOMPARE(quote.value(key::Id).toInteger(), idOf(original));
        QCOMPARE(quote.value(key::Seq), messageOf(original).value(key::Seq));
        QCOMPARE(quote.value(key::SenderId).toInteger(), m_alice->userId());
        QCOMPARE(quote.value(key::Excerpt).toString(), QStringLiteral("question?"));
        QVERIFY(m_alice->call(method::MessagesDelete, { { key::MessageId, idOf(original) } }).ok());
        const QJsonObject requoted = history(*m_bob, m_team).last().toObject().value(key::Reply).toObject();
        QCOMPARE(requoted.value(key::Deleted).toBool(), true);
        QVERIFY(!requoted.contains(key::Excerpt));
        QVERIFY(send(*m_bob, QStringLiteral("no reply"), 0, QJsonValue::Null).ok()); // null counts as absent
    }

    void aReplyStaysInItsRoom()
    {
        const qint64 carols = idOf(send(*m_carol, QStringLiteral("private"), m_carolsRoom));
        const Reply otherRoom = send(*m_bob, QStringLiteral("re"), 0, carols);
        const Reply missing = send(*m_bob, QStringLiteral("re"), 0, carols + 1000);
        QCOMPARE(otherRoom.reason(), QStringLiteral("invalid_params"));
        QCOMPARE(missing.reason(), QStringLiteral("invalid_params"));
        QCOMPARE(otherRoom.error->message, missing.error->message);
        QVERIFY(history(*m_bob, m_team).isEmpty());
        QCOMPARE(send(*m_bob, QStringLiteral("re"), 0, QStringLiteral("1")).reason(), QStringLiteral("invalid_params"));
    }

    void oneEmojiIsAccepted_data()
    {
        QTest::addColumn<QString>("emoji");
        QTest::newRow("thumbs up") << QStringLiteral("👍");
        QTest::newRow("skin tone") << QStringLiteral("👍🏽");
        QTest::newRow("zwj sequence") << QStringLiteral("👩‍💻");
        QTest::newRow("flag") << QStringLiteral("🇩🇪");
        QTest::newRow("keycap") << QStringLiteral("1️⃣");
        QTest::newRow("tag sequence") << QStringLiteral("🏴󠁧󠁢󠁳󠁣󠁴󠁿");
    }

    void oneEmojiIsAccepted()
    {
        QFETCH(QString, emoji);
        const qint64 id = idOf(send(*m_alice, QStringLiteral("react to me")));
        const Reply added = react(*m_bob, method::ReactionsAdd, id, emoji);
        QVERIFY2(added.ok(), qPrintable(added.reason()));
        const QJsonArray reactions = messageOf(added).value(key::Reactions).toArray();
        QCOMPARE(reactions.size(), 1);
        QCOMPARE(reactions.at(0).toObject().value(key::Emoji).toString(), emoji);
        QCOMPARE(reactions.at(0).toObject().value(key::Users).toArray(), QJsonArray({ m_bob->userId() }));
        const Reply removed = react(*m_bob, method::ReactionsRemove, id, emoji);
        QVERIFY(removed.ok());
        QVERIFY(!messageOf(removed).contains(key::Reactions));
    }

    void anythingButOneEmojiIsRefused_data()
    {
        QTest::addColumn<QJsonValue>("emoji");
        QTest::newRow("letter") << QJsonValue(QStringLiteral("a"));
        QTest::newRow("two emoji") << QJsonValue(QStringLiteral("👍👍"));
        QTest::newRow("leading space") << QJsonValue(QStringLiteral(" 👍"));
        QTest::newRow("empty") << QJsonValue(QString());
        QTest::newRow("digit") << QJsonValue(QStringLiteral("1"));
        QTest::newRow("text") << QJsonValue(QStringLiteral("thumbs up"));
        QTest::newRow("number") << QJsonValue(1);
    }

    void anythingButOneEmojiIsRefused()
    {
        QFETCH(QJsonValue, emoji);
        const qint64 id = idOf(send(*m_alice, QStringLiteral("react to me")));
        for (QLatin1String how : { method::ReactionsAdd, method::ReactionsRemove }) {
            const Reply refused = m_bob->call(how, { { key::MessageId, id }, { key::Emoji, emoji } });
            QCOMPARE(refused.reason(), QStringLiteral("invalid_params"));
        }
        QVERIFY(!history(*m_bob, m_team).last().toObject().contains(key::Reactions));
    }

    void aMessageTakesAtMostTheLimitOfDifferentEmoji()
    {
        const qint64 id = idOf(send(*m_alice, QStringLiteral("poll")));
        for (const QString& emoji : { QStringLiteral("1️⃣"), QStringLiteral("2️⃣"), QStringLiteral("3️⃣") })
            QVERIFY(react(*m_alice, method::ReactionsAdd, id, emoji).ok());
        QCOMPARE(react(*m_bob, method::ReactionsAdd, id, QStringLiteral("4️⃣")).reason(),
            QStringLiteral("limit_reached"));
        const Reply joined = react(*m_bob, method::ReactionsAdd, id, QStringLiteral("3️⃣"));
        QVERIFY(joined.ok());
        QCOMPARE(messageOf(joined).value(key::Reactions).toArray().at(2).toObject().value(key::Users).toArray(),
            QJsonArray({ m_alice->userId(), m_bob->userId() }));
    }

    void mentionsNameMembersOnly()
    {
        const Reply sent = send(*m_alice,
            QStringLiteral("@BOB see @carol, mail bob@example.com or e-mail@example.com, @alice. @nobody @bob"));
        QVERIFY(sent.ok());
        QCOMPARE(messageOf(sent).value(key::Mentions).toArray(), QJsonArray({ m_bob->userId(), m_alice->userId() }));
        QVERIFY(!messageOf(send(*m_alice, QStringLiteral("no one here"))).contains(key::Mentions));
    }

    void theEditWindowClosesEditsButNotDeletions()
    {
        const qint64 id = idOf(send(*m_alice, QStringLiteral("from long ago")));
        {
            // Age the message in the store instead of waiting an hour.
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("age"));
            db.setDatabaseName(m_server->databasePath());
            QVERIFY(db.open());
            QSqlQuery age(db);
            QVERIFY(age.exec(QStringLiteral("UPDATE messages SET ts = ts - %1 WHERE id = %2")
                                 .arg(qint64(EditWindowS + 1) * 1000)
                                 .arg(id)));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("age"));
        QCOMPARE(edit(*m_alice, id, QStringLiteral("late")).reason(), QStringLiteral("edit_window_closed"));
        QVERIFY(m_alice->call(method::MessagesDelete, { { key::MessageId, id } }).ok());
    }

    void aReadMarkerThatMovesIsAReceiptInSmallRooms()
    {
        const qint64 seq = messageOf(send(*m_alice, QStringLiteral("read me"))).value(key::Seq).toInteger();
        qint64 general = 0;
        for (const QJsonValue& room : m_alice->call(method::RoomsList).result.value(key::Rooms).toArray()) {
            if (room.toObject().value(key::Name).toString() == QLatin1String("general"))
                general = room.toObject().value(key::Id).toInteger();
        }
        QVERIFY(general > 0);
        const qint64 generalSeq
            = messageOf(send(*m_alice, QStringLiteral("everyone"), general)).value(key::Seq).toInteger();
        // general has three members, over receipts_max_members: no receipt; the team room's comes next.
        QVERIFY(m_bob->call(method::RoomsRead, { { key::RoomId, general }, { key::Seq, generalSeq } }).ok());
        QVERIFY(m_bob->call(method::RoomsRead, { { key::RoomId, m_team }, { key::Seq, seq } }).ok());
        QVERIFY(m_bob->call(method::RoomsRead, { { key::RoomId, m_team }, { key::Seq, seq } }).ok()); // not moved
        auto receipt = m_alice->waitForNotification(notification::Receipt);
        QVERIFY(receipt);
        QCOMPARE(
            *receipt, QJsonObject({ { key::RoomId, m_team }, { key::UserId, m_bob->userId() }, { key::Seq, seq } }));
        QVERIFY(m_alice->call(method::UsersList).ok()); // a round trip: anything sent to alice has arrived
        QCOMPARE(m_alice->pendingNotifications(notification::Receipt), 0);
        QCOMPARE(m_bob->pendingNotifications(notification::Receipt), 0); // not to the reader

        QJsonArray receipts
            = m_alice->call(method::RoomsReceipts, { { key::RoomId, m_team } }).result.value(key::Receipts).toArray();
        QCOMPARE(receipts.size(), 2);
        for (const QJsonValue& entry : receipts)
            QCOMPARE(entry.toObject().value(key::Seq).toInteger(), seq);
        QCOMPARE(
            m_carol->call(method::RoomsReceipts, { { key::RoomId, m_team } }).reason(), QStringLiteral("forbidden"));
    }

    void theNotificationLevelFollowsTheUserToEveryDevice()
    {
        auto bobsPhone = std::make_unique<TestClient>();
        QVERIFY(bobsPhone->connectTo(m_server->url()));
        QVERIFY(bobsPhone->login(QStringLiteral("bob")).ok());
        QCOMPARE(roomIn(m_bob->call(method::RoomsList), m_team).value(key::Notify).toString(), QStringLiteral("all"));
        QVERIFY(
            m_bob->call(method::RoomsNotify, { { key::RoomId, m_team }, { key::Level, QStringLiteral("mentions") } })
                .ok());
        auto updated = bobsPhone->waitForRoomUpdated(m_team);
        QVERIFY(updated);
        QCOMPARE(updated->value(key::Room).toObject().value(key::Notify).toString(), QStringLiteral("mentions"));
        QCOMPARE(roomIn(bobsPhone->call(method::RoomsList), m_team).value(key::Notify).toString(),
            QStringLiteral("mentions"));
        QCOMPARE(roomIn(m_alice->call(method::RoomsList), m_team).value(key::Notify).toString(), QStringLiteral("all"));
        QCOMPARE(m_bob->call(method::RoomsNotify, { { key::RoomId, m_team }, { key::Level, QStringLiteral("loud") } })
                     .reason(),
            QStringLiteral("invalid_params"));
        QCOMPARE(m_carol->call(method::RoomsNotify, { { key::RoomId, m_team }, { key::Level, QStringLiteral("none") } })
                     .reason(),
            QStringLiteral("forbidden"));
    }

    void aClientThatWasAwayCatchesUpOnEveryChange()
    {
        QList<qint64> ids;
        for (int i = 0; i < 5; ++i)
            ids.append(idOf(send(*m_alice, QStringLiteral("m%1").arg(i))));
        QVERIFY(edit(*m_alice, ids.at(0), QStringLiteral("before")).ok());
        const qint64 held = roomIn(m_bob->call(method::RoomsList), m_team).value(key::LastChange).toInteger();
        QCOMPARE(held, 1);
        m_bob->close();
        QVERIFY(m_bob->waitForDisconnected());

        QVERIFY(edit(*m_alice, ids.at(0), QStringLiteral("m0 edited")).ok());
        QVERIFY(edit(*m_alice, ids.at(0), QStringLiteral("m0 edited twice")).ok());
        QVERIFY(m_alice->call(method::MessagesDelete, { { key::MessageId, ids.at(1) } }).ok());
        QVERIFY(react(*m_alice, method::ReactionsAdd, ids.at(2), QStringLiteral("👍")).ok());
        QVERIFY(react(*m_alice, method::ReactionsAdd, ids.at(3), QStringLiteral("🎉")).ok());

        m_bob = std::make_unique<TestClient>();
        QVERIFY(m_bob->connectTo(m_server->url()));
        QVERIFY(m_bob->login(QStringLiteral("bob")).ok());
        const qint64 lastChange = roomIn(m_bob->call(method::RoomsList), m_team).value(key::LastChange).toInteger();
        QCOMPARE(lastChange, 6);
        QHash<qint64, QJsonObject> caughtUp;
        qint64 since = held;
        int pages = 0;
        bool more = true;
        while (more) {
            const Reply page = m_bob->call(
                method::MessagesChanges, { { key::RoomId, m_team }, { key::Since, since }, { key::Limit, 2 } });
            QVERIFY(page.ok());
            ++pages;
            QCOMPARE(page.result.value(key::LastChange).toInteger(), lastChange);
            for (const QJsonValue& value : page.result.value(key::Messages).toArray()) {
                const QJsonObject message = value.toObject();
                QVERIFY(message.value(key::Change).toInteger() > since);
                since = message.value(key::Change).toInteger();
                QVERIFY2(!caughtUp.contains(message.value(key::Id).toInteger()), "a message came back twice");
                caughtUp.insert(message.value(key::Id).toInteger(), message);
            }
            more = page.result.value(key::HasMore).toBool();
        }
        QCOMPARE(pages, 2);
        QCOMPARE(caughtUp.size(), 4);
        QCOMPARE(since, lastChange);
        for (const QJsonValue& value : history(*m_bob, m_team)) {
            const QJsonObject message = value.toObject();
            if (caughtUp.contains(message.value(key::Id).toInteger()))
                QCOMPARE(caughtUp.value(message.value(key::Id).toInteger()), message); // as it is now
        }
        QCOMPARE(caughtUp.value(ids.at(0)).value(key::Body).toString(), QStringLiteral("m0 edited twice"));
        QVERIFY(caughtUp.value(ids.at(1)).value(key::Deleted).toBool());
        QCOMPARE(m_carol->call(method::MessagesChanges, { { key::RoomId, m_team }, { key::Since, 0 } }).reason(),
            QStringLiteral("forbidden"));
    }

    void historyAroundASeqReturnsItsNeighbourhood()
    {
        for (int i = 1; i <= 30; ++i)
            QVERIFY(send(*m_alice, QStringLiteral("n%1").arg(i)).ok());
        const Reply page
            = m_bob->call(method::MessagesHistory, { { key::RoomId, m_team }, { key::Around, 10 }, { key::Limit, 6 } });
        QVERIFY(page.ok());
        QCOMPARE(seqsOf(page.result.value(key::Messages).toArray()), QList<qint64>({ 7, 8, 9, 10, 11, 12 }));
        QCOMPARE(page.result.value(key::HasMore).toBool(), true);
        QCOMPARE(page.result.value(key::HasNewer).toBool(), true);
        QCOMPARE(
            m_bob->call(method::MessagesHistory, { { key::RoomId, m_team }, { key::Around, 10 }, { key::After, 2 } })
                .reason(),
            QStringLiteral("invalid_params"));
        QVERIFY(!m_bob->call(method::MessagesHistory, { { key::RoomId, m_team } }).result.contains(key::HasNewer));
    }
};

QTEST_GUILESS_MAIN(MessageActionsTest)
#include "tst_messageactions.moc"
