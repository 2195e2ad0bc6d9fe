#include "RpcError.h"
#include "Validation.h"

#include <QTest>

using namespace chat;
using namespace chat::validation;

namespace {
const QString Emoji = QString::fromUtf8("\xF0\x9F\x98\x80"); // U+1F600: one character, two UTF-16 units
} // namespace

class ValidationTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void usernamesAreShortAsciiNames_data()
    {
        QTest::addColumn<QString>("username");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("lowercase") << "alice" << true;
        QTest::newRow("mixed case and digits") << "Alice42" << true;
        QTest::newRow("punctuation allowed") << "a.b_c-d" << true;
        QTest::newRow("only digits") << "123" << true;
        QTest::newRow("three characters") << "bob" << true;
        QTest::newRow("32 characters") << QString(32, QLatin1Char('u')) << true;
        QTest::newRow("two characters") << "bo" << false;
        QTest::newRow("33 characters") << QString(33, QLatin1Char('u')) << false;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("space") << "bob smith" << false;
        QTest::newRow("leading space") << " bob" << false;
        QTest::newRow("at sign") << "bob@example" << false;
        QTest::newRow("slash") << "bob/alice" << false;
        QTest::newRow("newline") << "bob\n" << false;
        QTest::newRow("NUL") << QString(QLatin1String("bo\0b", 4)) << false;
        QTest::newRow("accented letter") << QString::fromUtf8("jürgen") << false;
        QTest::newRow("CJK") << QString::fromUtf8("用户名") << false;
        QTest::newRow("Cyrillic lookalike") << QString::fromUtf8("аlice") << false;
        QTest::newRow("fullwidth letters") << QString::fromUtf8("ａｂｃ") << false;
        QTest::newRow("emoji") << Emoji + QLatin1String("bob") << false;
    }

    void usernamesAreShortAsciiNames()
    {
        QFETCH(QString, username);
        QFETCH(bool, accepted);
        const std::optional<RpcError> error = checkUsername(username, Limits {});
        QCOMPARE(!error, accepted);
        if (error) {
            QCOMPARE(error->code, errc::InvalidUsername);
            QCOMPARE(error->reason, QStringLiteral("invalid_username"));
            QVERIFY(!error->message.isEmpty());
        }
    }

    void usernameLengthFollowsTheServersLimits()
    {
        Limits limits;
        limits.minUsernameChars = 5;
        limits.maxUsernameChars = 6;
        QVERIFY(checkUsername(QStringLiteral("abcd"), limits));
        QVERIFY(!checkUsername(QStringLiteral("abcde"), limits));
        QVERIFY(!checkUsername(QStringLiteral("abcdef"), limits));
        QVERIFY(checkUsername(QStringLiteral("abcdefg"), limits));
    }

    void passwordsNeedEightCharactersAndFitInAKilobyte_data()
    {
        QTest::addColumn<QString>("password");
        QTest::addColumn<int>("code"); // 0: accepted
        QTest::newRow("eight characters") << "12345678" << 0;
        QTest::newRow("passphrase") << "correct horse battery staple" << 0;
        QTest::newRow("seven characters") << "1234567" << errc::WeakPassword;
        QTest::newRow("empty") << "" << errc::WeakPassword;
        QTest::newRow("eight emoji") << Emoji.repeated(8) << 0;
        // Four emoji are eight UTF-16 units but only four characters.
        QTest::newRow("four emoji") << Emoji.repeated(4) << errc::WeakPassword;
        QTest::newRow("eight accented letters") << QString::fromUtf8("éééééééé") << 0;
        QTest::newRow("1024 bytes") << QString(1024, QLatin1Char('p')) << 0;
        QTest::newRow("1025 bytes") << QString(1025, QLatin1Char('p')) << errc::TooLarge;
        QTest::newRow("341 euro signs, 1023 bytes") << QString(341, QChar(0x20AC)) << 0;
        QTest::newRow("342 euro signs, 1026 bytes") << QString(342, QChar(0x20AC)) << errc::TooLarge;
        QTest::newRow("256 emoji, 1024 bytes") << Emoji.repeated(256) << 0;
        QTest::newRow("257 emoji, 1028 bytes") << Emoji.repeated(257) << errc::TooLarge;
    }

    void passwordsNeedEightCharactersAndFitInAKilobyte()
    {
        QFETCH(QString, password);
        QFETCH(int, code);
        const std::optional<RpcError> error = checkPassword(password, Limits {});
        QCOMPARE(error ? error->code : 0, code);
        if (code == errc::WeakPassword)
            QCOMPARE(error->reason, QStringLiteral("weak_password"));
        if (code == errc::TooLarge)
            QCOMPARE(error->reason, QStringLiteral("too_large"));
    }

    void usernameKeysIgnoreCase_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<bool>("same");
        QTest::newRow("lower and capitalized") << "alice"
                                               << "Alice" << true;
        QTest::newRow("lower and upper") << "alice"
                                         << "ALICE" << true;
        QTest::newRow("punctuation kept") << "a.b"
                                          << "A.B" << true;
        QTest::newRow("different punctuation") << "a.b"
                                               << "a_b" << false;
        QTest::newRow("letter and digit") << "bob"
                                          << "b0b" << false;
        QTest::newRow("different names") << "alice"
                                         << "alicia" << false;
        QTest::newRow("KELVIN SIGN is not K") << QStringLiteral("s\u212Aipper") << "skipper" << false;
        QTest::newRow("LONG S is not s") << QStringLiteral("\u017Fkipper") << "skipper" << false;
        QTest::newRow("dotted capital I is not i") << QStringLiteral("sk\u0130pper") << "skipper" << false;
        QTest::newRow("fullwidth is not ASCII") << QStringLiteral("\uFF33kipper") << "skipper" << false;
    }

    void usernameKeysIgnoreCase()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(bool, same);
        QCOMPARE(usernameKey(a) == usernameKey(b), same);
        QCOMPARE(usernameKey(a), usernameKey(usernameKey(a)));
    }

    void roomNameKeysIgnoreCaseAndSurroundingSpace()
    {
        QCOMPARE(roomNameKey(QStringLiteral("  General ")), roomNameKey(QStringLiteral("general")));
        QCOMPARE(roomNameKey(QString::fromUtf8("ÉQUIPE")), roomNameKey(QString::fromUtf8("équipe")));
        QVERIFY(roomNameKey(QStringLiteral("design")) != roomNameKey(QStringLiteral("design 2")));
    }

    void bodiesAreCheckedInCharacters()
    {
        Limits limits;
        limits.maxBodyChars = 3;
        QVERIFY(!checkBody(Emoji.repeated(3), limits));
        QCOMPARE(checkBody(Emoji.repeated(4), limits)->code, errc::TooLarge);
        QCOMPARE(checkBody(QStringLiteral(" \n "), limits)->code, errc::InvalidParams);
    }

    void roomNamesAreCheckedAfterTrimming()
    {
        Limits limits;
        limits.maxRoomNameChars = 4;
        QVERIFY(!checkRoomName(QStringLiteral("   abcd   "), limits));
        QCOMPARE(checkRoomName(QStringLiteral("abcde"), limits)->code, errc::InvalidParams);
    }

    void charactersAreCountedAsCodePoints()
    {
        QCOMPARE(codePointCount(QString()), 0);
        QCOMPARE(codePointCount(QStringLiteral("abc")), 3);
        QCOMPARE(codePointCount(QLatin1String("a") + Emoji + QLatin1String("b")), 3);
        // A lone surrogate (which never comes out of the JSON parser) still counts as one.
        QCOMPARE(codePointCount(QString(QChar(0xD800))), 1);
        QCOMPARE(codePointCount(QString(QChar(0xDC00)) + QChar(0xD800)), 2);
    }
};

QTEST_GUILESS_MAIN(ValidationTest)
#include "tst_validation.moc"
