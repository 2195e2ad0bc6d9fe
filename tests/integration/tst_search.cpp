// messages.search over the wire (protocol.md, "messages.search" and "Search"): results, highlights, cursors,
// filters, errors, rate limits, and that nothing about rooms the user is not in leaks.
#include "Fixtures.h"
#include "Types.h"

#include <QTest>

using namespace chat;
using namespace chat::test;
namespace key = protocol::key;
namespace method = protocol::method;

namespace {
constexpr int SearchBurst = 4;

qint64 idOf(const Reply& reply)
{
    return reply.result.value(key::MessageObj).toObject().value(key::Id).toInteger();
}

QStringList bodiesOf(const Reply& reply)
{
    QStringList bodies;
    for (const QJsonValue& result : reply.result.value(key::Results).toArray())
        bodies.append(result.toObject().value(key::MessageObj).toObject().value(key::Body).toString());
    return bodies;
}
} // namespace

class SearchTest : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestClient> m_alice;
    std::unique_ptr<TestClient> m_bob;
    std::unique_ptr<TestClient> m_carol; // not in the team room
    qint64 m_team = 0;
    qint64 m_carolsRoom = 0;
    int m_sent = 0;

    Reply send(TestClient& client, const QString& body, qint64 room = 0)
    {
        return client.call(method::MessagesSend,
            { { key::RoomId, room ? room : m_team }, { key::Body, body },
                { key::ClientId, QStringLiteral("c%1").arg(++m_sent) } });
    }

    Reply search(TestClient& client, QJsonObject params) { return client.call(method::MessagesSearch, params); }

    Reply search(TestClient& client, const QString& query) { return search(client, { { key::Query, query } }); }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<TestServer>([](server::ServerConfig& config) {
            config.limits.messagesPerSecond = 1000;
            config.limits.messageBurst = 1000;
            config.limits.searchesPerSecond = 1;
            config.limits.searchBurst = SearchBurst;
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
    }

    void cleanup()
    {
        m_alice.reset();
        m_bob.reset();
        m_carol.reset();
        m_server.reset();
    }

    void helloAnnouncesSearchAndItsRate()
    {
        QVERIFY(m_alice->hello().value(key::Features).toArray().contains(QStringLiteral("search")));
        const QJsonObject limits = m_alice->hello().value(key::Limits).toObject();
        QCOMPARE(limits.value(QLatin1String("search_burst")).toInteger(), SearchBurst);
        QCOMPARE(limits.value(QLatin1String("searches_per_second")).toInteger(), 1);
    }

    void anAcknowledgedMessageIsFoundWithItsHighlights()
    {
        const Reply sent = send(*m_bob, QStringLiteral("Ship the Déploiement on Friday 🚀"));
        QVERIFY(sent.ok());
        const Reply found = search(*m_alice, QStringLiteral("deploiement"));
        QVERIFY2(found.ok(), qPrintable(found.reason()));
        const QJsonArray results = found.result.value(key::Results).toArray();
        QCOMPARE(results.size(), 1);
        const SearchHit hit = SearchHit::fromJson(results.at(0).toObject());
        QCOMPARE(hit.message.id, idOf(sent));
        QCOMPARE(hit.message.roomId, m_team);
        QCOMPARE(hit.highlights, (QList<search::TextRange> { search::TextRange { 9, 11 } }));
        QCOMPARE(found.result.value(key::HasMore).toBool(), false);
        QVERIFY(!found.result.contains(key::NextCursor));
    }

    void pagesFollowTheCursorNewestFirst()
    {
        QStringList expected;
        for (int i = 0; i < 7; ++i) {
            QVERIFY(send(*m_alice, QStringLiteral("weekly sync %1").arg(i)).ok());
            expected.prepend(QStringLiteral("weekly sync %1").arg(i));
        }
        QStringList seen;
        QJsonObject params { { key::Query, QStringLiteral("sync") }, { key::Limit, 3 } };
        for (int page = 0; page < 3; ++page) {
            const Reply reply = search(*m_bob, params);
            QVERIFY(reply.ok());
            seen += bodiesOf(reply);
            QCOMPARE(reply.result.value(key::HasMore).toBool(), page < 2);
            if (page < 2)
                params.insert(key::Cursor, reply.result.value(key::NextCursor).toString());
            // sent by another user in between: newer than the cursor, never in a later page
            QVERIFY(send(*m_alice, QStringLiteral("sync in between %1").arg(page)).ok());
        }
        QCOMPARE(seen, expected);
    }

    void nothingLeaksFromOtherRooms()
    {
        QVERIFY(send(*m_carol, QStringLiteral("carol's salary figures"), m_carolsRoom).ok());
        const Reply everywhere = search(*m_alice, QStringLiteral("salary"));
        QVERIFY(everywhere.ok());
        QCOMPARE(bodiesOf(everywhere), QStringList {});
        QCOMPARE(everywhere.result.value(key::HasMore).toBool(), false);
        // Carol's room answers as a room that does not exist.
        const Reply inCarols
            = search(*m_alice, { { key::Query, QStringLiteral("salary") }, { key::RoomId, m_carolsRoom } });
        const Reply inNowhere = search(*m_alice, { { key::Query, QStringLiteral("salary") }, { key::RoomId, 999999 } });
        QCOMPARE(inCarols.reason(), reason::Forbidden);
        QCOMPARE(inNowhere.reason(), reason::Forbidden);
        QCOMPARE(inCarols.error->message, inNowhere.error->message);
        // By sender: carol's message in her own room stays hidden from alice.
        const Reply fromCarol
            = search(*m_alice, { { key::Query, QStringLiteral("salary") }, { key::SenderId, m_carol->userId() } });
        QVERIFY(fromCarol.ok());
        QCOMPARE(bodiesOf(fromCarol), QStringList {});
    }

    void aRoomLeftIsNoLongerSearched()
    {
        QVERIFY(send(*m_alice, QStringLiteral("offsite agenda")).ok());
        QCOMPARE(bodiesOf(search(*m_bob, QStringLiteral("agenda"))), QStringList { QStringLiteral("offsite agenda") });
        QVERIFY(m_bob->call(method::RoomsLeave, { { key::RoomId, m_team } }).ok());
        QCOMPARE(bodiesOf(search(*m_bob, QStringLiteral("agenda"))), QStringList {});
    }

    void editsAndDeletionsAreSearchedAsTheyAreNow()
    {
        const qint64 edited = idOf(send(*m_alice, QStringLiteral("meet at the lobby")));
        const qint64 deleted = idOf(send(*m_alice, QStringLiteral("meet never")));
        QVERIFY(m_alice
                    ->call(method::MessagesEdit,
                        { { key::MessageId, edited }, { key::Body, QStringLiteral("meet at the café") } })
                    .ok());
        QVERIFY(m_alice->call(method::MessagesDelete, { { key::MessageId, deleted } }).ok());
        QCOMPARE(bodiesOf(search(*m_bob, QStringLiteral("meet"))), QStringList { QStringLiteral("meet at the café") });
        QCOMPARE(bodiesOf(search(*m_bob, QStringLiteral("lobby"))), QStringList {});
    }

    void shortQueriesAreRefusedUnlessDense()
    {
        const Reply tooShort = search(*m_alice, QStringLiteral("ab"));
        QCOMPARE(tooShort.reason(), reason::QueryTooShort);
        QCOMPARE(tooShort.error->code, errc::QueryTooShort);
        QCOMPARE(tooShort.error->extra.value(key::MinChars).toInt(), 3);
        QVERIFY(send(*m_bob, QStringLiteral("会議は北京で")).ok());
        QCOMPARE(bodiesOf(search(*m_alice, QStringLiteral("北京"))), QStringList { QStringLiteral("会議は北京で") });
        QCOMPARE(bodiesOf(search(*m_alice, QStringLiteral("議"))), QStringList { QStringLiteral("会議は北京で") });
    }

    void badParamsAreNamed_data()
    {
        QTest::addColumn<QJsonObject>("params");
        QTest::addColumn<QString>("reason");
        QTest::newRow("no query") << QJsonObject {} << QString(reason::InvalidParams);
        QTest::newRow("query not a string") << QJsonObject { { key::Query, 5 } } << QString(reason::InvalidParams);
        QTest::newRow("blank query") << QJsonObject { { key::Query, QStringLiteral(" \t") } }
                                     << QString(reason::InvalidParams);
        QTest::newRow("query too long") << QJsonObject { { key::Query, QString(257, QLatin1Char('x')) } }
                                        << QString(reason::InvalidParams);
        QTest::newRow("limit zero") << QJsonObject { { key::Query, QStringLiteral("abc") }, { key::Limit, 0 } }
                                    << QString(reason::InvalidParams);
        QTest::newRow("limit too high") << QJsonObject { { key::Query, QStringLiteral("abc") }, { key::Limit, 51 } }
                                        << QString(reason::InvalidParams);
        QTest::newRow("forged cursor") << QJsonObject { { key::Query, QStringLiteral("abc") },
            { key::Cursor, QStringLiteral("x1") } }
                                       << QString(reason::InvalidParams);
        QTest::newRow("numeric cursor") << QJsonObject { { key::Query, QStringLiteral("abc") }, { key::Cursor, 12 } }
                                        << QString(reason::InvalidParams);
        QTest::newRow("time range reversed")
            << QJsonObject { { key::Query, QStringLiteral("abc") }, { key::FromTs, 10 }, { key::ToTs, 10 } }
            << QString(reason::InvalidParams);
        QTest::newRow("room id not an id") << QJsonObject { { key::Query, QStringLiteral("abc") }, { key::RoomId, -1 } }
                                           << QString(reason::InvalidParams);
    }
    void badParamsAreNamed()
    {
        QFETCH(QJsonObject, params);
        QFETCH(QString, reason);
        const Reply reply = search(*m_alice, params);
        QCOMPARE(reply.reason(), reason);
        QVERIFY(!reply.error->message.isEmpty());
    }

    void searchingTooFastIsRateLimitedAndTheConnectionStays()
    {
        for (int i = 0; i < SearchBurst; ++i)
            QVERIFY(search(*m_alice, QStringLiteral("anything")).ok());
        const Reply limited = search(*m_alice, QStringLiteral("anything"));
        QCOMPARE(limited.reason(), reason::RateLimited);
        QVERIFY(limited.error->extra.value(key::RetryAfterMs).toInteger() > 0);
        QVERIFY(send(*m_alice, QStringLiteral("still here")).ok());
        QVERIFY(search(*m_bob, QStringLiteral("still")).ok()); // another connection has its own budget
    }

    void signedOutConnectionsCannotSearch()
    {
        TestClient stranger;
        QVERIFY(stranger.connectTo(m_server->url()));
        QCOMPARE(stranger.call(method::MessagesSearch, { { key::Query, QStringLiteral("salary") } }).reason(),
            reason::Unauthenticated);
    }
};

QTEST_GUILESS_MAIN(SearchTest)
#include "tst_search.moc"
