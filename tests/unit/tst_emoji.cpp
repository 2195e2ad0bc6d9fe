#include "Emoji.h"

#include <QTest>

using namespace chat;

// What a reaction may carry: exactly one emoji (docs/protocol.md, reactions.add).
class EmojiTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void oneEmojiIsAccepted_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("thumbs up") << QString::fromUtf8("👍");
        QTest::newRow("skin tone") << QString::fromUtf8("👍🏽");
        QTest::newRow("text-default heart with VS16") << QString::fromUtf8("❤️");
        QTest::newRow("ZWJ technologist") << QString::fromUtf8("👩‍💻");
        QTest::newRow("ZWJ family") << QString::fromUtf8("👨‍👩‍👧‍👦");
        QTest::newRow("ZWJ with skin tones") << QString::fromUtf8("🧑🏻‍🤝‍🧑🏿");
        QTest::newRow("rainbow flag") << QString::fromUtf8("🏳️‍🌈");
        QTest::newRow("country flag") << QString::fromUtf8("🇩🇪");
        QTest::newRow("keycap") << QString::fromUtf8("1️⃣");
        QTest::newRow("keycap without VS16") << QString::fromUtf8("#⃣");
        QTest::newRow("tag sequence (Scotland)") << QString::fromUtf8("🏴󠁧󠁢󠁳󠁣󠁴󠁿");
        QTest::newRow("party") << QString::fromUtf8("🎉");
    }
    void oneEmojiIsAccepted()
    {
        QFETCH(QString, text);
        QVERIFY2(emoji::isSingleEmoji(text), qPrintable(text));
    }

    void anythingElseIsRefused_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("letter") << QStringLiteral("a");
        QTest::newRow("digit") << QStringLiteral("1");
        QTest::newRow("hash") << QStringLiteral("#");
        QTest::newRow("word") << QStringLiteral("ok");
        QTest::newRow("two emoji") << QString::fromUtf8("👍👍");
        QTest::newRow("leading space") << QString::fromUtf8(" 👍");
        QTest::newRow("trailing text") << QString::fromUtf8("👍x");
        QTest::newRow("two flags") << QString::fromUtf8("🇩🇪🇫🇷");
        QTest::newRow("lone regional indicator") << QString::fromUtf8("🇩");
        QTest::newRow("text-default heart alone") << QString::fromUtf8("❤");
        QTest::newRow("copyright sign") << QString::fromUtf8("©");
        QTest::newRow("lone skin tone") << QString::fromUtf8("🏽");
        QTest::newRow("lone ZWJ") << QString::fromUtf8("\u200d");
        QTest::newRow("trailing ZWJ") << QString::fromUtf8("👩\u200d");
        QTest::newRow("CJK") << QString::fromUtf8("字");
        QTest::newRow("combining accent") << QString::fromUtf8("e\u0301");
        QTest::newRow("lone surrogate") << QString(QChar(0xD83D));
        QTest::newRow("too long") << QString::fromUtf8("👨‍👩‍👧‍👦").repeated(3);
    }
    void anythingElseIsRefused()
    {
        QFETCH(QString, text);
        QVERIFY2(!emoji::isSingleEmoji(text), qPrintable(text));
    }
};

QTEST_GUILESS_MAIN(EmojiTest)
#include "tst_emoji.moc"
