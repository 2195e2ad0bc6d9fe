// SearchResultsModel on a fake transport (no server): pages by cursor, stale answers dropped, the states the panel
// shows, errors in words; and SearchSnippet, the excerpt a result row shows.
#include "FakeSearchSource.h"
#include "Protocol.h"
#include "RoomsModel.h"
#include "SearchResultsModel.h"
#include "SearchSnippet.h"
#include "UsersModel.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace chat;
using namespace chat::client;
using chat::client::testing::FakeSearchSource;
using State = SearchResultsModel::State;
using Ranges = QList<search::TextRange>;

namespace {
constexpr qint64 Me = 1;
constexpr qint64 Zoe = 2;
constexpr qint64 General = 10;
constexpr qint64 WithZoe = 11;

// As the server writes a result, through the protocol library's decoder.
SearchHit hitFrom(qint64 id, qint64 roomId, qint64 sender, const QString& body, const Ranges& highlights)
{
    QJsonArray ranges;
    for (const search::TextRange& range : highlights)
        ranges.append(QJsonArray { range.start, range.length });
    const Message message { id, roomId, id, sender, body, 1700000000000 + id * 1000, QStringLiteral("c%1").arg(id) };
    return SearchHit::fromJson(
        { { protocol::key::Message, message.toJson() }, { QStringLiteral("highlights"), ranges } });
}

SearchCriteria searchFor(const QString& text, std::optional<qint64> roomId = {}, std::optional<qint64> senderId = {},
    std::optional<qint64> fromTs = {})
{
    SearchCriteria criteria;
    criteria.text = text;
    criteria.roomId = roomId;
    criteria.senderId = senderId;
    criteria.fromTs = fromTs;
    return criteria;
}

QList<SearchHit> hits(qint64 fromId, int count)
{
    QList<SearchHit> page;
    for (qint64 id = fromId; id > fromId - count; --id)
        page.append(hitFrom(id, General, Zoe, QStringLiteral("deploy %1").arg(id), { { 0, 6 } }));
    return page;
}

QList<qint64> idsIn(const QAbstractItemModel& model)
{
    QList<qint64> ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.append(model.index(row, 0).data(SearchResultsModel::MessageIdRole).toLongLong());
    return ids;
}

RpcError errorWith(const QString& reason, const QJsonObject& extra = {})
{
    RpcError error;
    error.reason = reason;
    error.message = QStringLiteral("the server's words");
    error.extra = extra;
    return error;
}
} // namespace

class SearchResultsTest : public QObject {
    Q_OBJECT

    UsersModel m_users;
    RoomsModel m_rooms { &m_users };

private Q_SLOTS:
    void initTestCase()
    {
        m_users.setMe(Me);
        m_users.setUsers({ User::fromJson(User { Me, QStringLiteral("me"), true }.toJson()),
            User::fromJson(User { Zoe, QStringLiteral("zoe"), true }.toJson()) });
        Room general;
        general.id = General;
        general.name = QStringLiteral("general");
        general.members = { Me, Zoe };
        Room direct;
        direct.id = WithZoe;
        direct.kind = Room::Kind::Direct;
        direct.members = { Me, Zoe };
        m_rooms.setRooms({ Room::fromJson(general.toJson()), Room::fromJson(direct.toJson()) });
    }

    void aResultCarriesItsRoomSenderTimeBodyAndHighlights()
    {
        FakeSearchSource source;
        SearchResultsModel model(&source, &m_rooms, &m_users);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.search(searchFor(QStringLiteral("北京")));
        QCOMPARE(model.state(), State::Searching);
        QCOMPARE(source.pendingCount(), 1);
        source.answer(0,
            { hitFrom(7, WithZoe, Zoe, QStringLiteral("我在北京工作"), { { 2, 2 } }),
                hitFrom(3, General, Me, QStringLiteral("北京 in March"), { { 0, 2 } }) });

        QCOMPARE(model.state(), State::Results);
        QCOMPARE(idsIn(model), QList<qint64>({ 7, 3 }));
        const QModelIndex first = model.index(0);
        QCOMPARE(first.data(SearchResultsModel::RoomIdRole).toLongLong(), WithZoe);
        QCOMPARE(first.data(SearchResultsModel::RoomNameRole).toString(), QStringLiteral("zoe")); // a direct room
        QVERIFY(first.data(SearchResultsModel::DirectRoomRole).toBool());
        QCOMPARE(first.data(SearchResultsModel::SenderNameRole).toString(), QStringLiteral("zoe"));
        QCOMPARE(first.data(SearchResultsModel::SeqRole).toLongLong(), 7);
        QCOMPARE(first.data(SearchResultsModel::BodyRole).toString(), QStringLiteral("我在北京工作"));
        QCOMPARE(first.data(SearchResultsModel::HighlightsRole).value<Ranges>(), Ranges({ { 2, 2 } }));
        QCOMPARE(first.data(SearchResultsModel::TimestampRole).toDateTime(),
            QDateTime::fromMSecsSinceEpoch(1700000007000).toLocalTime());
        QCOMPARE(model.index(1).data(SearchResultsModel::RoomNameRole).toString(), QStringLiteral("#general"));
        QCOMPARE(model.index(1).data(SearchResultsModel::SenderNameRole).toString(), QStringLiteral("me"));
        QCOMPARE(model.foldedQuery(), QStringLiteral("北京"));
    }

    void theRequestCarriesQueryScopeSenderAndTime()
    {
        FakeSearchSource source;
        SearchResultsModel model(&source, &m_rooms, &m_users);
        model.search(searchFor(QStringLiteral("Deploy"), General, Zoe, 1699000000000));
        QCOMPARE(source.pendingCount(), 1);
        const QJsonObject sent = source.request().toJson();
        QCOMPARE(sent.value(protocol::key::Query).toString(), QStringLiteral("Deploy")); // as typed: the server folds
        QCOMPARE(sent.value(protocol::key::RoomId).toInteger(), General);
        QCOMPARE(sent.value(protocol::key::SenderId).toInteger(), Zoe);
        QCOMPARE(sent.value(protocol::key::FromTs).toInteger(), 1699000000000);
        QVERIFY(!sent.contains(protocol::key::Cursor));

        model.search(searchFor(QStringLiteral("deploy"))); // every room, anyone, any time
        const QJsonObject everywhere = source.request(1).toJson();
        QVERIFY(!everywhere.contains(protocol::key::RoomId));
        QVERIFY(!everywhere.contains(protocol::key::SenderId));
        QVERIFY(!everywhere.contains(protocol::key::FromTs));
    }

    void nextPagesFollowTheCursorUntilThereAreNoMore()
    {
        FakeSearchSource source;
        SearchResultsModel model(&source, &m_rooms, &m_users);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.search(searchFor(QStringLiteral("deploy"), General));
        QVERIFY(!model.canFetchMore({})); // nothing to continue before the first page
        source.answer(0, hits(100, 20), QStringLiteral("81"));
        QCOMPARE(model.rowCount(), 20);
        QVERIFY(model.hasMore());
        QVERIFY(model.canFetchMore({}));

        model.fetchMore({});
        QVERIFY(!model.canFetchMore({})); // one page at a time
        model.fetchMore({});
        QCOMPARE(source.pendingCount(), 1);
        const params::Search next = source.request();
        QCOMPARE(next.cursor, QStringLiteral("81"));
        QCOMPARE(next.query, QStringLiteral("deploy"));
        QCOMPARE(next.roomId, std::optional<qint64>(General)); // the same other params
        source.answer(0, hits(80, 5));
        QCOMPARE(model.rowCount(), 25);
        QCOMPARE(idsIn(model).first(), 100);
        QCOMPARE(idsIn(model).last(), 76);
        QVERIFY(!model.hasMore());
        QVERIFY(!model.canFetchMore({}));
        QCOMPARE(model.state(), State::Results);
    }

    void anAnswerToAnOlderSearchNeverOverwritesANewerOne()
    {
        FakeSearchSource source;
        SearchResultsModel model(&source, &m_rooms, &m_users);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.search(searchFor(QStringLiteral("dep")));
        model.search(searchFor(QStringLiteral("deploy")));
        QCOMPARE(source.pendingCount(), 2);
        source.answer(1, { hitFrom(9, General, Zoe, QStringLiteral("deploy now"), { { 0, 6 } }) });
        source.answer(0, hits(50, 3), QStringLiteral("48")); // the slow answer to "dep" comes last
        QCOMPARE(idsIn(model), QList<qint64>({ 9 }));
        QVERIFY(!model.hasMore());

        // A next page still on its way when the query changes is dropped too.
        model.search(searchFor(QStringLiteral("release")));
        source.answer(0, hits(30, 20), QStringLiteral("11"));
        model.fetchMore({});
        model.search(searchFor(QStringLiteral("released")));
        QCOMPARE(source.pendingCount(), 2);
        source.answer(0, hits(10, 5)); // the page after "release"'s first
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.state(), State::Searching);
        source.answer(0, {});
        QCOMPARE(model.state(), State::NoResults);
        QCOMPARE(model.rowCount(), 0);

        // A failure of an older search does not show either.
        model.search(searchFor(QStringLiteral("alpha")));
        model.search(searchFor(QStringLiteral("alphabet")));
        source.fail(0, errorWith(reason::Forbidden));
        QCOMPARE(model.state(), State::Searching);
        QVERIFY(model.errorText().isEmpty());
    }

    void aQueryTooShortForTheIndexIsNotSent_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<State>("state");
        QTest::newRow("two letters") << QStringLiteral("ab") << State::TooShort;
        QTest::newRow("two letters and spaces") << QStringLiteral("  ab  ") << State::TooShort;
        QTest::newRow("one digit") << QStringLiteral("7") << State::TooShort;
        QTest::newRow("only spaces") << QStringLiteral("   ") << State::Idle;
        QTest::newRow("empty") << QString() << State::Idle;
        QTest::newRow("three letters") << QStringLiteral("abc") << State::Searching;
        QTest::newRow("two Han characters") << QStringLiteral("北京") << State::Searching;
        QTest::newRow("one Hangul syllable") << QStringLiteral("회") << State::Searching;
        QTest::newRow("an emoji") << QStringLiteral("🚀") << State::Searching;
    }

    void aQueryTooShortForTheIndexIsNotSent()
    {
        QFETCH(QString, text);
        QFETCH(State, state);
        FakeSearchSource source;
        SearchResultsModel model(&source, &m_rooms, &m_users);
        model.search(searchFor(text));
        QCOMPARE(model.state(), state);
        QCOMPARE(source.sentCount(), state == State::Searching ? 1 : 0);
    }

    void typingPastTheHintSearchesAndClearingEmptiesTheList()
    {
        FakeSearchSource source;
        SearchResultsModel model(&source, &m_rooms, &m_users);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy states(&model, &SearchResultsModel::stateChanged);
        model.search(searchFor(QStringLiteral("de")));
        model.search(searchFor(QStringLiteral("dep")));
        source.answer(0, hits(5, 2));
        QCOMPARE(model.rowCount(), 2);
        model.search(searchFor(QStringLiteral("de"))); // backspace: the old results go, the hint comes back
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.state(), State::TooShort);
        model.clear();
        QCOMPARE(model.state(), State::Idle);
        QCOMPARE(source.sentCount(), 1);
        QCOMPARE(states.size(), 5); // TooShort, Searching, Results, TooShort, Idle
    }

    void theSameSearchAgainSendsNothing()
    {
        FakeSearchSource source;
        SearchResultsModel model(&source, &m_rooms, &m_users);
        model.search(searchFor(QStringLiteral("deploy"), General));
        source.answer(0, hits(5, 2));
        model.search(searchFor(QStringLiteral("deploy"), General));
        QCOMPARE(source.sentCount(), 1);
        model.search(searchFor(QStringLiteral("deploy"))); // another scope is another search
        QCOMPARE(source.sentCount(), 2);
    }

    void errorsAreShownInWordsForAPerson_data()
    {
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QJsonObject>("extra");
        QTest::addColumn<QString>("text");
        QTest::newRow("query_too_short") << QString(reason::QueryTooShort)
                                         << QJsonObject { { protocol::key::MinChars, 3 } }
                                         << QStringLiteral("Type at least 3 character(s) to search."); // no .qm here
        QTest::newRow("forbidden") << QString(reason::Forbidden) << QJsonObject()
                                   << QStringLiteral("You are no longer a member of that room.");
        QTest::newRow("method_not_found (a server without search)") << QString(
            reason::MethodNotFound) << QJsonObject() << QStringLiteral("This server cannot search messages.");
        QTest::newRow("invalid_params") << QString(reason::InvalidParams) << QJsonObject()
                                        << QStringLiteral("the server's words");
    }

    void errorsAreShownInWordsForAPerson()
    {
        QFETCH(QString, reason);
        QFETCH(QJsonObject, extra);
        QFETCH(QString, text);
        FakeSearchSource source;
        SearchResultsModel model(&source, &m_rooms, &m_users);
        model.search(searchFor(QStringLiteral("deploy")));
        source.fail(0, errorWith(reason, extra));
        QCOMPARE(model.state(), State::Failed);
        QCOMPARE(model.errorText(), text);
        QCOMPARE(model.rowCount(), 0);

        model.search(searchFor(QStringLiteral("deploy"))); // the same search again is tried again after a failure
        QCOMPARE(source.pendingCount(), 1);
        source.answer(0, hits(5, 1));
        QCOMPARE(model.state(), State::Results);
        QVERIFY(model.errorText().isEmpty());
    }

    void aRateLimitedSearchIsTriedAgainWhenTheServerAllows()
    {
        FakeSearchSource source;
        SearchResultsModel model(&source, &m_rooms, &m_users);
        model.search(searchFor(QStringLiteral("deploy")));
        source.fail(0, errorWith(reason::RateLimited, { { protocol::key::RetryAfterMs, 300 } }));
        QCOMPARE(model.state(), State::Searching);
        QCOMPARE(model.errorText(), QStringLiteral("Searching too often; trying again in a moment…"));
        QCOMPARE(source.pendingCount(), 0);
        QTRY_COMPARE(source.pendingCount(), 1);
        QCOMPARE(source.request().query, QStringLiteral("deploy"));
        source.answer(0, hits(5, 1));
        QCOMPARE(model.state(), State::Results);
        QVERIFY(model.errorText().isEmpty());

        // A newer search cancels the retry of an older one.
        model.search(searchFor(QStringLiteral("release")));
        source.fail(0, errorWith(reason::RateLimited, { { protocol::key::RetryAfterMs, 200 } }));
        QVERIFY(model.isRetryPending());
        model.search(searchFor(QStringLiteral("released")));
        QVERIFY(!model.isRetryPending());
        source.answer(0, {});
        QCOMPARE(model.state(), State::NoResults);
    }

    void aFailedNextPageKeepsTheResultsAndAsksNoMore()
    {
        FakeSearchSource source;
        SearchResultsModel model(&source, &m_rooms, &m_users);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy failed(&model, &SearchResultsModel::moreFailed);
        model.search(searchFor(QStringLiteral("deploy")));
        source.answer(0, hits(40, 20), QStringLiteral("21"));
        model.fetchMore({});
        RpcError lost = RpcError::unavailable(QStringLiteral("The connection to the server was lost"));
        source.fail(0, lost);
        QCOMPARE(model.rowCount(), 20);
        QCOMPARE(model.state(), State::Results);
        QCOMPARE(failed.size(), 1);
        QCOMPARE(model.errorText(), QStringLiteral("The connection to the server was lost"));
        QVERIFY(!model.canFetchMore({})); // a view at the end must not ask again and again
    }

    void aSnippetStartsShortlyBeforeTheFirstHighlight_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<Ranges>("highlights");
        QTest::addColumn<QString>("text");
        QTest::addColumn<Ranges>("shown");
        QTest::newRow("near the start: all of it") << QStringLiteral("deploy on friday") << Ranges { { 10, 6 } }
                                                   << QStringLiteral("deploy on friday") << Ranges { { 10, 6 } };
        QTest::newRow("line breaks are spaces") << QStringLiteral("one\ntwo\r\nthree") << Ranges { { 4, 3 } }
                                                << QStringLiteral("one two  three") << Ranges { { 4, 3 } };
        const QString longBody = QStringLiteral("We talked about many things this morning, and then at last about the "
                                                "deploy on friday");
        const int at = int(longBody.indexOf(QStringLiteral("deploy")));
        QTest::newRow("far in: cut at a word, with an ellipsis")
            << longBody << Ranges { { at, 6 } } << QStringLiteral("…and then at last about the deploy on friday")
            << Ranges { { 28, 6 } };
        QTest::newRow("no highlight: the start")
            << QStringLiteral("plain") << Ranges {} << QStringLiteral("plain") << Ranges {};
        // 32 code units before "go" is the second half of the rocket: the cut moves past it.
        const QString emojiFirst = QStringLiteral("🚀") + QString(31, QLatin1Char('x')) + QStringLiteral("go");
        QTest::newRow("never half a character")
            << emojiFirst << Ranges { { 33, 2 } }
            << QStringLiteral("…") + QString(31, QLatin1Char('x')) + QStringLiteral("go") << Ranges { { 32, 2 } };
    }

    void aSnippetStartsShortlyBeforeTheFirstHighlight()
    {
        QFETCH(QString, body);
        QFETCH(Ranges, highlights);
        QFETCH(QString, text);
        QFETCH(Ranges, shown);
        const SearchSnippet snippet = SearchSnippet::around(body, highlights);
        QCOMPARE(snippet.text, text);
        QCOMPARE(snippet.highlights, shown);
    }

    void aLongSnippetIsCutWithAnEllipsis()
    {
        const QString body = QStringLiteral("deploy ") + QString(500, QLatin1Char('x'));
        const SearchSnippet snippet = SearchSnippet::around(body, { { 0, 6 }, { 480, 10 } }, 32, 300);
        QCOMPARE(snippet.text.size(), 301);
        QVERIFY(snippet.text.endsWith(QChar(0x2026)));
        QCOMPARE(snippet.highlights, Ranges({ { 0, 6 } })); // the range past the cut is not shown
    }
};

QTEST_GUILESS_MAIN(SearchResultsTest)
#include "tst_search_results.moc"
