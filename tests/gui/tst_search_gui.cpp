// Search (issue 13) in the real widgets, offscreen, against an in-process chat-server: Ctrl+Shift+F finds a fragment
// of a word in an older message (and Chinese without word breaks), Down and Enter open the room at it with the
// message marked; Ctrl+F searches the open room only; a query too short shows a hint without a request; Esc gives
// the composer its focus back.
#include "ChatPane.h"
#include "ChatSession.h"
#include "Composer.h"
#include "Fixtures.h"
#include "GuiHarness.h"
#include "LoginDialog.h"
#include "MainWindow.h"
#include "MessageModel.h"
#include "RoomsModel.h"
#include "SearchPanel.h"
#include "SearchResultsModel.h"
#include "ShortcutsDialog.h"
#include "TestServer.h"
#include "Translations.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace chat;
using namespace chat::client;
using namespace chat::test;
using State = SearchResultsModel::State;
using Ranges = QList<search::TextRange>;

namespace {
void roomyLimits(server::ServerConfig& config)
{
    config.limits.messagesPerSecond = 1000;
    config.limits.messageBurst = 1000;
}

qint64 say(TestClient& client, qint64 roomId, const QString& body)
{
    static int sent = 0;
    const Reply reply = client.call(protocol::method::MessagesSend,
        params::Send { roomId, body, QStringLiteral("search-%1").arg(++sent) }.toJson());
    return reply.result.value(protocol::key::Message).toObject().value(protocol::key::Seq).toInteger();
}

QList<qint64> roomsOf(const SearchResultsModel* model)
{
    QList<qint64> rooms;
    for (int row = 0; row < model->rowCount(); ++row)
        rooms.append(model->index(row).data(SearchResultsModel::RoomIdRole).toLongLong());
    return rooms;
}

// As a Chinese input method types: the composed text committed at once (QTest's key clicks are ASCII only).
void typeWithInputMethod(QWidget* widget, const QString& text)
{
    QInputMethodEvent event;
    event.setCommitString(text);
    QApplication::sendEvent(widget, &event);
}

// The row of `seq` is loaded in the pane and at least partly in its viewport.
bool isShown(const ChatPane* pane, qint64 seq)
{
    const int row = pane->rowOfSeq(seq);
    if (row < 0)
        return false;
    const QRect rect = pane->view()->visualRect(pane->model()->index(row));
    return rect.isValid() && pane->view()->viewport()->rect().intersects(rect);
}

QByteArray whereIs(const ChatPane* pane, qint64 seq)
{
    const int row = pane->rowOfSeq(seq);
    const QRect rect = row < 0 ? QRect() : pane->view()->visualRect(pane->model()->index(row));
    const QScrollBar* bar = pane->view()->verticalScrollBar();
    return QStringLiteral("row %1 of %2 at y %3 (height %4); scrolled %5 of %6")
        .arg(row)
        .arg(pane->model() ? pane->model()->rowCount() : -1)
        .arg(rect.y())
        .arg(rect.height())
        .arg(bar->value())
        .arg(bar->maximum())
        .toUtf8();
}
} // namespace

class SearchGuiTest : public QObject {
    Q_OBJECT
    QTemporaryDir m_settingsDir;
    std::unique_ptr<Translations> m_translations;

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestClient> m_bob;
    std::unique_ptr<AppController> m_app;
    qint64 m_direct = 0; // alice and bob
    qint64 m_design = 0; // a group room of both
    qint64 m_deploySeq = 0; // an older message of the direct room, well before its newest page
    qint64 m_beijingSeq = 0;

    // bob talks to alice in their direct room (the message to find, then a long conversation after it) and in
    // #design; then alice signs in to the app. False if any of it failed.
    bool seedAndSignIn()
    {
        m_server = std::make_unique<TestServer>(roomyLimits);
        if (!m_server->start())
            return false;
        auto alice = signedUpClient(*m_server, QStringLiteral("alice"));
        m_bob = signedUpClient(*m_server, QStringLiteral("bob"));
        if (!alice || !m_bob)
            return false;
        m_direct = roomIdOf(m_bob->call(protocol::method::RoomsDirect, params::Direct { alice->userId() }.toJson()));
        m_design = roomIdOf(m_bob->call(protocol::method::RoomsCreate, params::CreateRoom { "design" }.toJson()));
        alice->call(protocol::method::RoomsJoin, params::RoomRef { m_design }.toJson());
        m_deploySeq = say(*m_bob, m_direct, QStringLiteral("The deployment checklist is in the wiki"));
        for (int i = 1; i <= 120; ++i)
            say(*m_bob, m_direct, QStringLiteral("later message %1").arg(i));
        say(*m_bob, m_design, QStringLiteral("budget for the design sprint"));
        say(*m_bob, m_direct, QStringLiteral("the budget is approved"));
        m_beijingSeq = say(*m_bob, m_design, QStringLiteral("我在北京工作"));
        alice->close();
        if (!m_direct || !m_design || !m_deploySeq || !m_beijingSeq)
            return false;
        m_app = startClient();
        signInThroughDialog(*m_app, m_server->url(), QStringLiteral("alice"));
        if (QTest::currentTestFailed())
            return false;
        new QAbstractItemModelTester(m_app->session()->searchResults(),
            QAbstractItemModelTester::FailureReportingMode::QtTest, m_app->session());
        activate(m_app->mainWindow());
        return !QTest::currentTestFailed();
    }

    SearchPanel* panel() const { return m_app->mainWindow()->searchPanel(); }
    ChatPane* pane() const { return m_app->mainWindow()->chatPane(); }
    SearchResultsModel* results() const { return panel()->model(); }

    bool openRoom(qint64 roomId)
    {
        m_app->session()->openRoom(roomId);
        return QTest::qWaitFor(
            [&] { return pane()->roomId() == roomId && pane()->model() && pane()->model()->timeline()->isLoaded(); });
    }

    void press(const QKeySequence& keys) { QTest::keySequence(m_app->mainWindow(), keys); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_settingsDir.isValid());
        useSettingsIn(m_settingsDir, QStringLiteral("gui_search"));
        m_translations = std::make_unique<Translations>(QLocale(QLocale::English));
    }

    void init()
    {
        QSettings().clear();
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)).removeRecursively();
        QVERIFY(seedAndSignIn());
    }

    void cleanup()
    {
        m_app.reset();
        m_bob.reset();
        m_server.reset();
    }

    void ctrlShiftFFindsAFragmentOfAnOlderMessageAndOpensTheRoomAtIt()
    {
        QVERIFY(openRoom(m_design));
        QVERIFY(m_app->mainWindow()->searchAllAction()->isVisible()); // the server offers search

        press(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
        QTRY_VERIFY(panel()->isVisible());
        QCOMPARE(QApplication::focusWidget(), panel()->field());
        QVERIFY(panel()->scopeButton(SearchPanel::Scope::AllRooms)->isChecked());
        QTest::keyClicks(panel()->field(), QStringLiteral("PLOYM")); // a fragment, in another case
        QTRY_COMPARE(results()->state(), State::Results);
        QCOMPARE(results()->rowCount(), 1);
        const QModelIndex hit = results()->index(0);
        QCOMPARE(hit.data(SearchResultsModel::RoomIdRole).toLongLong(), m_direct);
        QCOMPARE(hit.data(SearchResultsModel::RoomNameRole).toString(), QStringLiteral("bob"));
        QCOMPARE(hit.data(SearchResultsModel::HighlightsRole).value<Ranges>(), Ranges({ { 6, 5 } }));
        QVERIFY(panel()->resultsView()->isVisible());
        QCOMPARE(panel()->statusLabel()->text(), QStringLiteral("1 message"));

        QTest::keyClick(panel()->field(), Qt::Key_Down);
        QCOMPARE(panel()->resultsView()->currentIndex().row(), 0);
        QTest::keyClick(panel()->field(), Qt::Key_Return);
        QTRY_COMPARE(pane()->roomId(), m_direct);
        QTRY_VERIFY2(isShown(pane(), m_deploySeq), whereIs(pane(), m_deploySeq)); // 120 messages back: loaded around it
        QCOMPARE(pane()->model()->index(pane()->rowOfSeq(m_deploySeq)).data(MessageModel::BodyRole).toString(),
            QStringLiteral("The deployment checklist is in the wiki"));
        QCOMPARE(pane()->searchMatchSeq(), m_deploySeq);
        QCOMPARE(QApplication::focusWidget(), panel()->field()); // Down and Enter go on with the next result

        // The mark goes once the reader moves on: here, by typing.
        pane()->composer()->setFocus();
        QTest::keyClicks(pane()->composer(), QStringLiteral("ok"));
        QCOMPARE(pane()->searchMatchSeq(), 0);
    }

    void chineseIsFoundWithoutWordBreaks()
    {
        press(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
        QTRY_VERIFY(panel()->field()->hasFocus());
        typeWithInputMethod(panel()->field(), QStringLiteral("北京"));
        QTRY_COMPARE(results()->state(), State::Results);
        QCOMPARE(results()->rowCount(), 1);
        QCOMPARE(results()->index(0).data(SearchResultsModel::HighlightsRole).value<Ranges>(), Ranges({ { 2, 2 } }));
        QCOMPARE(results()->index(0).data(SearchResultsModel::RoomNameRole).toString(), QStringLiteral("#design"));
        QTest::keyClick(panel()->field(), Qt::Key_Return); // Enter without Down opens the first
        QTRY_COMPARE(pane()->roomId(), m_design);
        QTRY_VERIFY2(isShown(pane(), m_beijingSeq), whereIs(pane(), m_beijingSeq));
        QCOMPARE(pane()->searchMatchSeq(), m_beijingSeq);
    }

    void ctrlFSearchesOnlyTheOpenRoom()
    {
        QVERIFY(openRoom(m_design));
        press(QKeySequence(Qt::CTRL | Qt::Key_F));
        QTRY_VERIFY(panel()->isVisible());
        QVERIFY(panel()->scopeButton(SearchPanel::Scope::ThisRoom)->isChecked());
        QTest::keyClicks(panel()->field(), QStringLiteral("budget"));
        QTRY_COMPARE(results()->state(), State::Results);
        QCOMPARE(roomsOf(results()), QList<qint64> { m_design });
        QCOMPARE(results()->criteria().roomId, std::optional<qint64>(m_design));

        QTest::mouseClick(panel()->scopeButton(SearchPanel::Scope::AllRooms), Qt::LeftButton);
        QTRY_COMPARE(roomsOf(results()), QList<qint64>({ m_direct, m_design })); // newest first

        // Ctrl+F again, in another room: that room.
        QVERIFY(openRoom(m_direct));
        press(QKeySequence(Qt::CTRL | Qt::Key_F));
        QTRY_COMPARE(roomsOf(results()), QList<qint64> { m_direct });
        QCOMPARE(panel()->field()->selectedText(), QStringLiteral("budget")); // typing replaces it
    }

    void aQueryTooShortShowsAHintAndSendsNothing()
    {
        press(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
        QTRY_VERIFY(panel()->field()->hasFocus());
        QSignalSpy states(results(), &SearchResultsModel::stateChanged);
        QTest::keyClicks(panel()->field(), QStringLiteral("wi"));
        QTRY_COMPARE(results()->state(), State::TooShort);
        QCOMPARE(panel()->placeholderLabel()->text(), QStringLiteral("Type at least 3 characters…"));
        QVERIFY(panel()->placeholderLabel()->isVisible());
        for (const QList<QVariant>& change : states)
            QVERIFY(change.first().value<State>() != State::Searching); // no request went out

        QTest::keyClicks(panel()->field(), QStringLiteral("ki"));
        QTRY_COMPARE(results()->state(), State::Results);
        QTest::keyClicks(panel()->field(), QStringLiteral("zzz"));
        QTRY_COMPARE(results()->state(), State::NoResults);
        const QString empty = panel()->placeholderLabel()->text();
        QVERIFY2(empty.contains(QStringLiteral("No messages match “wikizzz”")), qPrintable(empty));
    }

    void theFiltersKeepOnePersonsAndRecentMessages()
    {
        press(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
        QTRY_VERIFY(panel()->field()->hasFocus());
        QTest::keyClicks(panel()->field(), QStringLiteral("budget"));
        QTRY_COMPARE(results()->rowCount(), 2);

        QComboBox* from = panel()->senderBox();
        from->setCurrentIndex(from->findText(QStringLiteral("From me")));
        Q_EMIT from->activated(from->currentIndex()); // as a pick from the list does
        QTRY_COMPARE(results()->state(), State::NoResults); // every message here is bob's
        QCOMPARE(results()->criteria().senderId, std::optional<qint64>(m_app->session()->me()));
        QCOMPARE(QApplication::focusWidget(), panel()->field()); // typing goes on in the field

        from->setCurrentIndex(from->findText(QStringLiteral("From bob")));
        Q_EMIT from->activated(from->currentIndex());
        QTRY_COMPARE(results()->rowCount(), 2);

        QComboBox* when = panel()->timeBox();
        when->setCurrentIndex(when->findText(QStringLiteral("Past week")));
        Q_EMIT when->activated(when->currentIndex());
        QTRY_VERIFY(results()->criteria().fromTs.has_value());
        QVERIFY(*results()->criteria().fromTs <= QDateTime::currentMSecsSinceEpoch() - 6 * 24 * 3600 * 1000LL);
        QTRY_COMPARE(results()->rowCount(), 2); // sent just now
    }

    void escClosesThePanelAndGivesTheComposerItsFocusBack()
    {
        QVERIFY(openRoom(m_design));
        press(QKeySequence(Qt::CTRL | Qt::Key_F));
        QTRY_VERIFY(panel()->field()->hasFocus());
        QTest::keyClick(panel()->field(), Qt::Key_Escape);
        QVERIFY(!panel()->isVisible());
        QCOMPARE(QApplication::focusWidget(), pane()->composer());
    }

    void signingOutForgetsTheSearch()
    {
        press(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
        QTRY_VERIFY(panel()->field()->hasFocus());
        QTest::keyClicks(panel()->field(), QStringLiteral("budget"));
        QTRY_COMPARE(results()->rowCount(), 2);
        Q_EMIT m_app->mainWindow()->logoutRequested();
        QTRY_VERIFY(m_app->loginDialog()->isVisible());
        QCOMPARE(results()->rowCount(), 0);
        QCOMPARE(results()->state(), State::Idle);
        QCOMPARE(panel()->field()->text(), QString()); // not shown to whoever signs in next
        QVERIFY(panel()->isHidden()); // closed, not only hidden with the window
    }

    void theShortcutsAreListedInHelp()
    {
        press(QKeySequence(Qt::CTRL | Qt::Key_Slash));
        ShortcutsDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = m_app->mainWindow()->findChild<ShortcutsDialog*>()) && dialog->isVisible());
        QStringList listed;
        for (int row = 0; row < dialog->table()->rowCount(); ++row)
            listed.append(
                dialog->table()->item(row, 0)->text() + QLatin1Char('=') + dialog->table()->item(row, 1)->text());
        QVERIFY2(
            listed.contains(QStringLiteral("Search this room…=Ctrl+F")), qPrintable(listed.join(QLatin1String(", "))));
        QVERIFY(listed.contains(QStringLiteral("Search all rooms…=Ctrl+Shift+F")));
        dialog->close();
    }
};

QTEST_MAIN(SearchGuiTest)
#include "tst_search_gui.moc"
