// StoreDb's search: the index kept in the message's own transaction, substring matching in any script, the
// rooms searched, paging, filters, and building the index for messages older than it; on SQLite and
// (unit_storesearch_pg) PostgreSQL.
#include "StoreTestDatabase.h"
#include "store/StoreDb.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace chat;
using namespace chat::server;

namespace {
constexpr qint64 Now = 1700000000000;
} // namespace

class StoreSearchTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<StoreDb> m_db;
    qint64 m_alice = 0;
    qint64 m_bob = 0;
    qint64 m_carol = 0; // not in m_room
    qint64 m_room = 0; // alice and bob
    qint64 m_elsewhere = 0; // carol only

    DatabaseConfig config() const { return StoreTestDatabase::config(m_dir.filePath(QStringLiteral("chat.sqlite3"))); }

    qint64 user(const QString& name)
    {
        auto created = m_db->createUser(name, QStringLiteral("$argon2id$hash"), Now);
        if (!created)
            qFatal("cannot create a user: %s", qPrintable(created.error().message));
        return created->id;
    }

    Message send(qint64 room, qint64 sender, const QString& body, qint64 ts = Now)
    {
        static int serial = 0;
        auto sent = m_db->appendMessage(room, sender, body, QStringLiteral("s%1").arg(++serial), ts);
        if (!sent || sent->refusal != ActionRefusal::None)
            qFatal("cannot send: %s", sent ? "refused" : qPrintable(sent.error().message));
        return sent->message;
    }

    SearchRequest request(const QString& text, qint64 userId = 0)
    {
        SearchRequest request;
        request.userId = userId ? userId : m_alice;
        request.query = search::parseQuery(text);
        return request;
    }

    SearchPage run(const SearchRequest& request)
    {
        auto page = m_db->searchMessages(request);
        if (!page)
            qFatal("search failed: %s", qPrintable(page.error().message));
        return *page;
    }

    QStringList bodies(const SearchRequest& request) // the whole result, every page
    {
        QStringList found;
        SearchRequest next = request;
        while (true) {
            const SearchPage page = run(next);
            for (const SearchHit& hit : page.hits)
                found.append(hit.message.body);
            if (!page.hasMore)
                return found;
            next.beforeId = page.hits.constLast().message.id;
        }
    }

    QStringList found(const QString& text, qint64 userId = 0) { return bodies(request(text, userId)); }

    bool execSql(const QString& sql)
    {
        QSqlQuery query(m_db->connection());
        if (query.exec(sql))
            return true;
        qWarning() << sql << query.lastError().text();
        return false;
    }

private Q_SLOTS:
    void init()
    {
        StoreTestDatabase::reset(config());
        auto db = StoreDb::open(config(), QStringLiteral("tst-storesearch"));
        QVERIFY2(db.ok(), db ? "" : qPrintable(db.error().message));
        m_db = std::move(db).value();
        auto migrated = m_db->migrate();
        QVERIFY2(migrated.ok(), migrated ? "" : qPrintable(migrated.error().message));
        m_alice = user(QStringLiteral("alice"));
        m_bob = user(QStringLiteral("bob"));
        m_carol = user(QStringLiteral("carol"));
        m_room = m_db->createGroupRoom(QStringLiteral("team"), m_alice, Now)->id;
        QVERIFY(m_db->addMember(m_room, m_bob, Now).ok());
        m_elsewhere = m_db->createGroupRoom(QStringLiteral("carols"), m_carol, Now)->id;
    }

    void cleanup() { m_db.reset(); }

    void aStoredMessageIsFoundAtOnce()
    {
        send(m_room, m_bob, QStringLiteral("The deployment is on Friday"));
        QCOMPARE(found(QStringLiteral("deployment")), QStringList { QStringLiteral("The deployment is on Friday") });
    }

    void matchingIsBySubstringAfterFolding_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("query");
        QTest::newRow("part of a word") << "The deployment is on Friday"
                                        << "ploym";
        QTest::newRow("case") << "The deployment is on Friday"
                              << "FRIDAY";
        QTest::newRow("accent in the body") << "Déployé au café"
                                            << "deploye au cafe";
        QTest::newRow("accent in the query") << "deploye au cafe"
                                             << "Déployé";
        QTest::newRow("phrase with spaces") << "see you at the meeting room"
                                            << "the meeting";
        QTest::newRow("spaces collapse") << "line one\n\nline   two"
                                         << "one line two";
        QTest::newRow("chinese two characters") << "我在北京工作"
                                                << "北京";
        QTest::newRow("chinese one character") << "我喜欢猫"
                                               << "猫";
        QTest::newRow("chinese three characters") << "我在北京工作"
                                                  << "北京工";
        QTest::newRow("japanese") << "味噌ラーメンが好き"
                                  << "ラーメン";
        QTest::newRow("japanese two kana") << "味噌ラーメンが好き"
                                           << "好き";
        QTest::newRow("korean") << "내일 회의 있어요"
                                << "회의";
        QTest::newRow("emoji alone") << "shipped 🚀 today"
                                     << "🚀";
        QTest::newRow("emoji in a phrase") << "shipped 🚀 today"
                                           << "🚀 tod";
        QTest::newRow("quotes are characters") << "he said \"ship it\" loudly"
                                               << "\"ship it\"";
        QTest::newRow("star is a character") << "rating: 5* hotel"
                                             << "5* h";
        QTest::newRow("NEAR is a word") << "stay NEAR the door"
                                        << "near the";
        QTest::newRow("OR is a word") << "tea OR coffee"
                                      << "a or c";
        QTest::newRow("minus and colon") << "build -j2: done"
                                         << "-j2:";
        QTest::newRow("like wildcards are characters") << "100% of a_b"
                                                       << "0% of a_";
        QTest::newRow("backslash") << "C:\\temp\\x"
                                   << ":\\temp";
        QTest::newRow("typographic apostrophe") << "don’t push"
                                                << "don't";
        QTest::newRow("full-width") << "ＡＢＣ corp"
                                    << "abc c";
    }
    void matchingIsBySubstringAfterFolding()
    {
        QFETCH(QString, body);
        QFETCH(QString, query);
        send(m_room, m_bob, QStringLiteral("something else entirely"));
        send(m_room, m_bob, body);
        QCOMPARE(found(query), QStringList { body });
    }

    void lookalikesDoNotMatch_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("query");
        QTest::newRow("wildcard percent") << "100 of them"
                                          << "0% o";
        QTest::newRow("wildcard underscore") << "axb"
                                             << "a_b";
        QTest::newRow("star is no prefix") << "deployment"
                                           << "depl*";
        QTest::newRow("quoted phrase is literal") << "ship it"
                                                  << "\"ship it\"";
        QTest::newRow("not adjacent chinese") << "北京 上海"
                                              << "京上";
        QTest::newRow("kana voicing") << "がっこう"
                                      << "かっこう";
        QTest::newRow("word order") << "Friday we deploy"
                                    << "deploy friday";
    }
    void lookalikesDoNotMatch()
    {
        QFETCH(QString, body);
        QFETCH(QString, query);
        send(m_room, m_bob, body);
        QCOMPARE(found(query), QStringList {});
    }

    void highlightsPointIntoTheBody()
    {
        send(m_room, m_bob, QStringLiteral("🚀 Déployé, déployé!"));
        const SearchPage page = run(request(QStringLiteral("deploye")));
        QCOMPARE(page.hits.size(), 1);
        QCOMPARE(page.hits[0].highlights,
            (QList<search::TextRange> { search::TextRange { 3, 7 }, search::TextRange { 12, 7 } }));
    }

    void anEditIsFoundByItsNewBodyOnly()
    {
        const Message sent = send(m_room, m_alice, QStringLiteral("lunch at noon"));
        auto edited = m_db->editMessage(m_room, sent.id, m_alice, QStringLiteral("dinner at eight"), {}, Now + 1, 0);
        QVERIFY(edited.ok());
        QCOMPARE(found(QStringLiteral("lunch")), QStringList {});
        QCOMPARE(found(QStringLiteral("dinner")), QStringList { QStringLiteral("dinner at eight") });
    }

    void aDeletedMessageIsNotFound()
    {
        const Message sent = send(m_room, m_alice, QStringLiteral("secret plan"));
        QVERIFY(m_db->deleteMessage(m_room, sent.id, m_alice).ok());
        QCOMPARE(found(QStringLiteral("secret")), QStringList {});
    }

    void onlyTheUsersRoomsAreSearched()
    {
        send(m_room, m_bob, QStringLiteral("budget for team"));
        send(m_elsewhere, m_carol, QStringLiteral("budget for carol"));
        QCOMPARE(found(QStringLiteral("budget"), m_alice), QStringList { QStringLiteral("budget for team") });
        QCOMPARE(found(QStringLiteral("budget"), m_carol), QStringList { QStringLiteral("budget for carol") });
        SearchRequest scoped = request(QStringLiteral("budget"), m_alice);
        scoped.roomId = m_elsewhere;
        QCOMPARE(bodies(scoped), QStringList {});
    }

    void aLeftRoomIsNoLongerSearchedAndRejoiningRestoresIt()
    {
        send(m_room, m_alice, QStringLiteral("roadmap draft"));
        QVERIFY(m_db->removeMember(m_room, m_bob).ok());
        QCOMPARE(found(QStringLiteral("roadmap"), m_bob), QStringList {});
        QVERIFY(m_db->addMember(m_room, m_bob, Now).ok());
        QCOMPARE(found(QStringLiteral("roadmap"), m_bob), QStringList { QStringLiteral("roadmap draft") });
    }

    void foreignMatchesChangeNeitherResultsNorWork()
    {
        for (int i = 0; i < 5; ++i)
            send(m_room, m_bob, QStringLiteral("invoice %1").arg(i));
        SearchRequest paged = request(QStringLiteral("invoice"));
        paged.limit = 2;
        const SearchPage before = run(paged);
        for (int i = 0; i < 300; ++i)
            send(m_elsewhere, m_carol, QStringLiteral("invoice elsewhere %1").arg(i));
        const SearchPage after = run(paged);
        QCOMPARE(after.hits, before.hits);
        QCOMPARE(after.hasMore, before.hasMore);
        QCOMPARE(after.rowsRead, before.rowsRead);
        QCOMPARE(after.rowsRead, 3); // the page and the one row that says there is more
    }

    void resultsAreNewestFirstAcrossRoomsAndPagesCoverEveryMatchOnce()
    {
        const qint64 other = m_db->createGroupRoom(QStringLiteral("other"), m_alice, Now)->id;
        QStringList expected;
        for (int i = 0; i < 23; ++i) {
            const QString body = QStringLiteral("status report %1").arg(i);
            send(i % 3 == 0 ? other : m_room, m_alice, body);
            expected.prepend(body);
        }
        SearchRequest paged = request(QStringLiteral("report"));
        paged.limit = 5;
        QCOMPARE(bodies(paged), expected);
        const SearchPage first = run(paged);
        QCOMPARE(first.hits.size(), 5);
        QVERIFY(first.hasMore);
    }

    void aLastFullPageSaysThereIsNoMore()
    {
        for (int i = 0; i < 4; ++i)
            send(m_room, m_alice, QStringLiteral("exact %1").arg(i));
        SearchRequest paged = request(QStringLiteral("exact"));
        paged.limit = 4;
        const SearchPage page = run(paged);
        QCOMPARE(page.hits.size(), 4);
        QVERIFY(!page.hasMore);
    }

    void filtersNarrowByRoomSenderAndTime()
    {
        const qint64 other = m_db->createGroupRoom(QStringLiteral("other"), m_alice, Now)->id;
        send(m_room, m_alice, QStringLiteral("release one"), Now + 1000);
        send(m_room, m_bob, QStringLiteral("release two"), Now + 2000);
        send(other, m_alice, QStringLiteral("release three"), Now + 3000);
        send(m_room, m_alice, QStringLiteral("release four"), Now + 4000);

        SearchRequest inRoom = request(QStringLiteral("release"));
        inRoom.roomId = m_room;
        QCOMPARE(bodies(inRoom),
            (QStringList {
                QStringLiteral("release four"), QStringLiteral("release two"), QStringLiteral("release one") }));
        SearchRequest fromBob = request(QStringLiteral("release"));
        fromBob.senderId = m_bob;
        QCOMPARE(bodies(fromBob), QStringList { QStringLiteral("release two") });
        SearchRequest window = request(QStringLiteral("release"));
        window.fromTs = Now + 2000;
        window.toTs = Now + 4000;
        QCOMPARE(bodies(window), (QStringList { QStringLiteral("release three"), QStringLiteral("release two") }));
        SearchRequest since = request(QStringLiteral("release"));
        since.fromTs = Now + 3500;
        QCOMPARE(bodies(since), QStringList { QStringLiteral("release four") });
    }

    void olderMessagesAreIndexedByTheMigrationInResumableBatches()
    {
        m_db.reset();
        StoreTestDatabase::reset(config());
        m_db = std::move(StoreDb::open(config(), QStringLiteral("tst-storesearch-old"))).value();
        QVERIFY(m_db->migrateTo(3).ok());
        m_alice = user(QStringLiteral("alice"));
        m_room = m_db->createGroupRoom(QStringLiteral("team"), m_alice, Now)->id;
        QSqlQuery insert(m_db->connection());
        for (int seq = 1; seq <= 12; ++seq) {
            QVERIFY(insert.prepare(QStringLiteral(
                "INSERT INTO messages (room_id, seq, sender_id, body, ts, client_id) VALUES (?, ?, ?, ?, ?, ?)")));
            insert.addBindValue(m_room);
            insert.addBindValue(seq);
            insert.addBindValue(m_alice);
            insert.addBindValue(QStringLiteral("archived note %1").arg(seq));
            insert.addBindValue(Now + seq);
            insert.addBindValue(QStringLiteral("old%1").arg(seq));
            QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));
        }
        QVERIFY(execSql(QStringLiteral("UPDATE rooms SET last_seq = 12")));

        // The schema step records what to index; a build that stops early (here: a lower target, as if the
        // process died) goes on from its last batch and adds every message once.
        QCOMPARE(m_db->migrateTo(4).value(), 4);
        QVERIFY(execSql(QStringLiteral("UPDATE search_index SET target = target - 5")));
        QList<SearchIndexProgress> reports;
        auto first = m_db->buildSearchIndex(3, [&reports](const SearchIndexProgress& p) { reports.append(p); });
        QVERIFY(first.ok());
        QCOMPARE(first->indexed, 7);
        QCOMPARE(reports.size(), 3);
        QCOMPARE(found(QStringLiteral("archived")).size(), 7);
        QVERIFY(execSql(QStringLiteral("UPDATE search_index SET target = target + 5")));
        QCOMPARE(m_db->migrate().value(), StoreDb::latestSchemaVersion());
        QCOMPARE(found(QStringLiteral("archived")).size(), 12);
        QCOMPARE(found(QStringLiteral("note 12")), QStringList { QStringLiteral("archived note 12") });
    }

    void reindexRebuildsTheWholeIndex()
    {
        send(m_room, m_alice, QStringLiteral("alpha beta"));
        const Message gone = send(m_room, m_alice, QStringLiteral("alpha gone"));
        QVERIFY(m_db->deleteMessage(m_room, gone.id, m_alice).ok());
        QVERIFY(m_db->resetSearchIndex().ok());
        QCOMPARE(found(QStringLiteral("alpha")), QStringList {});
        auto built = m_db->buildSearchIndex();
        QVERIFY(built.ok());
        QVERIFY(built->done());
        QCOMPARE(found(QStringLiteral("alpha")), QStringList { QStringLiteral("alpha beta") });
        send(m_room, m_alice, QStringLiteral("alpha after"));
        QCOMPARE(found(QStringLiteral("alpha")).size(), 2);
    }
};

QTEST_GUILESS_MAIN(StoreSearchTest)
#include "tst_storesearch.moc"
