#include "JsonRpc.h"
#include "Protocol.h"
#include "RpcError.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace chat;

Q_DECLARE_METATYPE(chat::RpcError)

namespace {

// An id as its JSON text ("null", "7", "\"abc\""), so that tables can say which id a failure echoes.
QByteArray idText(const QJsonValue& id)
{
    const QByteArray array = QJsonDocument(QJsonArray { id }).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

// A literal with the NUL bytes inside it kept.
template<qsizetype N> QByteArray bytes(const char (&literal)[N])
{
    return QByteArray(literal, N - 1);
}

QByteArray nested(int depth)
{
    return QByteArray(depth, '[') + QByteArray(depth, ']');
}

} // namespace

class JsonRpcTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void malformedFramesAreRefusedWithTheRightError_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QByteArray>("echoedId");

        const QString parse = QStringLiteral("parse_error");
        const QString invalid = QStringLiteral("invalid_request");
        const QString params = QStringLiteral("invalid_params");

        QTest::newRow("not JSON") << QByteArray("hello") << errc::ParseError << parse << QByteArray("null");
        QTest::newRow("truncated") << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"users.li")
                                   << errc::ParseError << parse << QByteArray("null");
        QTest::newRow("empty") << QByteArray() << errc::ParseError << parse << QByteArray("null");
        QTest::newRow("only whitespace") << QByteArray(" \n\t ") << errc::ParseError << parse << QByteArray("null");
        QTest::newRow("trailing garbage") << QByteArray(R"({"jsonrpc":"2.0","id":1,"method":"x"} x)")
                                          << errc::ParseError << parse << QByteArray("null");
        QTest::newRow("two objects") << QByteArray(R"({"jsonrpc":"2.0","id":1,"method":"x"}{})") << errc::ParseError
                                     << parse << QByteArray("null");
        QTest::newRow("trailing comma") << QByteArray(R"({"jsonrpc":"2.0","id":1,"method":"x",})") << errc::ParseError
                                        << parse << QByteArray("null");
        QTest::newRow("deep nesting") << nested(5000) << errc::ParseError << parse << QByteArray("null");
        QTest::newRow("deep nesting in params")
            << QByteArray(R"({"jsonrpc":"2.0","id":1,"method":"x","params":{"a":)") + nested(3000) + "}}"
            << errc::ParseError << parse << QByteArray("null");
        QTest::newRow("number too large for a double") << QByteArray(R"({"jsonrpc":"2.0","id":1e400,"method":"x"})")
                                                       << errc::ParseError << parse << QByteArray("null");
        QTest::newRow("invalid UTF-8") << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"a\xff\xfe\"}")
                                       << errc::ParseError << parse << QByteArray("null");
        QTest::newRow("overlong UTF-8") << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"\xc0\xaf\"}")
                                        << errc::ParseError << parse << QByteArray("null");
        QTest::newRow("raw NUL inside a string") << bytes("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"a\0b\"}")
                                                 << errc::ParseError << parse << QByteArray("null");
        QTest::newRow("raw newline inside a string") << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"a\nb\"}")
                                                     << errc::ParseError << parse << QByteArray("null");
        QTest::newRow("raw control character in a scalar")
            << QByteArray("\"a\x01\"") << errc::ParseError << parse << QByteArray("null");
        QTest::newRow("NUL after the object") << bytes("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\"}\0")
                                              << errc::ParseError << parse << QByteArray("null");

        // RFC 8259's grammar, stricter than QJsonDocument.
        for (const char* id :
            { ".5", "-.5", "26.", "27.e1", "01", "-01", "+1", "0x10", "NaN", "Infinity", "1e", "1e+", "-", "1.5.2" }) {
            QTest::newRow(qPrintable(QStringLiteral("id %1").arg(QLatin1String(id))))
                << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":" + QByteArray(id) + ",\"method\":\"users.list\"}")
                << errc::ParseError << parse << QByteArray("null");
        }
        for (const char* escape : { R"(\x)", R"(\U0041)", R"(\u12)", R"(\u12G4)", R"(\')", R"(\a)" }) {
            QTest::newRow(qPrintable(QStringLiteral("escape %1").arg(QLatin1String(escape))))
                << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"a" + QByteArray(escape) + "\"}")
                << errc::ParseError << parse << QByteArray("null");
        }
        QTest::newRow("single quotes") << QByteArray("{'jsonrpc':'2.0','id':1,'method':'x'}") << errc::ParseError
                                       << parse << QByteArray("null");
        QTest::newRow("comment") << QByteArray(R"({"jsonrpc":"2.0",/**/"id":1,"method":"x"})") << errc::ParseError
                                 << parse << QByteArray("null");
        QTest::newRow("byte order mark before the object")
            << QByteArray("\xef\xbb\xbf{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\"}") << errc::ParseError << parse
            << QByteArray("null");
        QTest::newRow("lone high surrogate")
            << QByteArray(R"({"jsonrpc":"2.0","id":7,"method":"messages.send","params":{"body":"a\ud800b"}})")
            << errc::InvalidParams << params << QByteArray("7");
        QTest::newRow("lone low surrogate")
            << QByteArray(R"({"jsonrpc":"2.0","id":7,"method":"x","params":{"body":"\udc00"}})") << errc::InvalidParams
            << params << QByteArray("7");
        QTest::newRow("surrogates reversed")
            << QByteArray(R"({"jsonrpc":"2.0","id":7,"method":"x","params":{"body":"\udc00\ud800"}})")
            << errc::InvalidParams << params << QByteArray("7");
        QTest::newRow("noncharacter escape")
            << QByteArray(R"({"jsonrpc":"2.0","id":7,"method":"x","params":{"body":"\uffff"}})") << errc::InvalidParams
            << params << QByteArray("7");
        QTest::newRow("raw noncharacter")
            << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"x\",\"b\":\"\xef\xbf\xbe\"}")
            << errc::InvalidParams << params << QByteArray("7");
        QTest::newRow("high surrogate then a plain escape")
            << QByteArray(R"({"jsonrpc":"2.0","id":7,"method":"x","params":{"body":"\ud800\n"}})")
            << errc::InvalidParams << params << QByteArray("7");

        QTest::newRow("batch") << QByteArray(R"([{"jsonrpc":"2.0","id":1,"method":"users.list"}])")
                               << errc::InvalidRequest << invalid << QByteArray("null");
        QTest::newRow("empty batch") << QByteArray("[]") << errc::InvalidRequest << invalid << QByteArray("null");
        QTest::newRow("number") << QByteArray("42") << errc::InvalidRequest << invalid << QByteArray("null");
        QTest::newRow("string") << QByteArray(R"("users.list")") << errc::InvalidRequest << invalid
                                << QByteArray("null");
        QTest::newRow("true") << QByteArray("true") << errc::InvalidRequest << invalid << QByteArray("null");
        QTest::newRow("null") << QByteArray(" null ") << errc::InvalidRequest << invalid << QByteArray("null");
        QTest::newRow("empty object") << QByteArray("{}") << errc::InvalidRequest << invalid << QByteArray("null");

        QTest::newRow("jsonrpc missing") << QByteArray(R"({"id":1,"method":"users.list"})") << errc::InvalidRequest
                                         << invalid << QByteArray("1");
        QTest::newRow("jsonrpc 1.0") << QByteArray(R"({"jsonrpc":"1.0","id":"a","method":"users.list"})")
                                     << errc::InvalidRequest << invalid << QByteArray(R"("a")");
        QTest::newRow("jsonrpc as a number") << QByteArray(R"({"jsonrpc":2.0,"id":3,"method":"users.list"})")
                                             << errc::InvalidRequest << invalid << QByteArray("3");
        QTest::newRow("jsonrpc null") << QByteArray(R"({"jsonrpc":null,"id":3,"method":"users.list"})")
                                      << errc::InvalidRequest << invalid << QByteArray("3");

        QTest::newRow("id object") << QByteArray(R"({"jsonrpc":"2.0","id":{"n":1},"method":"users.list"})")
                                   << errc::InvalidRequest << invalid << QByteArray("null");
        QTest::newRow("id array") << QByteArray(R"({"jsonrpc":"2.0","id":[1],"method":"users.list"})")
                                  << errc::InvalidRequest << invalid << QByteArray("null");
        QTest::newRow("id bool") << QByteArray(R"({"jsonrpc":"2.0","id":true,"method":"users.list"})")
                                 << errc::InvalidRequest << invalid << QByteArray("null");
        QTest::newRow("id null in a request") << QByteArray(R"({"jsonrpc":"2.0","id":null,"method":"users.list"})")
                                              << errc::InvalidRequest << invalid << QByteArray("null");
        QTest::newRow("id null in a result") << QByteArray(R"({"jsonrpc":"2.0","id":null,"result":{}})")
                                             << errc::InvalidRequest << invalid << QByteArray("null");

        QTest::newRow("method a number") << QByteArray(R"({"jsonrpc":"2.0","id":1,"method":5})") << errc::InvalidRequest
                                         << invalid << QByteArray("1");
        QTest::newRow("method empty") << QByteArray(R"({"jsonrpc":"2.0","id":1,"method":""})") << errc::InvalidRequest
                                      << invalid << QByteArray("1");
        QTest::newRow("method null") << QByteArray(R"({"jsonrpc":"2.0","id":"x","method":null})")
                                     << errc::InvalidRequest << invalid << QByteArray(R"("x")");
        QTest::newRow("method an object") << QByteArray(R"({"jsonrpc":"2.0","id":1,"method":{}})")
                                          << errc::InvalidRequest << invalid << QByteArray("1");

        QTest::newRow("params array") << QByteArray(R"({"jsonrpc":"2.0","id":1,"method":"rooms.join","params":[3]})")
                                      << errc::InvalidParams << params << QByteArray("1");
        QTest::newRow("params number") << QByteArray(R"({"jsonrpc":"2.0","id":2,"method":"rooms.join","params":3})")
                                       << errc::InvalidParams << params << QByteArray("2");
        QTest::newRow("params string") << QByteArray(R"({"jsonrpc":"2.0","id":2,"method":"rooms.join","params":"3"})")
                                       << errc::InvalidParams << params << QByteArray("2");
        QTest::newRow("params null") << QByteArray(R"({"jsonrpc":"2.0","id":2,"method":"rooms.join","params":null})")
                                     << errc::InvalidParams << params << QByteArray("2");
        QTest::newRow("notification with params array")
            << QByteArray(R"({"jsonrpc":"2.0","method":"typing","params":[3]})") << errc::InvalidParams << params
            << QByteArray("null");

        QTest::newRow("request with result")
            << QByteArray(R"({"jsonrpc":"2.0","id":1,"method":"users.list","result":{}})") << errc::InvalidRequest
            << invalid << QByteArray("1");
        QTest::newRow("request with error")
            << QByteArray(R"({"jsonrpc":"2.0","id":1,"method":"users.list","error":{"code":1}})")
            << errc::InvalidRequest << invalid << QByteArray("1");
        QTest::newRow("response with result and error")
            << QByteArray(R"({"jsonrpc":"2.0","id":4,"result":{},"error":{"code":-32603,"message":"x"}})")
            << errc::InvalidRequest << invalid << QByteArray("4");
        QTest::newRow("response with neither")
            << QByteArray(R"({"jsonrpc":"2.0","id":4})") << errc::InvalidRequest << invalid << QByteArray("4");
        QTest::newRow("response without id")
            << QByteArray(R"({"jsonrpc":"2.0","result":{}})") << errc::InvalidRequest << invalid << QByteArray("null");
        QTest::newRow("error without code")
            << QByteArray(R"({"jsonrpc":"2.0","id":5,"error":{"message":"x","data":{"reason":"internal"}}})")
            << errc::InvalidRequest << invalid << QByteArray("5");
        QTest::newRow("error with a string code")
            << QByteArray(R"({"jsonrpc":"2.0","id":5,"error":{"code":"-32603","message":"x"}})") << errc::InvalidRequest
            << invalid << QByteArray("5");
        QTest::newRow("error a string") << QByteArray(R"({"jsonrpc":"2.0","id":5,"error":"boom"})")
                                        << errc::InvalidRequest << invalid << QByteArray("5");
        QTest::newRow("error null") << QByteArray(R"({"jsonrpc":"2.0","id":5,"error":null})") << errc::InvalidRequest
                                    << invalid << QByteArray("5");
    }

    void malformedFramesAreRefusedWithTheRightError()
    {
        QFETCH(QByteArray, frame);
        QFETCH(int, code);
        QFETCH(QString, reason);
        QFETCH(QByteArray, echoedId);

        const jsonrpc::Decoded decoded = jsonrpc::decode(frame);
        QVERIFY(!decoded.message);
        QVERIFY(decoded.failure);
        QCOMPARE(decoded.failure->error.code, code);
        QCOMPARE(decoded.failure->error.reason, reason);
        QVERIFY(!decoded.failure->error.message.isEmpty());
        QCOMPARE(idText(decoded.failure->id), echoedId);
        // On the wire: the reason sits in error.data beside nothing else.
        const QJsonObject data = decoded.failure->error.toJson().value(QLatin1String("data")).toObject();
        QCOMPARE(data.value(QLatin1String("reason")).toString(), reason);
    }

    void strictNumbersAndEscapesDecode()
    {
        const jsonrpc::Decoded decoded
            = jsonrpc::decode("{\"jsonrpc\":\"2.0\",\"id\":-0,\"method\":\"x\",\"params\":{\"a\":[0,1e5,1E+5,0.5e-3,-"
                              "12.25],\"s\":\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\"}}");
        QVERIFY2(decoded.message, decoded.failure ? qPrintable(decoded.failure->error.message) : "");
        QCOMPARE(decoded.message->params.value(QLatin1String("a")).toArray().at(3).toDouble(), 0.0005);
        QCOMPARE(decoded.message->params.value(QLatin1String("s")).toString(),
            QStringLiteral("\"\\/\b\f\n\r\t\u00e9\U0001F600"));
    }

    void malformedNotificationsAreNeverAnswered_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::newRow("params array") << QByteArray(R"({"jsonrpc":"2.0","method":"typing","params":[3]})");
        QTest::newRow("params string") << QByteArray(R"({"jsonrpc":"2.0","method":"typing","params":"3"})");
        QTest::newRow("params null") << QByteArray(R"({"jsonrpc":"2.0","method":"typing","params":null})");
        QTest::newRow("lone surrogate") << QByteArray(R"({"jsonrpc":"2.0","method":"typing","params":{"x":"\ud800"}})");
    }
    void malformedNotificationsAreNeverAnswered()
    {
        QFETCH(QByteArray, frame);
        const jsonrpc::Decoded decoded = jsonrpc::decode(frame);
        QVERIFY(!decoded.message);
        QVERIFY(decoded.failure);
        QVERIFY(!decoded.failure->answered);
    }

    void byteOrderMarksInStringsAreKept_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("expected");
        const QChar bom(0xfeff);
        QTest::newRow("raw, leading") << QByteArray("\xef\xbb\xbfhi") << bom + QStringLiteral("hi");
        QTest::newRow("raw, alone") << QByteArray("\xef\xbb\xbf") << QString(bom);
        QTest::newRow("raw, inside") << QByteArray("h\xef\xbb\xbfi") << QStringLiteral("h") + bom + QStringLiteral("i");
        QTest::newRow("escaped, leading") << QByteArray("\\ufeffhi") << bom + QStringLiteral("hi");
    }
    void byteOrderMarksInStringsAreKept()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, expected);
        const jsonrpc::Decoded decoded
            = jsonrpc::decode("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\",\"params\":{\"body\":\"" + body + "\"}}");
        QVERIFY(decoded.message);
        QCOMPARE(decoded.message->params.value(QLatin1String("body")).toString(), expected);
    }

    void batchIsRefusedAsInvalidRequest()
    {
        const jsonrpc::Decoded decoded = jsonrpc::decode(
            R"([{"jsonrpc":"2.0","id":1,"method":"users.list"},{"jsonrpc":"2.0","id":2,"method":"rooms.list"}])");
        QVERIFY(decoded.failure);
        QCOMPARE(decoded.failure->error.code, errc::InvalidRequest);
        QVERIFY(decoded.failure->id.isNull());
        QVERIFY(decoded.failure->error.message.contains(QLatin1String("Batch")));
    }

    void parseErrorsSayWhere()
    {
        const jsonrpc::Decoded decoded = jsonrpc::decode(R"({"jsonrpc":"2.0",,})");
        QVERIFY(decoded.failure);
        QVERIFY(decoded.failure->error.message.contains(QLatin1String("offset")));
    }

    void nestingWellBelowTheParserLimitDecodes()
    {
        const QByteArray frame
            = QByteArray(R"({"jsonrpc":"2.0","id":1,"method":"x","params":{"a":)") + nested(500) + "}}";
        const jsonrpc::Decoded decoded = jsonrpc::decode(frame);
        QVERIFY(decoded.message);
        QVERIFY(decoded.message->params.value(QLatin1String("a")).isArray());
    }

    void prettyPrintedFramesDecode()
    {
        const jsonrpc::Decoded decoded
            = jsonrpc::decode("{\n\t\"jsonrpc\": \"2.0\",\r\n\t\"id\": 1,\n\t\"method\": \"a\\nb\\\"\"\n}\n");
        QVERIFY2(decoded.message, decoded.failure ? qPrintable(decoded.failure->error.message) : "");
        QCOMPARE(decoded.message->method, QStringLiteral("a\nb\""));
    }

    void requestDecodesWithItsIdMethodAndParams()
    {
        const jsonrpc::Decoded decoded
            = jsonrpc::decode(R"({"jsonrpc":"2.0","id":7,"method":"rooms.join","params":{"room_id":3}})");
        QVERIFY(decoded.message);
        QVERIFY(!decoded.failure);
        QVERIFY(decoded.message->isRequest());
        QCOMPARE(decoded.message->id, QJsonValue(7));
        QCOMPARE(decoded.message->method, QStringLiteral("rooms.join"));
        QCOMPARE(decoded.message->params.value(QLatin1String("room_id")).toInteger(), 3);
    }

    void missingParamsDecodeAsAnEmptyObject()
    {
        const jsonrpc::Decoded decoded = jsonrpc::decode(R"({"jsonrpc":"2.0","id":"q","method":"users.list"})");
        QVERIFY(decoded.message);
        QCOMPARE(decoded.message->id, QJsonValue(QStringLiteral("q")));
        QVERIFY(decoded.message->params.isEmpty());
    }

    void messageWithoutIdIsANotification()
    {
        const jsonrpc::Decoded decoded
            = jsonrpc::decode(R"({"jsonrpc":"2.0","method":"typing","params":{"room_id":3}})");
        QVERIFY(decoded.message);
        QVERIFY(decoded.message->isNotification());
        QVERIFY(decoded.message->id.isUndefined());
    }

    void unknownMembersAreIgnored()
    {
        const jsonrpc::Decoded decoded
            = jsonrpc::decode(R"({"jsonrpc":"2.0","id":1,"method":"users.list","extra":[1,2],"trace":"x"})");
        QVERIFY(decoded.message);
        QVERIFY(decoded.message->isRequest());
    }

    void hugeIntegerIdsAreEchoedAsNumbers()
    {
        const jsonrpc::Decoded decoded
            = jsonrpc::decode(R"({"jsonrpc":"2.0","id":123456789012345678901234567890,"method":"users.list"})");
        QVERIFY(decoded.message);
        QVERIFY(decoded.message->id.isDouble());
        QCOMPARE(decoded.message->id.toDouble(), 1.2345678901234568e29);
    }

    void fractionalAndNegativeIdsAreAccepted()
    {
        for (const char* frame : { R"({"jsonrpc":"2.0","id":-1,"method":"x"})",
                 R"({"jsonrpc":"2.0","id":0.5,"method":"x"})", R"({"jsonrpc":"2.0","id":"","method":"x"})" }) {
            const jsonrpc::Decoded decoded = jsonrpc::decode(frame);
            QVERIFY2(decoded.message, frame);
        }
    }

    void escapedNulInAMethodNameDecodesAndIsLeftToTheRouter()
    {
        const jsonrpc::Decoded decoded = jsonrpc::decode(R"({"jsonrpc":"2.0","id":1,"method":"users\u0000list"})");
        QVERIFY(decoded.message);
        QCOMPARE(decoded.message->method.size(), 10);
        QVERIFY(decoded.message->method != protocol::method::UsersList);
    }

    void errorResponseWithNullIdDecodes()
    {
        // What the server answers to a frame whose id it could not read.
        const jsonrpc::Decoded decoded = jsonrpc::decode(
            R"({"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"Malformed","data":{"reason":"parse_error"}}})");
        QVERIFY2(decoded.message, decoded.failure ? qPrintable(decoded.failure->error.message) : "");
        QVERIFY(decoded.message->isResponse());
        QVERIFY(decoded.message->id.isNull());
        QVERIFY(decoded.message->error);
        QCOMPARE(decoded.message->error->code, errc::ParseError);
        QCOMPARE(decoded.message->error->reason, QStringLiteral("parse_error"));
    }

    void errorWithoutDataDecodesWithAnEmptyReason()
    {
        const jsonrpc::Decoded decoded
            = jsonrpc::decode(R"({"jsonrpc":"2.0","id":1,"error":{"code":-32000,"message":"x"}})");
        QVERIFY(decoded.message);
        QCOMPARE(decoded.message->error->code, -32000);
        QVERIFY(decoded.message->error->reason.isEmpty());
    }

    void requestRoundTrips_data()
    {
        QTest::addColumn<QJsonValue>("id");
        QTest::addColumn<QJsonObject>("params");
        QTest::newRow("number id") << QJsonValue(7)
                                   << QJsonObject { { "room_id", 3 }, { "body", "hé 😀" }, { "client_id", "c1" } };
        QTest::newRow("string id") << QJsonValue(QStringLiteral("r-1")) << QJsonObject { { "room_id", 3 } };
        QTest::newRow("no params") << QJsonValue(8) << QJsonObject {};
        QTest::newRow("largest safe integer id") << QJsonValue(qint64(9007199254740991)) << QJsonObject {};
    }

    void requestRoundTrips()
    {
        QFETCH(QJsonValue, id);
        QFETCH(QJsonObject, params);
        const QByteArray frame = jsonrpc::encodeRequest(id, protocol::method::MessagesSend, params);
        QVERIFY(!frame.contains('\n'));
        const jsonrpc::Decoded decoded = jsonrpc::decode(frame);
        QVERIFY(decoded.message);
        QVERIFY(decoded.message->isRequest());
        QCOMPARE(decoded.message->id, id);
        QCOMPARE(decoded.message->method, QStringLiteral("messages.send"));
        QCOMPARE(decoded.message->params, params);
        QCOMPARE(
            QJsonDocument::fromJson(frame).object().value(QLatin1String("jsonrpc")).toString(), QStringLiteral("2.0"));
    }

    void notificationRoundTrips()
    {
        const QJsonObject params { { "user_id", 4 }, { "online", true } };
        const jsonrpc::Decoded decoded
            = jsonrpc::decode(jsonrpc::encodeNotification(protocol::notification::Presence, params));
        QVERIFY(decoded.message);
        QVERIFY(decoded.message->isNotification());
        QVERIFY(decoded.message->id.isUndefined());
        QCOMPARE(decoded.message->method, QStringLiteral("presence"));
        QCOMPARE(decoded.message->params, params);
    }

    void resultRoundTrips()
    {
        const QJsonObject result { { "messages", QJsonArray { QJsonObject { { "id", 1 }, { "body", "hi" } } } },
            { "has_more", false } };
        const jsonrpc::Decoded decoded = jsonrpc::decode(jsonrpc::encodeResult(QStringLiteral("h1"), result));
        QVERIFY(decoded.message);
        QVERIFY(decoded.message->isResponse());
        QVERIFY(!decoded.message->error);
        QCOMPARE(decoded.message->id, QJsonValue(QStringLiteral("h1")));
        QCOMPARE(decoded.message->result, result);
    }

    void emptyResultRoundTrips()
    {
        const jsonrpc::Decoded decoded = jsonrpc::decode(jsonrpc::encodeResult(3, {}));
        QVERIFY(decoded.message);
        QVERIFY(decoded.message->isResponse());
        QVERIFY(!decoded.message->error);
        QVERIFY(decoded.message->result.isEmpty());
    }

    void errorRoundTripsWithReasonAndExtraData()
    {
        const RpcError sent = RpcError::rateLimited(1500, QStringLiteral("Slow down"));
        const jsonrpc::Decoded decoded = jsonrpc::decode(jsonrpc::encodeError(9, sent));
        QVERIFY(decoded.message);
        QVERIFY(decoded.message->isResponse());
        QVERIFY(decoded.message->error);
        const RpcError& received = *decoded.message->error;
        QCOMPARE(received.code, errc::RateLimited);
        QCOMPARE(received.reason, QStringLiteral("rate_limited"));
        QCOMPARE(received.message, QStringLiteral("Slow down"));
        QCOMPARE(received.extra.value(QLatin1String("retry_after_ms")).toInteger(), 1500);
        QVERIFY(!received.extra.contains(QLatin1String("reason")));
    }

    void errorWithNullIdRoundTrips()
    {
        const jsonrpc::Decoded decoded
            = jsonrpc::decode(jsonrpc::encodeError(QJsonValue::Null, RpcError::tooLarge(QStringLiteral("Too big"))));
        QVERIFY(decoded.message);
        QVERIFY(decoded.message->id.isNull());
        QCOMPARE(decoded.message->error->reason, QStringLiteral("too_large"));
    }

    void everyErrorHasItsCodeAndReason_data()
    {
        QTest::addColumn<RpcError>("error");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("reason");
        const QString m = QStringLiteral("m");
        QTest::newRow("parse") << RpcError::parseError(m) << -32700 << "parse_error";
        QTest::newRow("invalid request") << RpcError::invalidRequest(m) << -32600 << "invalid_request";
        QTest::newRow("method not found")
            << RpcError::methodNotFound(QStringLiteral("x.y")) << -32601 << "method_not_found";
        QTest::newRow("invalid params") << RpcError::invalidParams(m) << -32602 << "invalid_params";
        QTest::newRow("internal") << RpcError::internal(m) << -32603 << "internal";
        QTest::newRow("unauthenticated") << RpcError::unauthenticated() << -32001 << "unauthenticated";
        QTest::newRow("bad credentials") << RpcError::badCredentials() << -32002 << "bad_credentials";
        QTest::newRow("username taken") << RpcError::usernameTaken(QStringLiteral("bob")) << -32003 << "username_taken";
        QTest::newRow("invalid username") << RpcError::invalidUsername(m) << -32004 << "invalid_username";
        QTest::newRow("weak password") << RpcError::weakPassword(m) << -32005 << "weak_password";
        QTest::newRow("forbidden") << RpcError::forbidden(m) << -32006 << "forbidden";
        QTest::newRow("not found") << RpcError::notFound(m) << -32007 << "not_found";
        QTest::newRow("rate limited") << RpcError::rateLimited(10, m) << -32008 << "rate_limited";
        QTest::newRow("too large") << RpcError::tooLarge(m) << -32009 << "too_large";
        QTest::newRow("token invalid") << RpcError::tokenInvalid() << -32010 << "token_invalid";
        QTest::newRow("name taken") << RpcError::nameTaken(QStringLiteral("general")) << -32011 << "name_taken";
        QTest::newRow("account disabled") << RpcError::accountDisabled() << -32012 << "account_disabled";
        QTest::newRow("unavailable") << RpcError::unavailable(m) << -32013 << "unavailable";
    }

    void everyErrorHasItsCodeAndReason()
    {
        QFETCH(RpcError, error);
        QFETCH(int, code);
        QFETCH(QString, reason);
        QCOMPARE(error.code, code);
        QCOMPARE(error.reason, reason);
        QVERIFY(!error.message.isEmpty());
        const RpcError back = RpcError::fromJson(error.toJson());
        QCOMPARE(back.code, code);
        QCOMPARE(back.reason, reason);
        QCOMPARE(back.message, error.message);
        QCOMPARE(back.extra, error.extra);
    }

    void errorMessagesNameWhatTheyAreAbout()
    {
        QVERIFY(RpcError::methodNotFound(QStringLiteral("foo.bar")).message.contains(QLatin1String("foo.bar")));
        QVERIFY(RpcError::usernameTaken(QStringLiteral("bob")).message.contains(QLatin1String("bob")));
        QVERIFY(RpcError::nameTaken(QStringLiteral("design")).message.contains(QLatin1String("design")));
    }
};

QTEST_GUILESS_MAIN(JsonRpcTest)
#include "tst_jsonrpc.moc"
