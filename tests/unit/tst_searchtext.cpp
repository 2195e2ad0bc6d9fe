// The folding rule of messages.search (protocol.md, "Search"): what the index holds, how queries are classified,
// and where highlights land in the original body.
#include "SearchText.h"

#include <QTest>

using namespace chat;
using search::Query;
using search::TextRange;

Q_DECLARE_METATYPE(Query::Kind)
Q_DECLARE_METATYPE(chat::search::TextRange)

namespace {
QString ucs(char32_t c)
{
    return QString::fromUcs4(&c, 1);
}
} // namespace

class TestSearchText : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void foldMakesEquivalentTextsEqual_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::newRow("ascii case") << "DePloY"
                                    << "deploy";
        QTest::newRow("greek case and final sigma") << "ΣΟΦΙΑΣ"
                                                    << "σοφιας";
        QTest::newRow("precomposed accent") << "café"
                                            << "cafe";
        QTest::newRow("combining accent") << QString("cafe") + QChar(0x0301) << "cafe";
        QTest::newRow("stacked vietnamese marks") << "Việt"
                                                  << "viet";
        QTest::newRow("greek tonos") << "Ελλάδα"
                                     << "ελλαδα";
        QTest::newRow("cyrillic breve") << "й"
                                        << "и";
        QTest::newRow("full-width latin") << "ＡＢＣ１"
                                          << "abc1";
        QTest::newRow("ligature") << "ﬁle"
                                  << "file";
        QTest::newRow("half-width katakana") << "ｶﾀｶﾅ"
                                             << "カタカナ";
        QTest::newRow("typographic apostrophe") << "don’t"
                                                << "don't";
        QTest::newRow("typographic quotes") << "“ok”"
                                            << "\"ok\"";
        QTest::newRow("variation selector") << "❤️"
                                            << "❤";
        QTest::newRow("zero-width space and soft hyphen") << QString("de") + QChar(0x200B) + "plo" + QChar(0xAD) + "y"
                                                          << "deploy";
        QTest::newRow("direction marks") << QString(QChar(0x200F)) + "abc" + QChar(0x200E) << "abc";
        QTest::newRow("whitespace runs") << "a \t\n  b"
                                         << "a b";
        QTest::newRow("no-break and ideographic spaces") << QString("a") + QChar(0xA0) + QChar(0x3000) + "b"
                                                         << "a b";
    }
    void foldMakesEquivalentTextsEqual()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QCOMPARE(search::fold(a), search::fold(b));
    }

    void foldKeepsWhatChangesMeaning_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::newRow("kana voicing") << "が"
                                      << "か";
        QTest::newRow("handakuten") << "ぱ"
                                    << "は";
        QTest::newRow("simplified and traditional") << "说"
                                                    << "說";
        QTest::newRow("hangul syllables") << "한"
                                          << "하";
        QTest::newRow("dash") << "a-b"
                              << "a–b";
    }
    void foldKeepsWhatChangesMeaning()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QVERIFY(search::fold(a) != search::fold(b));
    }

    void foldKeepsHangulAndVoicedKanaComposed()
    {
        QCOMPARE(search::fold("한국어"), QString("한국어"));
        QCOMPARE(search::fold("がぎぐ"), QString("がぎぐ"));
        QCOMPARE(search::fold("北京"), QString("北京"));
    }

    void foldKeepsEmojiSequences()
    {
        const QString family = QString::fromUtf8("👨\u200D👩\u200D👧");
        QCOMPARE(search::fold(family), family);
        QCOMPARE(search::fold("👍🏽"), QString("👍🏽"));
    }

    void originsPointBackIntoTheSource()
    {
        const QString body = QString("Ca") + QChar(0x00E9) + "  ﬁ";
        const search::FoldedText folded = search::foldWithOrigins(body);
        QCOMPARE(folded.text, QString("cae fi"));
        QCOMPARE(folded.sourceStart, (QList<int> { 0, 1, 2, 3, 5, 5 }));
        QCOMPARE(folded.sourceEnd, (QList<int> { 1, 2, 3, 5, 6, 6 }));
    }

    void denseTextTriplesRunsOfDenseCharacters_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("dense");
        QTest::newRow("latin only") << "hello world"
                                    << "";
        QTest::newRow("han") << "北京"
                             << "北北北京京京";
        QTest::newRow("runs split by latin") << "猫 and 犬"
                                             << "猫猫猫 犬犬犬";
        QTest::newRow("trailing latin") << "猫cat"
                                        << "猫猫猫";
        QTest::newRow("kana with prolonged mark") << "ラーメン"
                                                  << "ラララーーーメメメンンン";
        QTest::newRow("hangul") << "회의"
                                << "회회회의의의";
        QTest::newRow("emoji") << "ship 🚀"
                               << "🚀🚀🚀";
        QTest::newRow("full-width latin is not dense") << "ＡＢ"
                                                       << "";
    }
    void denseTextTriplesRunsOfDenseCharacters()
    {
        QFETCH(QString, body);
        QFETCH(QString, dense);
        QCOMPARE(search::denseText(body), dense);
    }

    void queriesAreClassifiedByLength_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<Query::Kind>("kind");
        QTest::addColumn<QString>("pattern");
        QTest::newRow("three latin") << "abc" << Query::Kind::Substring << "abc";
        QTest::newRow("trimmed and folded") << "  ABC  " << Query::Kind::Substring << "abc";
        QTest::newRow("two latin") << "ab" << Query::Kind::TooShort << "";
        QTest::newRow("two latin around spaces") << " a b" << Query::Kind::Substring << "a b";
        QTest::newRow("one latin") << "a" << Query::Kind::TooShort << "";
        QTest::newRow("accent is not a character") << QString("e") + QChar(0x0301) + "a" << Query::Kind::TooShort << "";
        QTest::newRow("one han") << "猫" << Query::Kind::Dense << "猫猫猫";
        QTest::newRow("two han") << "北京" << Query::Kind::Dense << "北北北京京京";
        QTest::newRow("two hangul") << "회의" << Query::Kind::Dense << "회회회의의의";
        QTest::newRow("one emoji") << "🚀" << Query::Kind::Dense << "🚀🚀🚀";
        QTest::newRow("emoji with variation selector") << "❤️" << Query::Kind::Dense << "❤❤❤";
        QTest::newRow("han and latin") << "A社" << Query::Kind::TooShort << "";
        QTest::newRow("three han") << "北京市" << Query::Kind::Substring << "北京市";
        QTest::newRow("whitespace only") << " \t\n" << Query::Kind::Empty << "";
        QTest::newRow("invisible only") << QString(QChar(0x200B)) << Query::Kind::Empty << "";
        QTest::newRow("fts syntax is literal") << "\"a\" OR b*" << Query::Kind::Substring << "\"a\" or b*";
    }
    void queriesAreClassifiedByLength()
    {
        QFETCH(QString, text);
        QFETCH(Query::Kind, kind);
        QFETCH(QString, pattern);
        const Query query = search::parseQuery(text);
        QCOMPARE(query.kind, kind);
        QCOMPARE(query.pattern, pattern);
    }

    void densePatternOnlyMatchesAdjacentCharacters()
    {
        const QString pattern = search::parseQuery("京上").pattern;
        QVERIFY(search::denseText("北京上海").contains(pattern));
        QVERIFY(!search::denseText("北京 上海").contains(pattern));
        QVERIFY(!search::denseText("京京上").contains(search::parseQuery("上京").pattern));
        QVERIFY(search::denseText("猫猫猫").contains(search::parseQuery("猫猫").pattern));
        QVERIFY(!search::denseText("猫犬猫").contains(search::parseQuery("猫猫").pattern));
    }

    void highlightsMapMatchesToTheOriginalBody_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("query");
        QTest::addColumn<QList<TextRange>>("ranges");
        QTest::newRow("plain") << "Deploy on Friday"
                               << "friday" << QList<TextRange> { { 10, 6 } };
        QTest::newRow("twice") << "ab abc xabc"
                               << "abc" << QList<TextRange> { { 3, 3 }, { 8, 3 } };
        QTest::newRow("accented body") << "Déployé"
                                       << "deploye" << QList<TextRange> { { 0, 7 } };
        QTest::newRow("combining accent in body") << QString("cafe") + QChar(0x0301) + "!"
                                                  << "café" << QList<TextRange> { { 0, 5 } };
        QTest::newRow("collapsed spaces") << "deploy   friday"
                                          << "deploy friday" << QList<TextRange> { { 0, 15 } };
        QTest::newRow("overlapping merge") << "aaaa"
                                           << "aaa" << QList<TextRange> { { 0, 4 } };
        QTest::newRow("emoji before") << "🚀 launch"
                                      << "launch" << QList<TextRange> { { 3, 6 } };
        QTest::newRow("emoji itself") << "go 🚀!"
                                      << "🚀" << QList<TextRange> { { 3, 2 } };
        QTest::newRow("cjk") << "我在北京工作"
                             << "北京" << QList<TextRange> { { 2, 2 } };
        QTest::newRow("ligature") << "ﬁle"
                                  << "file" << QList<TextRange> { { 0, 3 } };
        QTest::newRow("none") << "nothing here"
                              << "xyz" << QList<TextRange> {};
    }
    void highlightsMapMatchesToTheOriginalBody()
    {
        QFETCH(QString, body);
        QFETCH(QString, query);
        QFETCH(QList<TextRange>, ranges);
        QCOMPARE(search::highlights(body, search::parseQuery(query).folded), ranges);
    }

    void highlightsAreBounded()
    {
        const QString body = QString("abc ").repeated(100);
        QCOMPARE(search::highlights(body, "abc").size(), search::MaxHighlights);
    }

    void isDenseCoversCjkAndEmojiOnly()
    {
        for (char32_t c : { U'北', U'か', U'カ', U'한', U'ㄅ', U'🚀', U'👍', U'🏽', U'🇩', char32_t(0x20000) })
            QVERIFY2(search::isDense(c), qPrintable(ucs(c)));
        for (char32_t c : { U'a', U'1', U'é', U'Ж', U'α', U'#', char32_t(0x3000) })
            QVERIFY2(!search::isDense(c), qPrintable(ucs(c)));
    }
};

QTEST_APPLESS_MAIN(TestSearchText)
#include "tst_searchtext.moc"
