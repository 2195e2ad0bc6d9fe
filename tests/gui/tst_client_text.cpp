// What the client's text says: translations (plural forms in English and German) and the delegate's
// small print. Links the widgets library, unlike tst_client_models.
#include "Avatar.h"
#include "FakeHistorySource.h"
#include "MessageDelegate.h"
#include "MessageModel.h"
#include "RoomsModel.h"
#include "Translations.h"
#include "UsersModel.h"

#include <QTest>
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
};

QTEST_MAIN(ClientTextTest)
#include "tst_client_text.moc"
