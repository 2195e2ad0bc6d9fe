// The rows of the hostile-input catalog (tst_hostile.cpp runs them). Kept out of the test's own file
// because moc misreads raw string literals with an odd number of quotes.
#include "HostileCase.h"

#include "RpcError.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace chat::test {

namespace {

using Case = HostileCase;
using Sender = HostileCase::Sender;
using Outcome = HostileCase::Outcome;

constexpr int MaxFrameBytes = 65536;

QByteArray request(const QByteArray& method, const QByteArray& params = {}, const QByteArray& id = "1")
{
    QByteArray text = R"({"jsonrpc":"2.0","id":)" + id + R"(,"method":")" + method + '"';
    if (!params.isNull())
        text += R"(,"params":)" + params;
    return text + '}';
}

QByteArray notification(const QByteArray& method, const QByteArray& params)
{
    return R"({"jsonrpc":"2.0","method":")" + method + R"(","params":)" + params + '}';
}

QByteArray jsonString(const QString& text)
{
    const QByteArray array = QJsonDocument(QJsonArray { text }).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

Case text(const QByteArray& payload, Sender sender = Sender::Anonymous)
{
    Case c;
    c.sender = sender;
    c.frames = { { 0x1, payload, true } };
    return c;
}

Case frames(QList<Case::Frame> list, Sender sender = Sender::Anonymous)
{
    Case c;
    c.sender = sender;
    c.frames = std::move(list);
    return c;
}

Case answer(Case c, int code, const QString& reason, QJsonValue id = 1)
{
    c.outcome = Outcome::Answer;
    c.code = code;
    c.reason = reason;
    c.id = id;
    return c;
}
Case nullIdError(Case c, int code, const QString& reason)
{
    return answer(std::move(c), code, reason, QJsonValue::Null);
}
Case parseError(const QByteArray& payload)
{
    return nullIdError(text(payload), errc::ParseError, QStringLiteral("parse_error"));
}
Case invalidParams(const QByteArray& method, const QByteArray& params, Sender sender = Sender::Member)
{
    return answer(text(request(method, params), sender), errc::InvalidParams, QStringLiteral("invalid_params"));
}
Case refused(const QByteArray& method, const QByteArray& params, Sender sender, int code, QLatin1String reason)
{
    return answer(text(request(method, params), sender), code, reason);
}
Case accepted(Case c)
{
    c.outcome = Outcome::Answer;
    c.id = 1;
    return c;
}
Case acceptedMessage(const QByteArray& bodyJson, const QString& stored)
{
    Case c
        = accepted(text(request("messages.send", R"({"room_id":$ROOM,"client_id":"$CLIENT","body":)" + bodyJson + '}'),
            Sender::Member));
    c.newMessages = 1;
    c.storedBody = stored;
    return c;
}
Case silence(Case c)
{
    c.outcome = Outcome::Silence;
    return c;
}
Case closes(Case c, int closeCode)
{
    c.outcome = Outcome::Close;
    c.closeCode = closeCode;
    return c;
}
Case flood(const QByteArray& payload, Sender sender, int count)
{
    Case c = text(payload, sender);
    c.repeat = count;
    c.outcome = Outcome::Flood;
    c.closeCode = 1008;
    return c;
}

} // namespace

QList<HostileCase> hostileCatalog()
{

    QList<Case> rows;
    const auto add = [&rows](const QByteArray& name, Case row) {
        row.name = name;
        rows.append(std::move(row));
    };
    const QString parse = QStringLiteral("parse_error");
    const QString invalidRequest = QStringLiteral("invalid_request");
    const QByteArray usersList = request("users.list");

    // WebSocket frames.
    add("binary frame", nullIdError(frames({ { 0x2, "\x01\x02\x03", true } }), errc::InvalidRequest, invalidRequest));
    add("empty text frame", parseError(""));
    add("only whitespace", parseError(" \t\r\n "));
    add("frame over the limit",
        nullIdError(text(QByteArray(MaxFrameBytes + 1000, ' ')), errc::TooLarge, QStringLiteral("too_large")));
    add("1 MB of whitespace", closes(text(QByteArray(1024 * 1024, ' ')), 1009));
    add("4 MB frame", closes(text("[\"" + QByteArray(4 * 1024 * 1024, 'x') + "\"]"), 1009));
    add("message in three fragments",
        answer(frames({ { 0x1, R"({"jsonrpc":"2.0",)", false }, { 0x0, R"("id":1,"method":)", false },
                   { 0x0, R"("users.list"})", true } }),
            errc::Unauthenticated, QStringLiteral("unauthenticated")));
    {
        const QByteArray body = QStringLiteral("caf\u00e9 \u20ac \U0001F600").toUtf8();
        const QByteArray whole
            = request("messages.send", R"({"room_id":$ROOM,"client_id":"$CLIENT","body":")" + body + "\"}");
        const qsizetype euro = whole.indexOf("\xe2\x82\xac");
        Case c = accepted(
            frames({ { 0x1, whole.left(euro + 1), false }, { 0x0, whole.mid(euro + 1), true } }, Sender::Member));
        c.newMessages = 1;
        c.storedBody = QString::fromUtf8(body);
        add("UTF-8 character split across fragments", c);
    }
    add("invalid UTF-8 byte", closes(text(request("users.list", R"({"x":")" + QByteArray("\xff") + "\"}")), 1007));
    add("overlong UTF-8", closes(text(request("users.list", R"({"x":")" + QByteArray("\xc0\xaf") + "\"}")), 1007));
    add("UTF-8 encoded surrogate",
        closes(text(request("users.list", R"({"x":")" + QByteArray("\xed\xa0\x80") + "\"}")), 1007));
    add("message ends inside a character",
        closes(frames({ { 0x1, R"({"jsonrpc":"2.0","id":1,"method":"users.list","x":")", false },
                   { 0x0, "\xe2\x82", true } }),
            1007));
    add("continuation without a start", closes(frames({ { 0x0, usersList, true } }), 1002));
    add("text frame inside a fragmented message",
        closes(frames({ { 0x1, R"({"jsonrpc":)", false }, { 0x1, usersList, true } }), 1002));
    add("reserved opcode", closes(frames({ { 0x3, usersList, true } }), 1002));
    add("unmasked frame", closes(frames({ { 0x1, QByteArray("\x81\x02{}", 4), true, true } }), 1002));
    add("reserved bit set", closes(frames({ { 0x1, QByteArray("\xc1\x80\x01\x02\x03\x04", 6), true, true } }), 1002));
    add("length of 2^63 bytes",
        closes(
            frames({ { 0x1, QByteArray("\x81\xff\x80\x00\x00\x00\x00\x00\x00\x00\x01\x02\x03\x04", 14), true, true } }),
            1009));
    add("ping with payload", silence(frames({ { 0x9, "are you there", true } })));
    add("oversized ping", closes(frames({ { 0x9, QByteArray(200, 'p'), true } }), 1002));
    add("fragmented ping", closes(frames({ { 0x9, "p", false } }), 1002));
    add("client closes normally", closes(frames({ { 0x8, QByteArray("\x03\xe8", 2), true } }), 1000));

    // JSON that RFC 8259 does not allow.
    add("not json", parseError("hello?"));
    add("truncated object", parseError(R"({"jsonrpc":"2.0","id":1,"method":"users.li)"));
    add("id .5", parseError(R"({"jsonrpc":"2.0","id":.5,"method":"users.list"})"));
    add("id -.5", parseError(R"({"jsonrpc":"2.0","id":-.5,"method":"users.list"})"));
    add("id 26.", parseError(R"({"jsonrpc":"2.0","id":26.,"method":"users.list"})"));
    add("id 27.e1", parseError(R"({"jsonrpc":"2.0","id":27.e1,"method":"users.list"})"));
    add("id 01", parseError(R"({"jsonrpc":"2.0","id":01,"method":"users.list"})"));
    add("id +1", parseError(R"({"jsonrpc":"2.0","id":+1,"method":"users.list"})"));
    add("id 0x10", parseError(R"({"jsonrpc":"2.0","id":0x10,"method":"users.list"})"));
    add("id 1e400", parseError(R"({"jsonrpc":"2.0","id":1e400,"method":"users.list"})"));
    add("id NaN", parseError(R"({"jsonrpc":"2.0","id":NaN,"method":"users.list"})"));
    add("escape \\x", parseError(R"({"jsonrpc":"2.0","id":1,"method":"users.list","x":"\x"})"));
    add("escape \\U", parseError(R"({"jsonrpc":"2.0","id":1,"method":"users.list","x":"\U0041"})"));
    add("short \\u escape", parseError(R"({"jsonrpc":"2.0","id":1,"method":"users.list","x":"\u12"})"));
    add("single quotes", parseError("{'jsonrpc':'2.0','id':1,'method':'users.list'}"));
    add("unquoted key", parseError(R"({jsonrpc:"2.0","id":1,"method":"users.list"})"));
    add("trailing comma", parseError(R"({"jsonrpc":"2.0","id":1,"method":"users.list",})"));
    add("trailing comma in array", parseError(R"({"jsonrpc":"2.0","id":1,"method":"users.list","x":[1,]})"));
    add("comment", parseError("{\"jsonrpc\":\"2.0\",/* hi */\"id\":1,\"method\":\"users.list\"}"));
    add("capitalised True", parseError(R"({"jsonrpc":"2.0","id":1,"method":"users.list","x":True})"));
    add("raw tab in a string", parseError("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"users.list\",\"x\":\"a\tb\"}"));
    add("raw NUL in a string",
        parseError(QByteArray("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"users.list\",\"x\":\"a\0b\"}", 52)));
    add("byte order mark before the object", parseError("\xef\xbb\xbf" + usersList));
    add("two objects in one frame", parseError(usersList + usersList));
    add("extra closing brace", parseError(usersList + "}"));
    add("nesting 5000 deep", parseError(QByteArray(5000, '[') + QByteArray(5000, ']')));

    // Valid JSON that is not a valid JSON-RPC message.
    add("batch", nullIdError(text("[" + usersList + "]"), errc::InvalidRequest, invalidRequest));
    add("empty batch", nullIdError(text("[]"), errc::InvalidRequest, invalidRequest));
    add("number", nullIdError(text("42"), errc::InvalidRequest, invalidRequest));
    add("null", nullIdError(text("null"), errc::InvalidRequest, invalidRequest));
    add("string", nullIdError(text("\"users.list\""), errc::InvalidRequest, invalidRequest));
    add("no jsonrpc", answer(text(R"({"id":1,"method":"users.list"})"), errc::InvalidRequest, invalidRequest));
    add("jsonrpc 1.0",
        answer(text(R"({"jsonrpc":"1.0","id":1,"method":"users.list"})"), errc::InvalidRequest, invalidRequest));
    add("jsonrpc as a number",
        answer(text(R"({"jsonrpc":2.0,"id":1,"method":"users.list"})"), errc::InvalidRequest, invalidRequest));
    add("id object", nullIdError(text(request("users.list", {}, "{}")), errc::InvalidRequest, invalidRequest));
    add("id array", nullIdError(text(request("users.list", {}, "[1]")), errc::InvalidRequest, invalidRequest));
    add("id true", nullIdError(text(request("users.list", {}, "true")), errc::InvalidRequest, invalidRequest));
    add("id null", nullIdError(text(request("users.list", {}, "null")), errc::InvalidRequest, invalidRequest));
    add("method number", answer(text(R"({"jsonrpc":"2.0","id":1,"method":5})"), errc::InvalidRequest, invalidRequest));
    add("method empty", answer(text(request("")), errc::InvalidRequest, invalidRequest));
    add("request with result",
        answer(text(R"({"jsonrpc":"2.0","id":1,"method":"users.list","result":{}})"), errc::InvalidRequest,
            invalidRequest));
    add("response from the client", silence(text(R"({"jsonrpc":"2.0","id":1,"result":{}})")));
    add("error response from the client",
        silence(text(R"({"jsonrpc":"2.0","id":1,"error":{"code":1,"message":"x"}})")));
    add("params array", invalidParams("auth.login", R"(["a","b"])", Sender::Anonymous));
    add("params string", invalidParams("auth.login", R"("a")", Sender::Anonymous));
    add("params null", invalidParams("auth.login", "null", Sender::Anonymous));
    add("notification with array params", silence(text(notification("typing", "[1]"), Sender::Member)));
    add("notification with string params", silence(text(notification("typing", "\"x\""), Sender::Member)));
    add("notification with null params", silence(text(notification("typing", "null"), Sender::Member)));
    add("unknown notification", silence(text(notification("rooms.explode", "{}"), Sender::Member)));
    add("unknown method",
        answer(text(request("rooms.explode")), errc::MethodNotFound, QStringLiteral("method_not_found")));
    add("method with NUL",
        answer(text(request("users.list\\u0000")), errc::MethodNotFound, QStringLiteral("method_not_found")));
    add("method in capitals",
        answer(text(request("USERS.LIST")), errc::MethodNotFound, QStringLiteral("method_not_found")));
    add("signed-in method before signing in",
        answer(text(usersList), errc::Unauthenticated, QStringLiteral("unauthenticated")));
    add("id 1.5 is echoed",
        answer(text(request("users.list", {}, "1.5")), errc::Unauthenticated, QStringLiteral("unauthenticated"), 1.5));
    add("signup while signed in",
        answer(text(request("auth.signup", R"({"username":"again","password":"correct horse"})"), Sender::Member),
            errc::InvalidRequest, invalidRequest));

    // auth.* parameters.
    const auto signup = [](const QByteArray& username, const QByteArray& password = "\"correct horse\"") {
        return request("auth.signup", R"({"username":)" + username + R"(,"password":)" + password + "}");
    };
    const auto login = [](const QByteArray& username, const QByteArray& password = "\"correct horse\"") {
        return request("auth.login", R"({"username":)" + username + R"(,"password":)" + password + "}");
    };
    const QString invalidUsername = QStringLiteral("invalid_username");
    const QString badCredentials = QStringLiteral("bad_credentials");
    add("signup without password", invalidParams("auth.signup", R"({"username":"nopass"})", Sender::Anonymous));
    add("signup without params", invalidParams("auth.signup", {}, Sender::Anonymous));
    add("signup username number",
        invalidParams("auth.signup", R"({"username":5,"password":"correct horse"})", Sender::Anonymous));
    add("signup password number",
        invalidParams("auth.signup", R"({"username":"pwnum","password":12345678})", Sender::Anonymous));
    add("signup username too short", answer(text(signup("\"ab\"")), errc::InvalidUsername, invalidUsername));
    add("signup username 33 characters",
        answer(text(signup('"' + QByteArray(33, 'a') + '"')), errc::InvalidUsername, invalidUsername));
    add("signup username 300 characters",
        answer(text(signup('"' + QByteArray(300, 'a') + '"')), errc::TooLarge, QStringLiteral("too_large")));
    add("signup username with a space", answer(text(signup("\"two words\"")), errc::InvalidUsername, invalidUsername));
    add("signup username with escaped BOM",
        answer(text(signup(R"("\ufeffbom_x")")), errc::InvalidUsername, invalidUsername));
    add("signup username with raw BOM",
        answer(text(signup("\"\xef\xbb\xbf"
                           "bom_y\"")),
            errc::InvalidUsername, invalidUsername));
    add("signup username with zero-width space",
        answer(text(signup(R"("zw\u200bsp")")), errc::InvalidUsername, invalidUsername));
    add("signup username with Cyrillic look-alike",
        answer(text(signup(R"("ski\u0440per")")), errc::InvalidUsername, invalidUsername));
    add("signup username in fullwidth letters",
        answer(text(signup(R"("\uff53\uff4b\uff49\uff50")")), errc::InvalidUsername, invalidUsername));
    add("signup username with NUL", answer(text(signup(R"("nul\u0000x")")), errc::InvalidUsername, invalidUsername));
    add("signup existing name in capitals",
        answer(text(signup("\"SKIPPER\"")), errc::UsernameTaken, QStringLiteral("username_taken")));
    add("signup short password",
        answer(text(signup("\"shortpw\"", "\"short\"")), errc::WeakPassword, QStringLiteral("weak_password")));
    add("signup 2000-byte password",
        answer(text(signup("\"longpw\"", '"' + QByteArray(2000, 'p') + '"')), errc::TooLarge,
            QStringLiteral("too_large")));
    {
        Case c = accepted(text(
            request("auth.signup", R"({"username":"extra_keys","password":"correct horse","admin":true,"id":7})")));
        c.newUsers = 1;
        add("signup with extra keys", c);
    }
    add("login with KELVIN SIGN", answer(text(login(R"("s\u212aipper")")), errc::BadCredentials, badCredentials));
    add("login with long s", answer(text(login(R"("\u017fkipper")")), errc::BadCredentials, badCredentials));
    add("login with leading BOM", answer(text(login(R"("\ufeffskipper")")), errc::BadCredentials, badCredentials));
    add("login with dotless i", answer(text(login(R"("sk\u0131pper")")), errc::BadCredentials, badCredentials));
    add("login in capitals", accepted(text(login("\"SKIPPER\""))));
    add("login with wrong password",
        answer(text(login("\"skipper\"", "\"wrong horse\"")), errc::BadCredentials, badCredentials));
    add("login username null", invalidParams("auth.login", R"({"username":null,"password":"x"})", Sender::Anonymous));
    add("login password missing", invalidParams("auth.login", R"({"username":"skipper"})", Sender::Anonymous));
    add("resume token number", invalidParams("auth.resume", R"({"token":5})", Sender::Anonymous));
    add("resume empty token",
        answer(text(request("auth.resume", R"({"token":""})")), errc::TokenInvalid, QStringLiteral("token_invalid")));
    add("resume 10000-character token",
        answer(text(request("auth.resume", R"({"token":")" + QByteArray(10000, 't') + "\"}")), errc::TokenInvalid,
            QStringLiteral("token_invalid")));
    add("logout before signing in",
        answer(text(request("auth.logout")), errc::Unauthenticated, QStringLiteral("unauthenticated")));

    // messages.send parameters and bodies.
    const auto send = [](const QByteArray& fields) { return request("messages.send", "{" + fields + "}"); };
    add("send without params", invalidParams("messages.send", {}));
    add("send without body", invalidParams("messages.send", R"({"room_id":$ROOM,"client_id":"c"})"));
    add("send body number", invalidParams("messages.send", R"({"room_id":$ROOM,"client_id":"c","body":5})"));
    add("send body empty", invalidParams("messages.send", R"({"room_id":$ROOM,"client_id":"c","body":""})"));
    add("send body blank", invalidParams("messages.send", R"({"room_id":$ROOM,"client_id":"c","body":" \n\t "})"));
    add("send body with NUL", invalidParams("messages.send", R"({"room_id":$ROOM,"client_id":"c","body":"a\u0000b"})"));
    add("send body with lone high surrogate",
        invalidParams("messages.send", R"({"room_id":$ROOM,"client_id":"c","body":"a\ud800b"})"));
    add("send body with lone low surrogate",
        invalidParams("messages.send", R"({"room_id":$ROOM,"client_id":"c","body":"\udc00"})"));
    add("send body with reversed surrogates",
        invalidParams("messages.send", R"({"room_id":$ROOM,"client_id":"c","body":"\udc00\ud800"})"));
    add("send body of 4001 characters",
        answer(text(send(R"("room_id":$ROOM,"client_id":"c","body":")" + QByteArray(4001, 'b') + '"'), Sender::Member),
            errc::TooLarge, QStringLiteral("too_large")));
    add("send room_id string", invalidParams("messages.send", R"({"room_id":"$ROOM","client_id":"c","body":"b"})"));
    add("send room_id zero", invalidParams("messages.send", R"({"room_id":0,"client_id":"c","body":"b"})"));
    add("send room_id negative", invalidParams("messages.send", R"({"room_id":-1,"client_id":"c","body":"b"})"));
    add("send room_id fraction", invalidParams("messages.send", R"({"room_id":1.5,"client_id":"c","body":"b"})"));
    add("send room_id 2^53",
        invalidParams("messages.send", R"({"room_id":9007199254740992,"client_id":"c","body":"b"})"));
    add("send room_id 1e308", invalidParams("messages.send", R"({"room_id":1e308,"client_id":"c","body":"b"})"));
    add("send room_id null", invalidParams("messages.send", R"({"room_id":null,"client_id":"c","body":"b"})"));
    add("send without client_id", invalidParams("messages.send", R"({"room_id":$ROOM,"body":"b"})"));
    add("send client_id empty", invalidParams("messages.send", R"({"room_id":$ROOM,"client_id":"","body":"b"})"));
    add("send client_id number", invalidParams("messages.send", R"({"room_id":$ROOM,"client_id":7,"body":"b"})"));
    add("send client_id 65 characters",
        invalidParams("messages.send", R"({"room_id":$ROOM,"client_id":")" + QByteArray(65, 'c') + R"(","body":"b"})"));
    add("send before signing in",
        answer(text(send(R"("room_id":$ROOM,"client_id":"c","body":"b")")), errc::Unauthenticated,
            QStringLiteral("unauthenticated")));
    {
        const QString emoji = QStringLiteral("\U0001F600").repeated(4000);
        add("body of 4000 emoji", acceptedMessage(jsonString(emoji), emoji));
    }
    add("body with escaped surrogate pair", acceptedMessage(R"("\ud83d\ude00")", QStringLiteral("\U0001F600")));
    add("body with bidi override", acceptedMessage(R"("\u202egnp.exe")", QStringLiteral("\u202egnp.exe")));
    add("body with zero-width characters",
        acceptedMessage(R"("a\u200bb\u200dc\u2060d")", QStringLiteral("a\u200bb\u200dc\u2060d")));
    add("body of only U+FEFF", acceptedMessage(R"("\ufeff")", QStringLiteral("\ufeff")));
    add("send body starting with U+FFFE",
        invalidParams("messages.send", R"({"room_id":$ROOM,"client_id":"c","body":"\ufffeabc"})"));
    add("send body with raw U+FFFF",
        invalidParams("messages.send", "{\"room_id\":$ROOM,\"client_id\":\"c\",\"body\":\"a\xef\xbf\xbf\"}"));
    add("body starting with two U+FEFF", acceptedMessage(R"("\ufeff\ufeffx")", QStringLiteral("\ufeff\ufeffx")));
    add("body starting with raw BOM", acceptedMessage("\"\xef\xbb\xbfhi\"", QStringLiteral("\ufeffhi")));
    add("body with combining marks",
        acceptedMessage(R"("e\u0301\u0301\u0301")", QStringLiteral("e\u0301\u0301\u0301")));
    add("body with escaped control characters",
        acceptedMessage(R"("line\nnext\ttab")", QStringLiteral("line\nnext\ttab")));

    // messages.history, rooms.*, rooms.read parameters.
    add("history without room_id", invalidParams("messages.history", "{}"));
    add("history limit zero", invalidParams("messages.history", R"({"room_id":$ROOM,"limit":0})"));
    add("history limit 201", invalidParams("messages.history", R"({"room_id":$ROOM,"limit":201})"));
    add("history limit string", invalidParams("messages.history", R"({"room_id":$ROOM,"limit":"5"})"));
    add("history before zero", invalidParams("messages.history", R"({"room_id":$ROOM,"before":0})"));
    add("history after negative", invalidParams("messages.history", R"({"room_id":$ROOM,"after":-1})"));
    add("history before and after", invalidParams("messages.history", R"({"room_id":$ROOM,"before":5,"after":1})"));
    // messages.search: the query is text to find, never syntax; nothing is searched for a refused one.
    add("search without query", invalidParams("messages.search", "{}"));
    add("search query null", invalidParams("messages.search", R"({"query":null})"));
    add("search query array", invalidParams("messages.search", R"({"query":["abc"]})"));
    add("search query blank", invalidParams("messages.search", R"({"query":"  \n "})"));
    add("search query only invisible", invalidParams("messages.search", R"({"query":"\u200b\ufeff\u200e"})"));
    add("search query 257 characters",
        invalidParams("messages.search", R"({"query":")" + QByteArray(257, 'q') + "\"}"));
    add("search query lone surrogate", invalidParams("messages.search", R"({"query":"ab\ud800c"})"));
    add("search query too short",
        refused("messages.search", R"({"query":"ab"})", Sender::Member, errc::QueryTooShort, reason::QueryTooShort));
    add("search limit 51", invalidParams("messages.search", R"({"query":"abc","limit":51})"));
    add("search cursor forged", invalidParams("messages.search", R"({"query":"abc","cursor":"1 OR 1=1"})"));
    add("search cursor huge",
        invalidParams("messages.search", R"({"query":"abc","cursor":"99999999999999999999999"})"));
    add("search room of others",
        refused("messages.search", R"({"query":"abc","room_id":$ROOM})", Sender::Outsider, errc::Forbidden,
            reason::Forbidden));
    add("search before sign-in",
        refused("messages.search", R"({"query":"abc"})", Sender::Anonymous, errc::Unauthenticated,
            reason::Unauthenticated));
    for (const char* query : { R"(\"ship it\" OR deploy*)", "NEAR(a b, 3)", "body : abc", "-abc ^xyz", R"(100%_\\)",
             "'; DROP TABLE messages; --" }) {
        add(QByteArray("search query literal ") + query,
            accepted(text(request("messages.search", R"({"query":")" + QByteArray(query) + "\"}"), Sender::Member)));
    }
    // files: refused before a byte moves; ids are checked for shape; nobody reaches another's file or upload.
    const QByteArray sha = QByteArray(64, 'a');
    const QByteArray someId = "0123456789abcdef0123456789abcdef";
    add("upload without size",
        invalidParams("files.upload", R"({"room_id":$ROOM,"name":"a","sha256":")" + sha + "\"}"));
    add("upload size zero",
        invalidParams("files.upload", R"({"room_id":$ROOM,"name":"a","size":0,"sha256":")" + sha + "\"}"));
    add("upload size string",
        invalidParams("files.upload", R"({"room_id":$ROOM,"name":"a","size":"5","sha256":")" + sha + "\"}"));
    add("upload size over the limit",
        refused("files.upload", R"({"room_id":$ROOM,"name":"a","size":26214401,"sha256":")" + sha + "\"}",
            Sender::Member, errc::TooLarge, reason::TooLarge));
    add("upload name empty",
        invalidParams("files.upload", R"({"room_id":$ROOM,"name":"","size":5,"sha256":")" + sha + "\"}"));
    add("upload name 256 characters",
        invalidParams("files.upload",
            R"({"room_id":$ROOM,"name":")" + QByteArray(256, 'n') + R"(","size":5,"sha256":")" + sha + "\"}"));
    add("upload sha256 short",
        invalidParams("files.upload", R"({"room_id":$ROOM,"name":"a","size":5,"sha256":"abc"})"));
    add("upload sha256 not hex",
        invalidParams(
            "files.upload", R"({"room_id":$ROOM,"name":"a","size":5,"sha256":")" + QByteArray(64, 'g') + "\"}"));
    add("upload into a room of others",
        refused("files.upload", R"({"room_id":$ROOM,"name":"a","size":5,"sha256":")" + sha + "\"}", Sender::Outsider,
            errc::Forbidden, reason::Forbidden));
    add("upload before sign-in",
        refused("files.upload", R"({"room_id":$ROOM,"name":"a","size":5,"sha256":")" + sha + "\"}", Sender::Anonymous,
            errc::Unauthenticated, reason::Unauthenticated));
    add("finish id too short", invalidParams("files.finish", R"({"upload_id":"abc"})"));
    add("finish id with path", invalidParams("files.finish", R"({"upload_id":"../../../../etc/passwd00000000000"})"));
    add("finish unknown upload",
        refused(
            "files.finish", R"({"upload_id":")" + someId + "\"}", Sender::Member, errc::NotFound, reason::NotFound));
    add("cancel with both ids",
        invalidParams("files.cancel", R"({"upload_id":")" + someId + R"(","download_id":")" + someId + "\"}"));
    add("cancel with neither", invalidParams("files.cancel", "{}"));
    add("download unknown file",
        refused(
            "files.download", R"({"file_id":")" + someId + "\"}", Sender::Member, errc::NotFound, reason::NotFound));
    add("download offset negative", invalidParams("files.download", R"({"file_id":")" + someId + R"(","offset":-1})"));
    add("send attachments not an array",
        invalidParams("messages.send", R"({"room_id":$ROOM,"client_id":"c","body":"x","attachments":"f"})"));
    add("send attachments empty",
        invalidParams("messages.send", R"({"room_id":$ROOM,"client_id":"c","body":"x","attachments":[]})"));
    add("send attachment unknown",
        invalidParams(
            "messages.send", R"({"room_id":$ROOM,"client_id":"c","body":"","attachments":[")" + someId + "\"]}"));
    add("send attachment twice",
        invalidParams("messages.send",
            R"({"room_id":$ROOM,"client_id":"c","body":"x","attachments":[")" + someId + R"(",")" + someId + "\"]}"));
    add("binary chunk of no upload",
        nullIdError(
            frames({ { 0x2, QByteArray(1, '\x01') + QByteArray(16, '\x11') + QByteArray(8, '\0') + "data", true } }),
            errc::InvalidRequest, QStringLiteral("invalid_request")));

    add("create without name", invalidParams("rooms.create", "{}"));
    add("create name number", invalidParams("rooms.create", R"({"name":5})"));
    add("create name blank", invalidParams("rooms.create", R"({"name":"   "})"));
    add("create name 65 characters", invalidParams("rooms.create", R"({"name":")" + QByteArray(65, 'r') + "\"}"));
    add("create name with newline", invalidParams("rooms.create", R"({"name":"two\nlines"})"));
    add("create name with bidi override", invalidParams("rooms.create", R"({"name":"\u202eden"})"));
    add("create name with leading BOM", invalidParams("rooms.create", R"({"name":"\ufeffden"})"));
    add("create name with zero-width joiner", invalidParams("rooms.create", R"({"name":"d\u200den"})"));
    add("create existing name in capitals",
        refused("rooms.create", R"({"name":"DEN"})", Sender::Member, errc::NameTaken, reason::NameTaken));
    add("direct without user_id", invalidParams("rooms.direct", "{}"));
    add("direct user_id string", invalidParams("rooms.direct", R"({"user_id":"1"})"));
    add("direct unknown user",
        refused("rooms.direct", R"({"user_id":999999})", Sender::Member, errc::NotFound, reason::NotFound));
    add("join room_id boolean", invalidParams("rooms.join", R"({"room_id":true})"));
    add("leave room_id array", invalidParams("rooms.leave", R"({"room_id":[1]})"));
    add("read without seq", invalidParams("rooms.read", R"({"room_id":$ROOM})"));
    add("read seq negative", invalidParams("rooms.read", R"({"room_id":$ROOM,"seq":-1})"));
    add("read seq string", invalidParams("rooms.read", R"({"room_id":$ROOM,"seq":"1"})"));

    // Methods without parameters ignore extra keys; methods with parameters refuse missing ones.
    add("users.list with extra keys",
        accepted(text(request("users.list", R"({"all":true,"limit":-1})"), Sender::Member)));
    add("rooms.list with extra keys", accepted(text(request("rooms.list", R"({"user_id":1})"), Sender::Member)));
    add("rooms.public with extra keys", accepted(text(request("rooms.public", R"({"x":[1,2]})"), Sender::Member)));
    add("join without room_id", invalidParams("rooms.join", "{}"));
    add("leave without room_id", invalidParams("rooms.leave", "{}"));
    add("join room_id 2^53", invalidParams("rooms.join", R"({"room_id":9007199254740992})"));
    add("typing with extra keys", silence(text(notification("typing", R"({"room_id":$ROOM,"x":1})"), Sender::Member)));
    add("typing without room_id", silence(text(notification("typing", "{}"), Sender::Member)));

    // Authorization: someone outside a room learns nothing about it, not even that it exists.
    for (const char* room : { "$ROOM", "$DM" }) {
        const QByteArray id(room);
        const QByteArray suffix = id == "$ROOM" ? " (group room)" : " (direct room)";
        add(QByteArray("outsider sends" + suffix).constData(),
            refused("messages.send", R"({"room_id":)" + id + R"(,"client_id":"c","body":"hi"})", Sender::Outsider,
                errc::Forbidden, reason::Forbidden));
        add(QByteArray("outsider reads history" + suffix).constData(),
            refused(
                "messages.history", R"({"room_id":)" + id + "}", Sender::Outsider, errc::Forbidden, reason::Forbidden));
        add(QByteArray("outsider marks read" + suffix).constData(),
            refused("rooms.read", R"({"room_id":)" + id + R"(,"seq":1})", Sender::Outsider, errc::Forbidden,
                reason::Forbidden));
        add(QByteArray("outsider leaves" + suffix).constData(),
            refused("rooms.leave", R"({"room_id":)" + id + "}", Sender::Outsider, errc::Forbidden, reason::Forbidden));
        add(QByteArray("outsider types" + suffix).constData(),
            silence(text(notification("typing", R"({"room_id":)" + id + "}"), Sender::Outsider)));
    }
    add("outsider joins a direct room",
        refused("rooms.join", R"({"room_id":$DM})", Sender::Outsider, errc::NotFound, reason::NotFound));

    // Floods.
    add("2000 pipelined requests", flood(usersList, Sender::Member, 2000));
    add("2000 pipelined sends",
        flood(request("messages.send", R"({"room_id":$ROOM,"client_id":"$CLIENT","body":"flood"})"), Sender::Member,
            2000));
    add("2000 pipelined malformed frames", flood("{", Sender::Anonymous, 2000));

    // Timeouts, on a server configured with short ones.
    {
        Case c = closes(frames({}), 1008);
        c.server = Case::ServerKind::ShortTimeouts;
        add("never signs in", c);
        Case busy = closes(frames({ { 0x1, "{", true }, { 0x1, usersList, true }, { 0x2, "x", true } }), 1008);
        busy.server = Case::ServerKind::ShortTimeouts;
        add("keeps sending but never signs in", busy);
        Case mute = closes(frames({}, Sender::Member), 1001);
        mute.server = Case::ServerKind::ShortTimeouts;
        add("never answers pings", mute);
    }
    return rows;
}

} // namespace chat::test
