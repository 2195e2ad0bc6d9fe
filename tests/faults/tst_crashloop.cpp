#include "Reader.h"
#include "RoomHistory.h"
#include "Sender.h"
#include "ServerUnderTest.h"
#include "StoreAudit.h"
#include "TestClient.h"

#include "Protocol.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using namespace chat;
using namespace chat::test;
namespace key = protocol::key;
namespace method = protocol::method;

// kill -9 at random moments, over and over, while several users send and others read: afterwards every
// acknowledged message is stored exactly once where its acknowledgement said, every message a reader saw
// is still there unchanged, seqs are dense in every room, and no read marker is past its room's end.
class CrashLoopTest : public QObject {
    Q_OBJECT

private:
    static constexpr int Cycles = 40;
    static constexpr int SenderCount = 3;
    static constexpr int ReaderCount = 2;
    static constexpr int SendWindow = 8; // messages in flight per sender

    QTemporaryDir m_dir;
    std::vector<SendLedger> m_senders { SenderCount };
    std::vector<ReadLedger> m_readers { ReaderCount };

    // Signs everyone up, and puts them all in the default room and one more.
    bool setUp(ServerUnderTest& server)
    {
        if (!server.start())
            return false;
        QList<qint64> rooms;
        std::vector<std::unique_ptr<TestClient>> clients;
        auto signUp = [&](const QString& name, QString& token, qint64* userId) {
            auto client = std::make_unique<TestClient>();
            if (!client->connectTo(server.url()) || !client->signup(name).ok())
                return false;
            token = client->token();
            if (userId)
                *userId = client->userId();
            clients.push_back(std::move(client));
            return true;
        };
        for (int i = 0; i < SenderCount; ++i) {
            m_senders[i].name = QStringLiteral("sender%1").arg(i);
            if (!signUp(m_senders[i].name, m_senders[i].token, &m_senders[i].userId))
                return false;
        }
        for (int i = 0; i < ReaderCount; ++i) {
            m_readers[i].name = QStringLiteral("reader%1").arg(i);
            if (!signUp(m_readers[i].name, m_readers[i].token, nullptr))
                return false;
        }
        rooms.append(firstRoomId(*clients.front()));
        const Reply created = clients.front()->call(method::RoomsCreate, { { key::Name, QStringLiteral("crashes") } });
        if (!created.ok())
            return false;
        rooms.append(created.result.value(key::Room).toObject().value(key::Id).toInteger());
        for (size_t i = 1; i < clients.size(); ++i) {
            if (!clients.at(i)->call(method::RoomsJoin, { { key::RoomId, rooms.last() } }).ok())
                return false;
        }
        for (SendLedger& sender : m_senders)
            sender.rooms = rooms;
        for (ReadLedger& reader : m_readers)
            reader.rooms = rooms;
        return server.terminate() == 0;
    }

private Q_SLOTS:
    void acknowledgedMessagesSurviveRepeatedSigkill()
    {
        ServerUnderTest server(m_dir.path());
        QVERIFY(server.writeConfig(QStringLiteral("chat.sqlite3"),
            QStringLiteral("[limits]\nmessages_per_second=100000\nmessage_burst=100000\n")));
        QVERIFY2(setUp(server), qPrintable(server.standardError()));

        const quint32 seed = QRandomGenerator::global()->generate();
        qInfo("crash loop seed %u", seed);
        QRandomGenerator random(seed);
        int resentAfterKill = 0;
        for (int cycle = 0; cycle < Cycles; ++cycle) {
            QVERIFY2(server.start(), qPrintable(QStringLiteral("cycle %1: %2").arg(cycle).arg(server.standardError())));
            for (const SendLedger& sender : m_senders)
                resentAfterKill += int(sender.unanswered.size());
            std::vector<std::unique_ptr<Sender>> senders;
            std::vector<std::unique_ptr<Reader>> readers;
            int acked = 0;
            for (SendLedger& ledger : m_senders) {
                senders.push_back(std::make_unique<Sender>(ledger, SendWindow));
                connect(senders.back().get(), &Sender::acknowledged, this, [&acked] { ++acked; });
                senders.back()->start(server.url());
            }
            for (ReadLedger& ledger : m_readers) {
                readers.push_back(std::make_unique<Reader>(ledger, random.generate()));
                readers.back()->start(server.url());
            }
            // The moment of death: right after startup now and then, else after a random number of acks.
            const int killAfter = random.bounded(5) == 0 ? 0 : int(random.bounded(1, 160));
            QVERIFY2(QTest::qWaitFor([&] { return acked >= killAfter; }, 60000),
                qPrintable(QStringLiteral("cycle %1: %2 of %3 acks").arg(cycle).arg(acked).arg(killAfter)));
            server.kill();
        }

        // The last death is survived like the others; then the server stops cleanly for the audit.
        QVERIFY2(server.start(), qPrintable(server.standardError()));
        QCOMPARE(server.terminate(), 0);
        const ServerUnderTest::AdminRun check = server.runAdmin({ QStringLiteral("db"), QStringLiteral("check") });
        QVERIFY2(check.exitCode == 0, qPrintable(check.out + check.err));

        StoreAudit audit(m_dir.filePath(QStringLiteral("chat.sqlite3")));
        QVERIFY2(audit.run(), qPrintable(audit.problems().join(u'\n')));
        int verified = 0;
        for (const SendLedger& sender : m_senders) {
            QVERIFY2(sender.errors.isEmpty(), qPrintable(sender.errors.join(u'\n')));
            for (auto acked = sender.acked.cbegin(); acked != sender.acked.cend(); ++acked) {
                const auto stored = audit.messages().constFind(StoreAudit::keyOf(sender.userId, acked.key()));
                QVERIFY2(stored != audit.messages().cend(), qPrintable(acked.key() + QStringLiteral(" is lost")));
                QCOMPARE(stored->roomId, acked->roomId);
                QCOMPARE(stored->seq, acked->seq);
                QCOMPARE(stored->body, acked->body);
                ++verified;
            }
        }
        int read = 0;
        for (const ReadLedger& reader : m_readers) {
            QVERIFY2(reader.violations.isEmpty(), qPrintable(reader.violations.join(u'\n')));
            for (auto seen = reader.readMessages.cbegin(); seen != reader.readMessages.cend(); ++seen)
                QCOMPARE(audit.messagesBySeq().value(seen.key()), seen.value());
            read += int(reader.readMessages.size());
        }
        QVERIFY(verified > 0);
        QVERIFY(read > 0);
        qInfo("crash loop: %d cycles of kill -9; %d acknowledged messages verified (stored once, at their seq); "
              "%d reads by %d readers, each message still there unchanged; %lld stored in %lld rooms; %d sends "
              "repeated after a kill",
            Cycles, verified, read, ReaderCount, audit.messageCount(), audit.roomCount(), resentAfterKill);
    }
};

QTEST_GUILESS_MAIN(CrashLoopTest)
#include "tst_crashloop.moc"
