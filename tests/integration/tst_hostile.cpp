// The hostile-input catalog: frames, JSON, JSON-RPC shapes, every parameter of every method, Unicode,
// authorization, floods and timeouts, each sent to a real chat-server process. Every row checks the exact
// answer or close code, that a bystander is still served, and that nothing was stored that should not be.
#include "Fixtures.h"
#include "HostileCase.h"
#include "RawWebSocket.h"
#include "ServerProcess.h"

#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace chat;
using namespace chat::test;
namespace key = protocol::key;
namespace method = protocol::method;

using Case = HostileCase;
using Sender = HostileCase::Sender;
using Outcome = HostileCase::Outcome;

namespace {

const QString Password = QStringLiteral("correct horse");

QByteArray withPlaceholders(QByteArray bytes, const QHash<QByteArray, QByteArray>& values)
{
    for (auto it = values.constBegin(); it != values.constEnd(); ++it)
        bytes.replace(it.key(), it.value());
    return bytes;
}

struct StoreCounts {
    qint64 users = -1;
    qint64 rooms = -1;
    qint64 messages = -1;
};

// A chat-server process, a bystander signed in on it, and read-only access to its SQLite file.
class Deployment {
public:
    bool start(const QString& name, const QString& extraIni)
    {
        m_server.writeConfig(extraIni);
        if (!m_server.start())
            return false;
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        m_db.setDatabaseName(m_server.folder() + QStringLiteral("/chat.sqlite3"));
        m_db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        m_name = name;
        return m_db.open();
    }
    QUrl url() const { return m_server.url(); }
    // Signed in on first use. A server with a short idle timeout would drop a bystander that sat through
    // the rest of the catalog while this process was busy elsewhere, so each signs in just before its rows.
    TestClient* bystander()
    {
        if (!m_bystander) {
            m_bystander = std::make_unique<TestClient>();
            if (!m_bystander->connectTo(m_server.url()) || !m_bystander->signup(m_name + "_bystander").ok())
                m_bystander.reset();
        }
        return m_bystander.get();
    }

    StoreCounts counts()
    {
        QSqlQuery query(m_db);
        StoreCounts counts;
        if (query.exec(QStringLiteral("SELECT (SELECT count(*) FROM users), (SELECT count(*) FROM rooms), "
                                      "(SELECT count(*) FROM messages)"))
            && query.next()) {
            counts = { query.value(0).toLongLong(), query.value(1).toLongLong(), query.value(2).toLongLong() };
        }
        return counts;
    }
    QString newestBody()
    {
        QSqlQuery query(m_db);
        if (query.exec(QStringLiteral("SELECT body FROM messages ORDER BY id DESC LIMIT 1")) && query.next())
            return query.value(0).toString();
        return {};
    }

private:
    ServerProcess m_server;
    QString m_name;
    std::unique_ptr<TestClient> m_bystander;
    QSqlDatabase m_db;
};

jsonrpc::Message decoded(const QByteArray& text)
{
    jsonrpc::Decoded result = jsonrpc::decode(text);
    return result.message ? *result.message : jsonrpc::Message {};
}

QString reasonOf(const jsonrpc::Message& answer)
{
    return answer.error ? answer.error->reason : QString();
}

} // namespace

class HostileTest : public QObject {
    Q_OBJECT

    Deployment m_main;
    Deployment m_short;
    QString m_memberToken;
    QString m_outsiderToken;
    QString m_shortMemberToken; // on the server with short timeouts
    QHash<QByteArray, QByteArray> m_placeholders;
    int m_clientIds = 0;

    std::unique_ptr<RawWebSocket> connectAs(Deployment& deployment, Sender sender)
    {
        auto socket = std::make_unique<RawWebSocket>();
        if (!socket->open(deployment.url()))
            return nullptr;
        if (sender == Sender::Anonymous)
            return socket;
        const QString token = &deployment == &m_short ? m_shortMemberToken
            : sender == Sender::Member                ? m_memberToken
                                                      : m_outsiderToken;
        socket->sendText(jsonrpc::encodeRequest(QStringLiteral("auth"), method::AuthResume, { { key::Token, token } }));
        const std::optional<QByteArray> answer = socket->readAnswerText();
        if (!answer || decoded(*answer).error)
            return nullptr;
        return socket;
    }

    // After the row's input: a request that must be the next thing answered, on a connection still open.
    static bool nextAnswerIsTheProbe(RawWebSocket& socket)
    {
        socket.sendText(R"({"jsonrpc":"2.0","id":"probe","method":"rooms.public"})");
        const std::optional<QByteArray> answer = socket.readAnswerText();
        return answer && decoded(*answer).id == QJsonValue(QStringLiteral("probe"));
    }

    // What messages.history says the room's newest message is, asked on `socket`.
    QString newestBodyInHistory(RawWebSocket& socket) const
    {
        socket.sendText(jsonrpc::encodeRequest(QStringLiteral("history"), method::MessagesHistory,
            { { key::RoomId, m_placeholders.value("$ROOM").toLongLong() }, { key::Limit, 1 } }));
        const std::optional<QByteArray> answer = socket.readAnswerText();
        if (!answer)
            return {};
        const QJsonArray messages = decoded(*answer).result.value(key::Messages).toArray();
        return messages.isEmpty() ? QString() : messages.last().toObject().value(key::Body).toString();
    }

    void sendRow(RawWebSocket& socket, const Case& row, const QHash<QByteArray, QByteArray>& placeholders)
    {
        for (int i = 0; i < row.repeat; ++i) {
            for (const Case::Frame& frame : row.frames) {
                QByteArray payload = withPlaceholders(frame.payload, placeholders);
                payload.replace("$CLIENT", QByteArray::number(++m_clientIds));
                if (frame.raw)
                    socket.sendRaw(payload);
                else
                    socket.sendFrame(frame.opcode, payload, frame.final);
            }
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString generous
            = QStringLiteral("[security]\nsignups_per_address_per_hour=100000\n"
                             "login_attempts_per_address=100000\nlogin_attempts_per_account=100000\n");
        QVERIFY(m_main.start(QStringLiteral("main"), generous));
        QVERIFY(m_short.start(QStringLiteral("short"),
            generous
                + QStringLiteral("[connections]\nauth_timeout_ms=1000\nping_interval_seconds=1\n"
                                 "idle_timeout_seconds=2\n")));

        QVERIFY(m_main.bystander());
        const auto tokenOfNewAccount = [](const QUrl& url, const QString& username) {
            TestClient client;
            return client.connectTo(url) && client.signup(username, Password).ok() ? client.token() : QString();
        };
        m_shortMemberToken = tokenOfNewAccount(m_short.url(), QStringLiteral("mute"));
        m_outsiderToken = tokenOfNewAccount(m_main.url(), QStringLiteral("outsider"));
        QVERIFY(!m_shortMemberToken.isEmpty() && !m_outsiderToken.isEmpty());
        QVERIFY(!tokenOfNewAccount(m_main.url(), QStringLiteral("skipper")).isEmpty());

        TestClient member;
        QVERIFY(member.connectTo(m_main.url()));
        QVERIFY(member.signup(QStringLiteral("member"), Password).ok());
        m_memberToken = member.token();

        const qint64 room = roomIdOf(member.call(method::RoomsCreate, { { key::Name, QStringLiteral("den") } }));
        const qint64 direct
            = roomIdOf(member.call(method::RoomsDirect, { { key::UserId, m_main.bystander()->userId() } }));
        QVERIFY(room > 0 && direct > 0);
        QVERIFY(member
                    .call(method::MessagesSend,
                        { { key::RoomId, room }, { key::Body, QStringLiteral("first") },
                            { key::ClientId, QStringLiteral("setup") } })
                    .ok());
        m_placeholders = {
            { "$ROOM", QByteArray::number(room) },
            { "$DM", QByteArray::number(direct) },
        };
    }

    void hostileInput_data()
    {
        QTest::addColumn<Case>("row");
        for (const Case& row : hostileCatalog())
            QTest::newRow(row.name.constData()) << row;
    }

    void hostileInput()
    {
        QFETCH(Case, row);
        Deployment& deployment = row.server == Case::ServerKind::Main ? m_main : m_short;
        QVERIFY(deployment.bystander());
        const StoreCounts before = deployment.counts();
        QVERIFY(before.users >= 0);
        std::unique_ptr<RawWebSocket> socket = connectAs(deployment, row.sender);
        QVERIFY(socket);
        sendRow(*socket, row, m_placeholders);

        switch (row.outcome) {
        case Outcome::Answer: {
            const std::optional<QByteArray> text = socket->readAnswerText();
            QVERIFY2(text, "no answer");
            const jsonrpc::Message answer = decoded(*text);
            QCOMPARE(answer.id, row.id);
            if (row.code == 0) {
                QVERIFY2(!answer.error, text->constData());
                if (row.storedBody) {
                    QCOMPARE(
                        answer.result.value(key::MessageObj).toObject().value(key::Body).toString(), *row.storedBody);
                    QCOMPARE(newestBodyInHistory(*socket), *row.storedBody);
                }
            } else {
                QVERIFY2(answer.error, text->constData());
                QCOMPARE(answer.error->code, row.code);
                QCOMPARE(answer.error->reason, row.reason);
                QVERIFY(!answer.error->message.isEmpty());
            }
            // A room one is not in answers exactly like a room that does not exist.
            if (row.reason == QLatin1String("forbidden") || row.reason == QLatin1String("not_found")) {
                QHash<QByteArray, QByteArray> missing = m_placeholders;
                missing["$ROOM"] = missing["$DM"] = "987654";
                sendRow(*socket, row, missing);
                const std::optional<QByteArray> other = socket->readAnswerText();
                QVERIFY(other);
                QCOMPARE(decoded(*other).error->toJson(), answer.error->toJson());
            }
            QVERIFY(nextAnswerIsTheProbe(*socket));
            break;
        }
        case Outcome::Silence:
            QVERIFY(nextAnswerIsTheProbe(*socket));
            break;
        case Outcome::Close:
            QVERIFY(socket->waitForClosed());
            QCOMPARE(socket->closeCode().value_or(0), row.closeCode);
            break;
        case Outcome::Flood: {
            int rateLimited = 0;
            int acknowledged = 0;
            while (const std::optional<QByteArray> text = socket->readAnswerText()) {
                const jsonrpc::Message answer = decoded(*text);
                if (reasonOf(answer) == QLatin1String("rate_limited"))
                    ++rateLimited;
                if (!answer.error && answer.result.contains(key::MessageObj))
                    ++acknowledged;
            }
            QVERIFY(socket->waitForClosed());
            QCOMPARE(socket->closeCode().value_or(0), row.closeCode);
            QVERIFY(rateLimited > 0);
            // Every message the store kept was acknowledged before the connection closed.
            QTRY_COMPARE(deployment.counts().messages, before.messages + acknowledged);
            row.newMessages = acknowledged;
            break;
        }
        }

        // Someone else on the server is still served.
        QVERIFY2(deployment.bystander()->isConnected(),
            qPrintable(QStringLiteral("bystander closed with %1").arg(int(deployment.bystander()->closeCode()))));
        QVERIFY(deployment.bystander()->call(method::UsersList).ok());

        const StoreCounts after = deployment.counts();
        QCOMPARE(after.users, before.users + row.newUsers);
        QCOMPARE(after.rooms, before.rooms + row.newRooms);
        QCOMPARE(after.messages, before.messages + row.newMessages);
        if (row.storedBody)
            QCOMPARE(deployment.newestBody(), *row.storedBody);
    }
};

QTEST_GUILESS_MAIN(HostileTest)
#include "tst_hostile.moc"
