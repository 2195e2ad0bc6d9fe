#include "Params.h"
#include "RpcError.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace chat;
using namespace chat::params;

namespace {

QJsonObject object(const char* json)
{
    return QJsonDocument::fromJson(json).object();
}

// The value of `key` given as JSON text, merged into a JSON object given as text.
QJsonObject with(const char* base, const char* key, const QByteArray& valueJson)
{
    QJsonObject json = object(base);
    json.insert(QLatin1String(key), QJsonDocument::fromJson("[" + valueJson + "]").array().at(0));
    return json;
}

QString repeated(const QString& unit, int count)
{
    return unit.repeated(count);
}

const QString Emoji = QString::fromUtf8("\xF0\x9F\x98\x80"); // U+1F600: one character, two UTF-16 units

} // namespace

class ParamsTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void idsMustBePositiveSafeIntegers_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("one") << QByteArray("1") << true << qint64(1);
        QTest::newRow("written as a float") << QByteArray("7.0") << true << qint64(7);
        QTest::newRow("exponent") << QByteArray("2e3") << true << qint64(2000);
        QTest::newRow("largest safe integer") << QByteArray("9007199254740991") << true << qint64(9007199254740991);
        QTest::newRow("2^53") << QByteArray("9007199254740992") << false << qint64(0);
        QTest::newRow("far above 2^53") << QByteArray("1e20") << false << qint64(0);
        QTest::newRow("zero") << QByteArray("0") << false << qint64(0);
        QTest::newRow("minus zero") << QByteArray("-0") << false << qint64(0);
        QTest::newRow("negative") << QByteArray("-3") << false << qint64(0);
        QTest::newRow("fraction") << QByteArray("1.5") << false << qint64(0);
        QTest::newRow("tiny fraction") << QByteArray("1.0000001") << false << qint64(0);
        QTest::newRow("string") << QByteArray("\"3\"") << false << qint64(0);
        QTest::newRow("bool") << QByteArray("true") << false << qint64(0);
        QTest::newRow("null") << QByteArray("null") << false << qint64(0);
        QTest::newRow("array") << QByteArray("[3]") << false << qint64(0);
        QTest::newRow("object") << QByteArray("{\"id\":3}") << false << qint64(0);
    }

    void idsMustBePositiveSafeIntegers()
    {
        QFETCH(QByteArray, value);
        QFETCH(bool, accepted);
        QFETCH(qint64, expected);
        const Limits limits;

        auto check = [&](const auto& parsed, auto field, const char* what) {
            QVERIFY2(parsed.ok() == accepted, what);
            if (accepted)
                QCOMPARE(field(*parsed), expected);
            else
                QCOMPARE(parsed.error().code, errc::InvalidParams);
        };
        check(
            Direct::parse(with("{}", "user_id", value), limits), [](const Direct& p) { return p.userId; }, "Direct");
        check(
            RoomRef::parse(with("{}", "room_id", value), limits), [](const RoomRef& p) { return p.roomId; }, "RoomRef");
        check(
            Send::parse(with(R"({"body":"hi","client_id":"c1"})", "room_id", value), limits),
            [](const Send& p) { return p.roomId; }, "Send");
        check(
            History::parse(with("{}", "room_id", value), limits), [](const History& p) { return p.roomId; }, "History");
        check(
            Read::parse(with(R"({"seq":0})", "room_id", value), limits), [](const Read& p) { return p.roomId; },
            "Read");
        if (value != "null") // a null cursor means no cursor
            check(
                History::parse(with(R"({"room_id":1})", "before", value), limits),
                [](const History& p) { return *p.before; }, "History.before");
    }

    void missingKeysAreNamedInTheError_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QByteArray>("params");
        QTest::addColumn<QString>("missingKey");
        QTest::newRow("signup without username")
            << "credentials" << QByteArray(R"({"password":"secret123"})") << "username";
        QTest::newRow("signup without password")
            << "credentials" << QByteArray(R"({"username":"alice"})") << "password";
        QTest::newRow("resume without token") << "resume" << QByteArray("{}") << "token";
        QTest::newRow("direct without user_id") << "direct" << QByteArray(R"({"room_id":1})") << "user_id";
        QTest::newRow("create without name") << "create" << QByteArray("{}") << "name";
        QTest::newRow("join without room_id") << "roomref" << QByteArray(R"({"user_id":1})") << "room_id";
        QTest::newRow("send without room_id") << "send" << QByteArray(R"({"body":"hi","client_id":"c"})") << "room_id";
        QTest::newRow("send without body") << "send" << QByteArray(R"({"room_id":1,"client_id":"c"})") << "body";
        QTest::newRow("send without client_id") << "send" << QByteArray(R"({"room_id":1,"body":"hi"})") << "client_id";
        QTest::newRow("history without room_id") << "history" << QByteArray(R"({"before":3})") << "room_id";
        QTest::newRow("read without room_id") << "read" << QByteArray(R"({"seq":3})") << "room_id";
        QTest::newRow("read without seq") << "read" << QByteArray(R"({"room_id":3})") << "seq";
    }

    void missingKeysAreNamedInTheError()
    {
        QFETCH(QString, method);
        QFETCH(QByteArray, params);
        QFETCH(QString, missingKey);
        const QJsonObject json = object(params.constData());
        const Limits limits;
        std::optional<RpcError> error;
        auto take = [&error](const auto& parsed) {
            if (!parsed)
                error = parsed.error();
        };
        if (method == QLatin1String("credentials"))
            take(Credentials::parse(json, limits));
        else if (method == QLatin1String("resume"))
            take(Resume::parse(json, limits));
        else if (method == QLatin1String("direct"))
            take(Direct::parse(json, limits));
        else if (method == QLatin1String("create"))
            take(CreateRoom::parse(json, limits));
        else if (method == QLatin1String("roomref"))
            take(RoomRef::parse(json, limits));
        else if (method == QLatin1String("send"))
            take(Send::parse(json, limits));
        else if (method == QLatin1String("history"))
            take(History::parse(json, limits));
        else if (method == QLatin1String("read"))
            take(Read::parse(json, limits));
        QVERIFY(error);
        QCOMPARE(error->code, errc::InvalidParams);
        QCOMPARE(error->reason, QStringLiteral("invalid_params"));
        QVERIFY2(error->message.contains(QLatin1Char('"') + missingKey + QLatin1Char('"')), qPrintable(error->message));
    }

    void stringsOfTheWrongTypeAreRefused_data()
    {
        QTest::addColumn<QByteArray>("params");
        QTest::newRow("username number") << QByteArray(R"({"username":5,"password":"secret123"})");
        QTest::newRow("username null") << QByteArray(R"({"username":null,"password":"secret123"})");
        QTest::newRow("password array") << QByteArray(R"({"username":"alice","password":["secret123"]})");
        QTest::newRow("password bool") << QByteArray(R"({"username":"alice","password":true})");
    }

    void stringsOfTheWrongTypeAreRefused()
    {
        QFETCH(QByteArray, params);
        const auto parsed = Credentials::parse(object(params.constData()), Limits {});
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().code, errc::InvalidParams);
    }

    void credentialsParse()
    {
        const auto parsed = Credentials::parse(object(R"({"username":"Alice","password":"correct horse"})"), Limits {});
        QVERIFY(parsed);
        QCOMPARE(parsed->username, QStringLiteral("Alice"));
        QCOMPARE(parsed->password, QStringLiteral("correct horse"));
    }

    void credentialsLeaveUsernameRulesToValidation()
    {
        // Signup checks the username's shape; login must still accept any name to answer bad_credentials.
        const auto parsed = Credentials::parse(object(R"({"username":"a b!","password":"x"})"), Limits {});
        QVERIFY(parsed);
    }

    void passwordAboveTheByteLimitIsTooLarge()
    {
        const Limits limits;
        QJsonObject json { { "username", "alice" },
            { "password", QString(limits.maxPasswordBytes, QLatin1Char('p')) } };
        QVERIFY(Credentials::parse(json, limits));
        json.insert(QLatin1String("password"), QString(limits.maxPasswordBytes + 1, QLatin1Char('p')));
        const auto parsed = Credentials::parse(json, limits);
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().code, errc::TooLarge);
        QCOMPARE(parsed.error().reason, QStringLiteral("too_large"));
        // Bytes of UTF-8, not characters: 342 euro signs are 1026 bytes.
        json.insert(QLatin1String("password"), repeated(QString(QChar(0x20AC)), 342));
        QCOMPARE(Credentials::parse(json, limits).error().code, errc::TooLarge);
        json.insert(QLatin1String("password"), repeated(QString(QChar(0x20AC)), 341));
        QVERIFY(Credentials::parse(json, limits));
    }

    void absurdlyLongUsernameIsTooLarge()
    {
        const QJsonObject json { { "username", QString(257, QLatin1Char('a')) }, { "password", "secret123" } };
        const auto parsed = Credentials::parse(json, Limits {});
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().reason, QStringLiteral("too_large"));
    }

    void resumeTakesAToken()
    {
        const auto parsed = Resume::parse(object(R"({"token":"abc.def"})"), Limits {});
        QVERIFY(parsed);
        QCOMPARE(parsed->token, QStringLiteral("abc.def"));
        QCOMPARE(Resume::parse(object(R"({"token":7})"), Limits {}).error().code, errc::InvalidParams);
    }

    void absurdlyLongTokenIsInvalid()
    {
        const auto parsed = Resume::parse({ { "token", QString(257, QLatin1Char('t')) } }, Limits {});
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().code, errc::TokenInvalid);
        QCOMPARE(parsed.error().reason, QStringLiteral("token_invalid"));
    }

    void roomNamesAreTrimmedAndChecked_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<QString>("stored");
        QTest::newRow("plain") << "design" << true << "design";
        QTest::newRow("trimmed") << "  Design Team \t" << true << "Design Team";
        QTest::newRow("one character") << "x" << true << "x";
        QTest::newRow("64 characters") << QString(64, QLatin1Char('r')) << true << QString(64, QLatin1Char('r'));
        QTest::newRow("64 emoji") << repeated(Emoji, 64) << true << repeated(Emoji, 64);
        QTest::newRow("unicode letters") << QString::fromUtf8("Café Ünïcødé 部屋") << true
                                         << QString::fromUtf8("Café Ünïcødé 部屋");
        QTest::newRow("65 characters") << QString(65, QLatin1Char('r')) << false << QString();
        QTest::newRow("65 emoji") << repeated(Emoji, 65) << false << QString();
        QTest::newRow("empty") << "" << false << QString();
        QTest::newRow("whitespace") << " \t\n " << false << QString();
        QTest::newRow("newline inside") << "a\nb" << false << QString();
        QTest::newRow("tab inside") << "a\tb" << false << QString();
        QTest::newRow("NUL") << QString(QLatin1String("a\0b", 3)) << false << QString();
        QTest::newRow("escape") << "a\x1b[31mred" << false << QString();
        QTest::newRow("DEL") << "a\x7f" << false << QString();
        QTest::newRow("C1 control") << QString(QLatin1String("a")) + QChar(0x85) + QLatin1String("b") << false
                                    << QString();
        QTest::newRow("zero width space")
            << QString(QLatin1String("a")) + QChar(0x200B) + QLatin1String("b") << false << QString();
        QTest::newRow("right-to-left override")
            << QString(QLatin1String("a")) + QChar(0x202E) + QLatin1String("b") << false << QString();
    }

    void roomNamesAreTrimmedAndChecked()
    {
        QFETCH(QString, name);
        QFETCH(bool, accepted);
        QFETCH(QString, stored);
        const auto parsed = CreateRoom::parse({ { "name", name } }, Limits {});
        QCOMPARE(parsed.ok(), accepted);
        if (accepted) {
            QCOMPARE(parsed->name, stored);
        } else {
            QCOMPARE(parsed.error().code, errc::InvalidParams);
            QCOMPARE(parsed.error().reason, QStringLiteral("invalid_params"));
        }
    }

    void roomNameOfTheWrongTypeIsRefused()
    {
        QCOMPARE(CreateRoom::parse(object(R"({"name":["x"]})"), Limits {}).error().code, errc::InvalidParams);
    }

    void sendBodiesAreChecked_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<int>("code"); // 0: accepted
        const Limits limits;
        QTest::newRow("plain") << "hello" << 0;
        QTest::newRow("one character") << "x" << 0;
        QTest::newRow("surrounding whitespace kept") << "  hi  " << 0;
        QTest::newRow("multi-line") << "line 1\nline 2" << 0;
        QTest::newRow("exactly the limit") << QString(limits.maxBodyChars, QLatin1Char('b')) << 0;
        QTest::newRow("emoji up to the limit") << repeated(Emoji, limits.maxBodyChars) << 0;
        QTest::newRow("one above the limit") << QString(limits.maxBodyChars + 1, QLatin1Char('b')) << errc::TooLarge;
        QTest::newRow("emoji above the limit") << repeated(Emoji, limits.maxBodyChars + 1) << errc::TooLarge;
        QTest::newRow("far above the limit") << QString(60000, QLatin1Char('b')) << errc::TooLarge;
        QTest::newRow("empty") << "" << errc::InvalidParams;
        QTest::newRow("spaces") << "   " << errc::InvalidParams;
        QTest::newRow("whitespace of every kind")
            << QString(QLatin1String(" \t\r\n")) + QChar(0x00A0) + QChar(0x3000) << errc::InvalidParams;
        QTest::newRow("NUL") << QString(QLatin1String("a\0b", 3)) << errc::InvalidParams;
    }

    void sendBodiesAreChecked()
    {
        QFETCH(QString, body);
        QFETCH(int, code);
        const auto parsed = Send::parse({ { "room_id", 4 }, { "body", body }, { "client_id", "c-1" } }, Limits {});
        if (code == 0) {
            QVERIFY2(parsed, parsed ? "" : qPrintable(parsed.error().message));
            QCOMPARE(parsed->body, body);
            QCOMPARE(parsed->roomId, 4);
            QCOMPARE(parsed->clientId, QStringLiteral("c-1"));
        } else {
            QVERIFY(!parsed);
            QCOMPARE(parsed.error().code, code);
        }
    }

    void bodyLimitFollowsTheServersLimits()
    {
        Limits limits;
        limits.maxBodyChars = 5;
        QVERIFY(Send::parse({ { "room_id", 1 }, { "body", "12345" }, { "client_id", "c" } }, limits));
        QCOMPARE(Send::parse({ { "room_id", 1 }, { "body", "123456" }, { "client_id", "c" } }, limits).error().code,
            errc::TooLarge);
    }

    void clientIdsAreChecked_data()
    {
        QTest::addColumn<QJsonValue>("clientId");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("uuid") << QJsonValue(QStringLiteral("0b6f7c1e-5f4e-4f57-9d55-1a2b3c4d5e6f")) << true;
        QTest::newRow("one character") << QJsonValue(QStringLiteral("x")) << true;
        QTest::newRow("64 characters") << QJsonValue(QString(64, QLatin1Char('c'))) << true;
        QTest::newRow("64 emoji") << QJsonValue(repeated(Emoji, 64)) << true;
        QTest::newRow("65 characters") << QJsonValue(QString(65, QLatin1Char('c'))) << false;
        QTest::newRow("65 emoji") << QJsonValue(repeated(Emoji, 65)) << false;
        QTest::newRow("empty") << QJsonValue(QString()) << false;
        QTest::newRow("number") << QJsonValue(12) << false;
        QTest::newRow("null") << QJsonValue(QJsonValue::Null) << false;
    }

    void clientIdsAreChecked()
    {
        QFETCH(QJsonValue, clientId);
        QFETCH(bool, accepted);
        const auto parsed = Send::parse({ { "room_id", 1 }, { "body", "hi" }, { "client_id", clientId } }, Limits {});
        QCOMPARE(parsed.ok(), accepted);
        if (!accepted)
            QCOMPARE(parsed.error().code, errc::InvalidParams);
    }

    void historyDefaultsToTheNewestPage()
    {
        const auto parsed = History::parse(object(R"({"room_id":9})"), Limits {});
        QVERIFY(parsed);
        QCOMPARE(parsed->roomId, 9);
        QCOMPARE(parsed->limit, 50);
        QVERIFY(!parsed->before);
        QVERIFY(!parsed->after);
    }

    void historyDefaultFollowsTheServersLimits()
    {
        Limits limits;
        limits.historyDefault = 20;
        QCOMPARE(History::parse(object(R"({"room_id":9})"), limits)->limit, 20);
    }

    void historyLimitsAreChecked_data()
    {
        QTest::addColumn<QByteArray>("limit");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("1") << QByteArray("1") << true;
        QTest::newRow("50") << QByteArray("50") << true;
        QTest::newRow("200") << QByteArray("200") << true;
        QTest::newRow("0") << QByteArray("0") << false;
        QTest::newRow("201") << QByteArray("201") << false;
        QTest::newRow("negative") << QByteArray("-5") << false;
        QTest::newRow("fraction") << QByteArray("10.5") << false;
        QTest::newRow("string") << QByteArray("\"10\"") << false;
        QTest::newRow("huge") << QByteArray("1e300") << false;
    }

    void historyLimitsAreChecked()
    {
        QFETCH(QByteArray, limit);
        QFETCH(bool, accepted);
        const auto parsed = History::parse(with(R"({"room_id":1})", "limit", limit), Limits {});
        QCOMPARE(parsed.ok(), accepted);
        if (accepted)
            QCOMPARE(parsed->limit, QJsonDocument::fromJson("[" + limit + "]").array().at(0).toInt());
        else
            QCOMPARE(parsed.error().code, errc::InvalidParams);
    }

    void historyPagesBackwardsFromBefore()
    {
        const auto parsed = History::parse(object(R"({"room_id":1,"before":120,"limit":30})"), Limits {});
        QVERIFY(parsed);
        QCOMPARE(parsed->before, std::optional<qint64>(120));
        QVERIFY(!parsed->after);
        QCOMPARE(parsed->limit, 30);
    }

    void historyFillsGapsAfterASeqIncludingZero()
    {
        const auto parsed = History::parse(object(R"({"room_id":1,"after":0})"), Limits {});
        QVERIFY(parsed);
        QCOMPARE(parsed->after, std::optional<qint64>(0));
        QCOMPARE(History::parse(object(R"({"room_id":1,"after":-1})"), Limits {}).error().code, errc::InvalidParams);
        QCOMPARE(History::parse(object(R"({"room_id":1,"before":0})"), Limits {}).error().code, errc::InvalidParams);
    }

    void historyRefusesBeforeAndAfterTogether()
    {
        const auto parsed = History::parse(object(R"({"room_id":1,"before":10,"after":2})"), Limits {});
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().code, errc::InvalidParams);
        QVERIFY(parsed.error().message.contains(QLatin1String("before")));
    }

    void historyTreatsNullCursorsAsAbsent()
    {
        const auto parsed = History::parse(object(R"({"room_id":1,"before":null,"after":5})"), Limits {});
        QVERIFY(parsed);
        QVERIFY(!parsed->before);
        QCOMPARE(parsed->after, std::optional<qint64>(5));
    }

    void readAcceptsSeqZeroAndRefusesNegatives()
    {
        const auto parsed = Read::parse(object(R"({"room_id":2,"seq":0})"), Limits {});
        QVERIFY(parsed);
        QCOMPARE(parsed->seq, 0);
        QCOMPARE(Read::parse(object(R"({"room_id":2,"seq":17})"), Limits {})->seq, 17);
        QCOMPARE(Read::parse(object(R"({"room_id":2,"seq":-1})"), Limits {}).error().code, errc::InvalidParams);
        QCOMPARE(Read::parse(object(R"({"room_id":2,"seq":1.5})"), Limits {}).error().code, errc::InvalidParams);
        QCOMPARE(Read::parse(object(R"({"room_id":2,"seq":"3"})"), Limits {}).error().code, errc::InvalidParams);
    }

    void searchParsesEveryFilter()
    {
        const auto parsed = Search::parse(object(R"({"query": " Déployé ", "room_id": 3, "sender_id": 4,
            "from_ts": 10, "to_ts": 20, "limit": 50, "cursor": "99"})"),
            Limits {});
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->query, QStringLiteral(" Déployé "));
        QCOMPARE(parsed->parsed.folded, QStringLiteral("deploye"));
        QCOMPARE(parsed->roomId, std::optional<qint64>(3));
        QCOMPARE(parsed->senderId, std::optional<qint64>(4));
        QCOMPARE(parsed->fromTs, std::optional<qint64>(10));
        QCOMPARE(parsed->toTs, std::optional<qint64>(20));
        QCOMPARE(parsed->limit, 50);
        QCOMPARE(parsed->cursor, QStringLiteral("99"));
        QCOMPARE(Search::parse(parsed->toJson(), Limits {})->toJson(), parsed->toJson());
    }

    void searchDefaultsToTwentyResultsEverywhere()
    {
        const auto parsed = Search::parse(object(R"({"query": "abc", "room_id": null, "cursor": null})"), Limits {});
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->limit, 20);
        QVERIFY(!parsed->roomId && !parsed->senderId && !parsed->fromTs && !parsed->toTs);
        QVERIFY(parsed->cursor.isEmpty());
    }

    void searchQueriesAreChecked_data()
    {
        QTest::addColumn<QJsonObject>("params");
        QTest::addColumn<QString>("reason");
        QTest::newRow("two latin letters") << object(R"({"query": "ab"})") << "query_too_short";
        QTest::newRow("one letter and spaces") << object(R"({"query": " a  "})") << "query_too_short";
        QTest::newRow("blank") << object(R"({"query": "  "})") << "invalid_params";
        QTest::newRow("zero-width only") << object("{\"query\": \"\u200b\"}") << "invalid_params";
        QTest::newRow("257 characters") << with("{}", "query", "\"" + QByteArray(257, 'x') + "\"") << "invalid_params";
        QTest::newRow("cursor not ours") << object(R"({"query": "abc", "cursor": "-4"})") << "invalid_params";
        QTest::newRow("cursor as a number") << object(R"({"query": "abc", "cursor": 4})") << "invalid_params";
        QTest::newRow("limit 51") << object(R"({"query": "abc", "limit": 51})") << "invalid_params";
        QTest::newRow("to before from") << object(R"({"query": "abc", "from_ts": 5, "to_ts": 4})") << "invalid_params";
        QTest::newRow("negative time") << object(R"({"query": "abc", "from_ts": -1})") << "invalid_params";
        QTest::newRow("sender zero") << object(R"({"query": "abc", "sender_id": 0})") << "invalid_params";
    }
    void searchQueriesAreChecked()
    {
        QFETCH(QJsonObject, params);
        QFETCH(QString, reason);
        const auto parsed = Search::parse(params, Limits {});
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().reason, reason);
    }

    void searchAcceptsOneOrTwoDenseCharacters()
    {
        for (const char* query : { "猫", "北京", "회의", "🚀", "👍🏽" })
            QVERIFY2(Search::parse(QJsonObject { { "query", QString::fromUtf8(query) } }, Limits {}).ok(), query);
        QCOMPARE(Search::parse(QJsonObject { { "query", QString(256, QChar(0x732B)) } }, Limits {}).ok(), true);
    }

    void historyTakesAtMostOneCursor()
    {
        QCOMPARE(History::parse(object(R"({"room_id":1,"around":7})"), Limits {})->around, std::optional<qint64>(7));
        for (const char* json : { R"({"room_id":1,"around":7,"before":9})", R"({"room_id":1,"around":7,"after":0})",
                 R"({"room_id":1,"around":0})" })
            QCOMPARE(History::parse(object(json), Limits {}).error().code, errc::InvalidParams);
        QVERIFY(!History::parse(object(R"({"room_id":1,"around":null})"), Limits {})->around);
    }

    void aSendMayReplyToAMessage()
    {
        QCOMPARE(
            Send::parse(object(R"({"room_id":1,"body":"b","client_id":"c","reply_to":4})"), Limits {})->replyTo, 4);
        QCOMPARE(
            Send::parse(object(R"({"room_id":1,"body":"b","client_id":"c","reply_to":null})"), Limits {})->replyTo, 0);
        for (const char* replyTo : { "0", "-1", "\"4\"", "1.5" }) {
            const QJsonObject json = with(R"({"room_id":1,"body":"b","client_id":"c"})", "reply_to", replyTo);
            QCOMPARE(Send::parse(json, Limits {}).error().code, errc::InvalidParams);
        }
    }

    void messageActionsParse()
    {
        const Limits limits;
        QCOMPARE(Edit::parse(object(R"({"message_id":3,"body":"new"})"), limits)->body, QStringLiteral("new"));
        QCOMPARE(Edit::parse(object(R"({"message_id":3,"body":"  "})"), limits).error().code, errc::InvalidParams);
        QCOMPARE(Edit::parse(object(R"({"body":"new"})"), limits).error().code, errc::InvalidParams);
        QCOMPARE(MessageRef::parse(object(R"({"message_id":3})"), limits)->messageId, 3);
        QCOMPARE(ReactionChange::parse(object(R"({"message_id":3,"emoji":"👍"})"), limits)->emoji, QStringLiteral("👍"));
        QCOMPARE(ReactionChange::parse(object(R"({"message_id":3,"emoji":"ok"})"), limits).error().code,
            errc::InvalidParams);
        QCOMPARE(Changes::parse(object(R"({"room_id":2,"since":0})"), limits)->limit, limits.historyDefault);
        QCOMPARE(Changes::parse(object(R"({"room_id":2})"), limits).error().code, errc::InvalidParams);
        QCOMPARE(
            Changes::parse(object(R"({"room_id":2,"since":0,"limit":201})"), limits).error().code, errc::InvalidParams);
        QCOMPARE(Notify::parse(object(R"({"room_id":2,"level":"none"})"), limits)->level, QStringLiteral("none"));
        QCOMPARE(Notify::parse(object(R"({"room_id":2,"level":"None"})"), limits).error().code, errc::InvalidParams);
        const Changes changes { 2, 9, 20 };
        QCOMPARE(Changes::parse(changes.toJson(), limits)->since, 9);
        const Edit edit { 5, QStringLiteral("x") };
        QCOMPARE(Edit::parse(edit.toJson(), limits)->messageId, 5);
    }

    void unknownKeysAreIgnored() { QVERIFY(RoomRef::parse(object(R"({"room_id":2,"extra":{"x":[1]}})"), Limits {})); }

    void whatAClientSendsIsWhatTheServerParses()
    {
        const Limits limits;
        const Credentials credentials { QStringLiteral("alice"), QStringLiteral("correct horse") };
        const auto c = Credentials::parse(credentials.toJson(), limits);
        QVERIFY(c);
        QCOMPARE(c->username, credentials.username);
        QCOMPARE(c->password, credentials.password);

        QCOMPARE(Resume::parse(Resume { QStringLiteral("tok") }.toJson(), limits)->token, QStringLiteral("tok"));
        QCOMPARE(Direct::parse(Direct { 9007199254740991 }.toJson(), limits)->userId, 9007199254740991);
        QCOMPARE(CreateRoom::parse(CreateRoom { QStringLiteral("Design") }.toJson(), limits)->name,
            QStringLiteral("Design"));
        QCOMPARE(RoomRef::parse(RoomRef { 12 }.toJson(), limits)->roomId, 12);

        const Send send { 3, QStringLiteral("hé ") + Emoji, QStringLiteral("c-42") };
        const auto s = Send::parse(send.toJson(), limits);
        QVERIFY(s);
        QCOMPARE(s->roomId, send.roomId);
        QCOMPARE(s->body, send.body);
        QCOMPARE(s->clientId, send.clientId);

        for (const History& history : { History { 5, 40, std::nullopt, 25 }, History { 5, std::nullopt, 0, 200 },
                 History { 5, std::nullopt, std::nullopt, 1 } }) {
            const auto h = History::parse(history.toJson(), limits);
            QVERIFY(h);
            QCOMPARE(h->roomId, history.roomId);
            QCOMPARE(h->before, history.before);
            QCOMPARE(h->after, history.after);
            QCOMPARE(h->limit, history.limit);
        }

        const auto r = Read::parse(Read { 5, 77 }.toJson(), limits);
        QVERIFY(r);
        QCOMPARE(r->roomId, 5);
        QCOMPARE(r->seq, 77);
    }

    void roundTripsSurviveTheWire()
    {
        // Through bytes, as a real client and server exchange them: large ids stay exact.
        const Send send { 9007199254740991, QStringLiteral("x"), QStringLiteral("c") };
        const QByteArray wire = QJsonDocument(send.toJson()).toJson(QJsonDocument::Compact);
        const auto parsed = Send::parse(QJsonDocument::fromJson(wire).object(), Limits {});
        QVERIFY(parsed);
        QCOMPARE(parsed->roomId, 9007199254740991);
    }
};

QTEST_GUILESS_MAIN(ParamsTest)
#include "tst_params.moc"
