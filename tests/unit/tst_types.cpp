#include "Limits.h"
#include "Protocol.h"
#include "Types.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace chat;

namespace {

// Through bytes, as the wire carries it.
QJsonObject overTheWire(const QJsonObject& json)
{
    return QJsonDocument::fromJson(QJsonDocument(json).toJson(QJsonDocument::Compact)).object();
}

QStringList keysOf(const QJsonObject& json)
{
    QStringList keys = json.keys();
    keys.sort();
    return keys;
}

} // namespace

class TypesTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void userRoundTrips()
    {
        const User user { 9007199254740991, QStringLiteral("alice"), true };
        const QJsonObject json = user.toJson();
        QCOMPARE(keysOf(json), (QStringList { "id", "online", "username" }));
        QCOMPARE(User::fromJson(overTheWire(json)), user);
        QCOMPARE(User::fromJson(User { 2, QStringLiteral("bob"), false }.toJson()).online, false);
    }

    void groupRoomRoundTripsWithItsName()
    {
        Room room;
        room.id = 7;
        room.kind = Room::Kind::Group;
        room.name = QString::fromUtf8("Design ✏️");
        room.members = { 3, 1, 2 };
        room.lastSeq = 120;
        room.lastReadSeq = 100;
        room.unread = 20;
        room.lastChange = 5;
        room.notify = QStringLiteral("mentions");
        const QJsonObject json = room.toJson();
        QCOMPARE(keysOf(json),
            (QStringList {
                "id", "kind", "last_change", "last_read_seq", "last_seq", "members", "name", "notify", "unread" }));
        QCOMPARE(json.value(QLatin1String("kind")).toString(), QStringLiteral("group"));
        QCOMPARE(json.value(QLatin1String("members")).toArray(), (QJsonArray { 3, 1, 2 }));
        QCOMPARE(Room::fromJson(overTheWire(json)), room);
    }

    void directRoomsCarryNoName()
    {
        Room room;
        room.id = 8;
        room.kind = Room::Kind::Direct;
        room.name = QStringLiteral("ignored");
        room.members = { 1, 2 };
        const QJsonObject json = room.toJson();
        QVERIFY(!json.contains(QLatin1String("name")));
        QCOMPARE(json.value(QLatin1String("kind")).toString(), QStringLiteral("direct"));
        const Room back = Room::fromJson(overTheWire(json));
        QCOMPARE(back.kind, Room::Kind::Direct);
        QVERIFY(back.name.isEmpty());
        QCOMPARE(back.members, (QList<qint64> { 1, 2 }));
    }

    void directRoomWithOneselfHasOneMember()
    {
        Room room;
        room.id = 9;
        room.kind = Room::Kind::Direct;
        room.members = { 4 };
        QCOMPARE(Room::fromJson(room.toJson()), room);
    }

    void roomWithoutReadStateReadsAsZero()
    {
        // room.updated for membership changes leaves out last_read_seq and unread.
        const Room room = Room::fromJson(
            QJsonDocument::fromJson(R"({"id":3,"kind":"group","name":"general","members":[1,2],"last_seq":10})")
                .object());
        QCOMPARE(room.lastSeq, 10);
        QCOMPARE(room.lastReadSeq, 0);
        QCOMPARE(room.unread, 0);
        QCOMPARE(room.lastChange, 0);
        QCOMPARE(room.notify, QStringLiteral("all")); // servers older than rooms.notify
    }

    void publicRoomRoundTrips()
    {
        const PublicRoom room { 4, QStringLiteral("general"), 12 };
        const QJsonObject json = room.toJson();
        QCOMPARE(keysOf(json), (QStringList { "id", "member_count", "name" }));
        QCOMPARE(PublicRoom::fromJson(overTheWire(json)), room);
    }

    void messageRoundTrips()
    {
        const Message message { 1001, 7, 42, 3, QString::fromUtf8("héllo\n😀 \"quoted\" \\ back"), 1732500000123,
            QStringLiteral("0b6f7c1e-5f4e-4f57-9d55-1a2b3c4d5e6f") };
        const QJsonObject json = message.toJson();
        QCOMPARE(keysOf(json), (QStringList { "body", "client_id", "id", "room_id", "sender_id", "seq", "ts" }));
        QCOMPARE(Message::fromJson(overTheWire(json)), message);
    }

    void changedMessageRoundTripsWithEveryOptionalKey()
    {
        Message message { 1002, 7, 43, 2, QStringLiteral("@alice yes"), 1732500009000, QStringLiteral("c1") };
        message.editedTs = 1732500020000;
        message.reply = MessageReply { 1001, 42, 3, QString::fromUtf8("héllo"), false };
        message.mentions = { 3 };
        message.reactions
            = { Reaction { QString::fromUtf8("👍"), { 3, 5 } }, Reaction { QString::fromUtf8("🎉"), { 2 } } };
        message.change = 7;
        const QJsonObject json = message.toJson();
        QCOMPARE(keysOf(json),
            (QStringList { "body", "change", "client_id", "edited_ts", "id", "mentions", "reactions", "reply",
                "room_id", "sender_id", "seq", "ts" }));
        QCOMPARE(keysOf(json.value(QLatin1String("reply")).toObject()),
            (QStringList { "excerpt", "id", "sender_id", "seq" }));
        QCOMPARE(json.value(QLatin1String("reactions")).toArray().first().toObject().value(QLatin1String("users")),
            QJsonValue(QJsonArray { 3, 5 }));
        QCOMPARE(Message::fromJson(overTheWire(json)), message);
    }

    void aNeverChangedMessageCarriesNoOptionalKeys()
    {
        const Message message { 1, 2, 3, 4, QStringLiteral("plain"), 5, QStringLiteral("c") };
        QCOMPARE(
            keysOf(message.toJson()), (QStringList { "body", "client_id", "id", "room_id", "sender_id", "seq", "ts" }));
    }

    void aTombstoneCarriesNoContent()
    {
        Message message { 1003, 7, 44, 2, QString(), 1732500030000, QStringLiteral("c2") };
        message.deleted = true;
        message.change = 8;
        const QJsonObject json = message.toJson();
        QCOMPARE(keysOf(json),
            (QStringList { "body", "change", "client_id", "deleted", "id", "room_id", "sender_id", "seq", "ts" }));
        QCOMPARE(Message::fromJson(overTheWire(json)), message);
        const MessageReply deletedOriginal { 1003, 44, 2, QString(), true };
        QCOMPARE(keysOf(deletedOriginal.toJson()), (QStringList { "deleted", "id", "sender_id", "seq" }));
        QCOMPARE(MessageReply::fromJson(deletedOriginal.toJson()), deletedOriginal);
    }

    void searchHitRoundTripsWithItsHighlights()
    {
        const SearchHit hit { Message {
                                  1001, 7, 42, 3, QString::fromUtf8("🚀 Déployé"), 1732500000123, QStringLiteral("c1") },
            { search::TextRange { 3, 7 } } };
        const QJsonObject json = hit.toJson();
        QCOMPARE(keysOf(json), (QStringList { "highlights", "message" }));
        QCOMPARE(json.value(QLatin1String("highlights")), QJsonValue(QJsonArray { QJsonArray { 3, 7 } }));
        QCOMPARE(SearchHit::fromJson(overTheWire(json)), hit);
    }

    void searchHighlightsOutsideTheBodyAreDropped()
    {
        QJsonObject json
            = SearchHit { Message { 1, 2, 3, 4, QStringLiteral("short"), 5, QStringLiteral("c") }, {} }.toJson();
        json.insert(QLatin1String("highlights"),
            QJsonArray { QJsonArray { 0, 5 }, QJsonArray { 3, 9 }, QJsonArray { -1, 2 }, QJsonArray { 2, 0 },
                QJsonArray { "x", 1 }, 7 });
        QCOMPARE(SearchHit::fromJson(json).highlights, (QList<search::TextRange> { search::TextRange { 0, 5 } }));
    }

    void largestSafeIntegersSurviveTheWire()
    {
        const qint64 big = 9007199254740991;
        const Message message { big, big, big, big, QStringLiteral("x"), big, QStringLiteral("c") };
        QCOMPARE(Message::fromJson(overTheWire(message.toJson())), message);
    }

    void missingFieldsReadAsDefaults()
    {
        const Message message = Message::fromJson({});
        QCOMPARE(message, Message {});
        QCOMPARE(User::fromJson({}), User {});
        QCOMPARE(Room::fromJson({}).kind, Room::Kind::Group);
    }

    void limitsAnnouncedInHelloRoundTrip()
    {
        Limits limits;
        limits.maxFrameBytes = 1 << 20;
        limits.maxBodyChars = 100;
        limits.historyMax = 77;
        const QJsonObject json = overTheWire(limits.toJson());
        QCOMPARE(keysOf(json),
            (QStringList { "edit_window_s", "file_chunk_bytes", "file_window_bytes", "history_default", "history_max",
                "max_attachments", "max_body_chars", "max_client_id_chars", "max_file_bytes", "max_frame_bytes",
                "max_image_pixels", "max_password_bytes", "max_reactions_per_message", "max_room_name_chars",
                "max_username_chars", "message_burst", "messages_per_second", "min_password_chars",
                "min_username_chars", "receipts_max_members", "search_burst", "searches_per_second",
                "total_quota_bytes", "upload_expiry_hours", "uploads_per_minute", "user_quota_bytes" }));
        const Limits back = Limits::fromJson(json);
        QCOMPARE(back.maxFrameBytes, limits.maxFrameBytes);
        QCOMPARE(back.maxBodyChars, 100);
        QCOMPARE(back.historyMax, 77);
        QCOMPARE(Limits::fromJson({}).maxBodyChars, Limits {}.maxBodyChars);
    }

    void defaultLimitsAreTheDocumentedOnes()
    {
        const QJsonObject json = Limits {}.toJson();
        QCOMPARE(json.value(QLatin1String("max_frame_bytes")).toInt(), 65536);
        QCOMPARE(json.value(QLatin1String("max_body_chars")).toInt(), 4000);
        QCOMPARE(json.value(QLatin1String("history_default")).toInt(), 50);
        QCOMPARE(json.value(QLatin1String("history_max")).toInt(), 200);
        QCOMPARE(json.value(QLatin1String("max_client_id_chars")).toInt(), 64);
        QCOMPARE(json.value(QLatin1String("max_room_name_chars")).toInt(), 64);
        QCOMPARE(json.value(QLatin1String("min_password_chars")).toInt(), 8);
        QCOMPARE(json.value(QLatin1String("max_password_bytes")).toInt(), 1024);
        QCOMPARE(json.value(QLatin1String("edit_window_s")).toInt(), 0);
        QCOMPARE(json.value(QLatin1String("max_reactions_per_message")).toInt(), 20);
        QCOMPARE(json.value(QLatin1String("receipts_max_members")).toInt(), 50);
        QCOMPARE(json.value(QLatin1String("searches_per_second")).toInt(), 5);
        QCOMPARE(json.value(QLatin1String("search_burst")).toInt(), 10);
    }
};

QTEST_GUILESS_MAIN(TypesTest)
#include "tst_types.moc"
