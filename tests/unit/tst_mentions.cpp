#include "Mentions.h"

#include <QTest>

using namespace chat;

// Where `@name` mentions are found (docs/protocol.md, "Mentions").
class MentionsTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void namesAreFound_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<QStringList>("names");
        QTest::newRow("none") << QStringLiteral("hello") << QStringList {};
        QTest::newRow("at the start") << QStringLiteral("@alice hi") << QStringList { "alice" };
        QTest::newRow("after a space") << QStringLiteral("hi @bob") << QStringList { "bob" };
        QTest::newRow("punctuation after") << QStringLiteral("thanks @bob.") << QStringList { "bob" };
        QTest::newRow("comma and dash") << QStringLiteral("@al-ice, @b.o_b-") << QStringList { "al-ice", "b.o_b" };
        QTest::newRow("in parentheses") << QStringLiteral("(@carol)") << QStringList { "carol" };
        QTest::newRow("e-mail address") << QStringLiteral("mail me@example.com") << QStringList {};
        QTest::newRow("after a non-ASCII letter") << QString::fromUtf8("é@bob") << QStringList {};
        QTest::newRow("after an emoji") << QString::fromUtf8("👋@bob") << QStringList { "bob" };
        QTest::newRow("after a CJK letter") << QString::fromUtf8("你好@bob") << QStringList {};
        QTest::newRow("bare at") << QStringLiteral("@ @@") << QStringList {};
        QTest::newRow("repeated, any case") << QStringLiteral("@Bob @bob @BOB") << QStringList { "Bob" };
        QTest::newRow("two in order") << QStringLiteral("@zed then @amy") << QStringList { "zed", "amy" };
        QTest::newRow("newline before") << QStringLiteral("x\n@dan") << QStringList { "dan" };
    }
    void namesAreFound()
    {
        QFETCH(QString, body);
        QFETCH(QStringList, names);
        QCOMPARE(mentions::names(body), names);
    }

    void spansCoverTheAtAndTheName()
    {
        const QList<mentions::Span> found = mentions::spans(QStringLiteral("hi @bob and @al."));
        QCOMPARE(found.size(), 2);
        QCOMPARE(found[0].start, 3);
        QCOMPARE(found[0].length, 4);
        QCOMPARE(found[0].name, QStringLiteral("bob"));
        QCOMPARE(found[1].start, 12);
        QCOMPARE(found[1].length, 3);
    }
};

QTEST_GUILESS_MAIN(MentionsTest)
#include "tst_mentions.moc"
