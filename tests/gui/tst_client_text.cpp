// What the client's text says: translations (plural forms in English and German) and the delegate's
// small print. Links the widgets library, unlike tst_client_models.
#include "Avatar.h"
#include "ColorEmoji.h"
#include "FakeHistorySource.h"
#include "MessageDelegate.h"
#include "MessageModel.h"
#include "RoomsModel.h"
#include "Translations.h"
#include "UsersModel.h"

#include <QAbstractTextDocumentLayout>
#include <QGlyphRun>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>
#include <QTranslator>

using namespace chat;
using namespace chat::client;
using chat::client::testing::FakeHistorySource;

class ClientTextTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void anUnsentMessageSaysSendingWithoutMojibake()
    {
        FakeHistorySource source;
        UsersModel users;
        RoomTimeline timeline(5, &source, [] { return qint64(1); });
        MessageModel model(&timeline, &users);
        Outbox::Item item;
        item.clientId = QStringLiteral("abc");
        item.roomId = 5;
        item.body = QStringLiteral("on its way");
        item.queuedAtMs = 1700000009000;
        timeline.addPending(item);
        const QString time = MessageDelegate::timeText(model.index(0));
        QVERIFY2(time.endsWith(QStringLiteral("  \u00b7  sending\u2026")), qPrintable(time));
        QVERIFY2(!time.contains(QChar(0x00c2)), qPrintable(time));
    }

    void memberCountsUsePluralForms_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<int>("members");
        QTest::addColumn<QString>("expected");
        QTest::newRow("en 1") << "en" << 1 << "1 member";
        QTest::newRow("en 2") << "en" << 2 << "2 members";
        QTest::newRow("en_US 1") << "en_US" << 1 << "1 member";
        QTest::newRow("C 1") << "C" << 1 << "1 member";
        QTest::newRow("de 1") << "de" << 1 << "1 Mitglied";
        QTest::newRow("de 5") << "de_DE" << 5 << "5 Mitglieder";
    }

    void memberCountsUsePluralForms()
    {
        QFETCH(QString, language);
        QFETCH(int, members);
        QFETCH(QString, expected);
        const Translations translations { QLocale(language) };
        UsersModel users;
        RoomsModel rooms(&users);
        Room room;
        room.id = 7;
        room.kind = Room::Kind::Group;
        room.name = QStringLiteral("general");
        for (int member = 1; member <= members; ++member)
            room.members.append(member);
        rooms.upsert(room);
        QCOMPARE(rooms.index(0).data(Qt::ToolTipRole).toString(), expected);
    }

    void avatarsShowInitials_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("initials");
        QTest::newRow("one word") << "alice"
                                  << "A";
        QTest::newRow("two words") << "Ana López"
                                   << "AL";
        QTest::newRow("dash") << "ana-lopez"
                              << "AL";
        QTest::newRow("three words") << "mary jane watson"
                                     << "MJ";
        QTest::newRow("non-Latin") << "Ωmega"
                                   << "Ω";
        QTest::newRow("empty") << ""
                               << "?";
    }

    void avatarsShowInitials()
    {
        QFETCH(QString, name);
        QFETCH(QString, initials);
        QCOMPARE(Avatar::initialsOf(name), initials);
    }

    void avatarColoursAreStableAndTellNeighboursApart()
    {
        QCOMPARE(Avatar::colorOf(7), Avatar::colorOf(7));
        for (qint64 id = 1; id < 12; ++id)
            QVERIFY(qAbs(Avatar::colorOf(id).hslHue() - Avatar::colorOf(id + 1).hslHue()) >= 30);
    }

    void germanTranslationIsBuiltIn()
    {
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/chat-client_de.qm")));
        QCOMPARE(translator.translate("AuthErrorText", "Wrong username or password."),
            QStringLiteral("Falscher Benutzername oder falsches Passwort."));
        QCOMPARE(translator.translate("chat::client::RoomsModel", "%n member(s)", nullptr, 3),
            QStringLiteral("%n Mitglieder"));
    }

    void emojiSequencesAndOnlyThemAreSetInTheColourFont_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected"); // [ and ] stand for the span's start and end
        QTest::newRow("emoticon") << QStringLiteral("hi \U0001F600!") << QStringLiteral("hi [\U0001F600]!");
        QTest::newRow("skin tone") << QStringLiteral("\U0001F44D\U0001F3FD ok")
                                   << QStringLiteral("[\U0001F44D\U0001F3FD] ok");
        QTest::newRow("zwj sequence") << QStringLiteral("\U0001F469\u200D\U0001F4BB")
                                      << QStringLiteral("[\U0001F469\u200D\U0001F4BB]");
        QTest::newRow("heart with VS16") << QStringLiteral("I \u2764\uFE0F it")
                                         << QStringLiteral("I [\u2764\uFE0F] it");
        QTest::newRow("heart as text") << QStringLiteral("I \u2764 it") << QStringLiteral("I \u2764 it");
        QTest::newRow("keycap") << QStringLiteral("press 1\uFE0F\u20E3") << QStringLiteral("press [1\uFE0F\u20E3]");
        QTest::newRow("digits stay text") << QStringLiteral("room 101") << QStringLiteral("room 101");
        QTest::newRow("flag") << QStringLiteral("\U0001F1E9\U0001F1EA") << QStringLiteral("[\U0001F1E9\U0001F1EA]");
        QTest::newRow("two runs") << QStringLiteral("\u2705 done \u274C") << QStringLiteral("[\u2705] done [\u274C]");
        QTest::newRow("CJK and Hebrew untouched") << QStringLiteral("\u4F60\u597D \u05E9\u05DC\u05D5\u05DD")
                                                  << QStringLiteral("\u4F60\u597D \u05E9\u05DC\u05D5\u05DD");
    }

    void emojiSequencesAndOnlyThemAreSetInTheColourFont()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const QString family = QStringLiteral("Color");
        QString wrapped = emoji::wrapRuns(text, family);
        wrapped.replace(QLatin1String("<span style=\"font-family:'Color'\">"), QLatin1String("["));
        wrapped.replace(QLatin1String("</span>"), QLatin1String("]"));
        QCOMPARE(wrapped, expected);
        QCOMPARE(emoji::wrapRuns(text, QString()), text); // no colour font: the text as it is
    }

    void aMessageDrawsItsEmojiWithTheColourFont()
    {
        // scripts/install-deps.sh installs fonts-noto-color-emoji, as the DEB recommends it.
        QCOMPARE(emoji::colorFamily(), QStringLiteral("Noto Color Emoji"));
        QTextDocument document;
        // DejaVu Sans has monochrome glyphs for these and Qt would take them: the span is what brings colour.
        document.setDefaultFont(QFont(QStringLiteral("DejaVu Sans"), 11));
        document.setHtml(MessageDelegate::toHtml(QStringLiteral("ok \U0001F600 https://example.org/\U0001F600")));
        document.setTextWidth(600);
        QVERIFY(document.size().height() > 0); // lays the text out
        QStringList families;
        for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
            for (int line = 0; line < block.layout()->lineCount(); ++line) {
                const QList<QGlyphRun> runs = block.layout()->lineAt(line).glyphRuns(0, block.length());
                for (const QGlyphRun& run : runs)
                    families.append(run.rawFont().familyName());
            }
        }
        QVERIFY2(families.contains(QStringLiteral("Noto Color Emoji")), qPrintable(families.join(u',')));
        QVERIFY2(families.first() != QStringLiteral("Noto Color Emoji"), qPrintable(families.join(u','))); // "ok "
    }
};

QTEST_MAIN(ClientTextTest)
#include "tst_client_text.moc"
