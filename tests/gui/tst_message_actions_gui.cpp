// The message actions of issue 12 in the real widgets, offscreen, against an in-process chat-server: edit (hover
// bar and Up), delete, reply and its quote, reactions and the emoji picker, @ completion and mention highlight,
// "Seen by", and the per-room notification level in the dock.
#include "ChatPane.h"
#include "ChatSession.h"
#include "Composer.h"
#include "ComposerBanner.h"
#include "CredentialsForm.h"
#include "EmojiPicker.h"
#include "Fixtures.h"
#include "GuiHarness.h"
#include "LoginDialog.h"
#include "MainWindow.h"
#include "MentionCompleter.h"
#include "MessageActionBar.h"
#include "MessageDelegate.h"
#include "MessageInteractions.h"
#include "MessageModel.h"
#include "PeopleDock.h"
#include "RoomsModel.h"
#include "TestServer.h"
#include "Translations.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QHelpEvent>
#include <QJsonArray>
#include <QLabel>
#include <QListView>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QToolTip>

using namespace chat;
using namespace chat::client;
using namespace chat::test;

namespace {
void roomyLimits(server::ServerConfig& config)
{
    config.limits.messagesPerSecond = 1000;
    config.limits.messageBurst = 1000;
}

QJsonObject messageOf(const Reply& reply)
{
    return reply.result.value(protocol::key::Message).toObject();
}

Reply say(TestClient& client, qint64 roomId, const QString& body, qint64 replyTo = 0)
{
    static int sent = 0;
    QJsonObject params = params::Send { roomId, body, QStringLiteral("gui-%1").arg(++sent) }.toJson();
    if (replyTo)
        params.insert(protocol::key::ReplyTo, replyTo);
    return client.call(protocol::method::MessagesSend, params);
}

QStringList bodiesIn(const MessageModel* model)
{
    QStringList bodies;
    for (int row = 0; model && row < model->rowCount(); ++row)
        bodies.append(model->index(row).data(MessageModel::BodyRole).toString());
    return bodies;
}

QModelIndex lastRow(const ChatPane* pane)
{
    return pane->model() ? pane->model()->index(pane->model()->rowCount() - 1) : QModelIndex();
}

ChatPane* openGeneral(AppController& app)
{
    PeopleDock* dock = app.mainWindow()->dock();
    if (!QTest::qWaitFor([&] { return dock->roomsView()->model()->rowCount() >= 1; }))
        return nullptr;
    clickRow(dock->roomsView(), dock->roomsView()->model()->index(0, 0));
    ChatPane* pane = app.mainWindow()->chatPane();
    const bool open = QTest::qWaitFor([&] {
        return pane->roomId() && !app.session()->rooms()->peerOf(pane->roomId()) && pane->model()
            && pane->model()->timeline()->isLoaded();
    });
    return open ? pane : nullptr;
}

// Moves the mouse over the message at `row` (the real mouse: the hover bar follows the cursor).
void hover(ChatPane* pane, int row)
{
    const QModelIndex index = pane->model()->index(row);
    pane->view()->scrollTo(index);
    QTest::mouseMove(pane->view()->viewport(), pane->view()->visualRect(index).center());
}

void clickBarButton(ChatPane* pane, int row, MessageActionBar::Action action)
{
    hover(pane, row);
    MessageActionBar* bar = pane->interactions()->actionBar();
    QTRY_VERIFY(bar->isVisible() && bar->index().row() == row);
    QToolButton* button = bar->button(action);
    QVERIFY(button->isVisible());
    QTest::mouseClick(button, Qt::LeftButton);
}

// Right-clicks the message at `row` and returns the context menu that opened.
QMenu* contextMenuAt(ChatPane* pane, int row)
{
    const QModelIndex index = pane->model()->index(row);
    pane->view()->scrollTo(index);
    QWidget* viewport = pane->view()->viewport();
    const QPoint pos = pane->view()->visualRect(index).center();
    QContextMenuEvent event(QContextMenuEvent::Mouse, pos, viewport->mapToGlobal(pos));
    QApplication::sendEvent(viewport, &event);
    return qobject_cast<QMenu*>(QApplication::activePopupWidget());
}

QAction* actionNamed(const QMenu* menu, const QString& text)
{
    for (QAction* action : menu->actions()) {
        if (action->text() == text)
            return action;
    }
    return nullptr;
}

QVariantMap reactionOf(const QModelIndex& index, const QString& emoji)
{
    for (const QVariant& reaction : index.data(MessageModel::ReactionsRole).toList()) {
        if (reaction.toMap().value(QStringLiteral("emoji")).toString() == emoji)
            return reaction.toMap();
    }
    return {};
}

QPoint centreOfReaction(ChatPane* pane, const QModelIndex& index, const QString& emoji)
{
    const QStyleOptionViewItem option = MessageDelegate::optionFor(pane->view(), index);
    return pane->delegate()->reactionRect(option, index, emoji).center();
}
} // namespace

class MessageActionsGuiTest : public QObject {
    Q_OBJECT
    QTemporaryDir m_settingsDir;
    std::unique_ptr<Translations> m_translations;

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestClient> m_bob;
    std::unique_ptr<AppController> m_app;

    // alice in the app, bob on the wire, and their direct room open in alice's window; null if that failed.
    ChatPane* openAliceWithBob() { return test::openAliceWithBob(m_server, m_bob, m_app); }

    // Two people in the same process need two profiles: the second start must not resume the first's session.
    std::unique_ptr<AppController> signInWithoutKeeping(TestServer& server, const QString& username)
    {
        auto app = startClient();
        app->loginDialog()->form()->setKeepSignedIn(false);
        signInThroughDialog(*app, server.url(), username);
        return QTest::currentTestFailed() ? nullptr : std::move(app);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_settingsDir.isValid());
        useSettingsIn(m_settingsDir, QStringLiteral("gui_message_actions"));
        m_translations = std::make_unique<Translations>(QLocale(QLocale::English));
    }

    void cleanup()
    {
        m_app.reset();
        m_bob.reset();
        m_server.reset();
    }

    void init()
    {
        QSettings().clear();
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)).removeRecursively();
    }

    void editingFromTheHoverBarChangesTheMessageEverywhere()
    {
        ChatPane* pane = openAliceWithBob();
        TestClient* bob = m_bob.get();
        QVERIFY(pane);
        QTest::keyClicks(pane->composer(), QStringLiteral("see you at 10"));
        QTest::keyClick(pane->composer(), Qt::Key_Return);
        QTRY_COMPARE(pane->model()->timeline()->pendingCount(), 0);
        QTRY_COMPARE(bodiesIn(pane->model()), QStringList { QStringLiteral("see you at 10") });

        clickBarButton(pane, 0, MessageActionBar::Action::Edit);
        QTRY_VERIFY(pane->composerBanner()->isVisible());
        QVERIFY(pane->composerBanner()->titleLabel()->text().contains(QStringLiteral("Editing")));
        QCOMPARE(pane->composer()->toPlainText(), QStringLiteral("see you at 10"));
        QCOMPARE(QApplication::focusWidget(), pane->composer());
        QTest::keyClick(pane->composer(), Qt::Key_Backspace);
        QTest::keyClick(pane->composer(), Qt::Key_Backspace);
        QTest::keyClicks(pane->composer(), QStringLiteral("11"));
        QTest::keyClick(pane->composer(), Qt::Key_Return); // Enter saves

        QTRY_COMPARE(bodiesIn(pane->model()), QStringList { QStringLiteral("see you at 11") });
        QTRY_VERIFY(pane->model()->index(0).data(MessageModel::EditedRole).toBool());
        QVERIFY(!pane->composerBanner()->isVisible());
        QCOMPARE(pane->composer()->toPlainText(), QString());
        QCOMPARE(pane->model()->rowCount(), 1); // changed in place, not sent again

        // The other member was told, and the server keeps the new text.
        const auto changed = bob->waitForNotification(protocol::notification::MessageChanged);
        QVERIFY(changed);
        const QJsonObject message = changed->value(protocol::key::Message).toObject();
        QCOMPARE(message.value(protocol::key::Body).toString(), QStringLiteral("see you at 11"));
        QVERIFY(message.contains(protocol::key::EditedTs));
    }

    void upInAnEmptyComposerEditsMyLastMessageAndEscGivesTheDraftBack()
    {
        ChatPane* pane = openAliceWithBob();
        TestClient* bob = m_bob.get();
        QVERIFY(pane);
        for (const QString& text : { QStringLiteral("first"), QStringLiteral("secnod") }) {
            QTest::keyClicks(pane->composer(), text);
            QTest::keyClick(pane->composer(), Qt::Key_Return);
        }
        QTRY_COMPARE(pane->model()->timeline()->pendingCount(), 0);
        QVERIFY(say(*bob, pane->roomId(), QStringLiteral("bob's, not mine")).ok());
        QTRY_COMPARE(pane->model()->rowCount(), 3);

        // Up with text in the composer moves the cursor, as in any editor: no edit.
        QTest::keyClicks(pane->composer(), QStringLiteral("draft"));
        QTest::keyClick(pane->composer(), Qt::Key_Up);
        QCOMPARE(pane->editing(), 0);
        pane->composer()->clear();

        QTest::keyClick(pane->composer(), Qt::Key_Up);
        QCOMPARE(pane->editing(), pane->model()->index(1).data(MessageModel::MessageIdRole).toLongLong());
        QCOMPARE(pane->composer()->toPlainText(), QStringLiteral("secnod"));
        QTest::keyClick(pane->composer(), Qt::Key_Escape);
        QCOMPARE(pane->editing(), 0);
        QVERIFY(!pane->composerBanner()->isVisible());
        QCOMPARE(pane->composer()->toPlainText(), QString());

        QTest::keyClicks(pane->composer(), QStringLiteral("half a thought"));
        pane->composer()->clear();
        QTest::keyClick(pane->composer(), Qt::Key_Up);
        pane->composer()->selectAll();
        QTest::keyClicks(pane->composer(), QStringLiteral("second"));
        QTest::keyClick(pane->composer(), Qt::Key_Return);
        QTRY_COMPARE(bodiesIn(pane->model()),
            QStringList({ QStringLiteral("first"), QStringLiteral("second"), QStringLiteral("bob's, not mine") }));
        QTRY_VERIFY(pane->model()->index(1).data(MessageModel::EditedRole).toBool());
        QVERIFY(!pane->model()->index(0).data(MessageModel::EditedRole).toBool());
    }

    void deletingShowsATombstoneInTheOtherClient()
    {
        TestServer server;
        QVERIFY(server.start());
        QVERIFY(signedUpClient(server, QStringLiteral("alice")));
        QVERIFY(signedUpClient(server, QStringLiteral("bob")));
        auto alice = signInWithoutKeeping(server, QStringLiteral("alice"));
        auto bob = signInWithoutKeeping(server, QStringLiteral("bob"));
        QVERIFY(alice && bob);
        ChatPane* bobPane = openDirect(*bob, alice->session()->me());
        QVERIFY(bobPane);
        activate(alice->mainWindow());
        ChatPane* alicePane = openDirect(*alice, bob->session()->me());
        QVERIFY(alicePane);
        QTest::keyClicks(alicePane->composer(), QStringLiteral("wrong window, sorry"));
        QTest::keyClick(alicePane->composer(), Qt::Key_Return);
        QTRY_COMPARE(bodiesIn(bobPane->model()), QStringList { QStringLiteral("wrong window, sorry") });
        QTRY_COMPARE(alicePane->model()->timeline()->pendingCount(), 0);

        // bob's menu has no Edit or Delete for alice's message.
        activate(bob->mainWindow());
        QMenu* theirs = contextMenuAt(bobPane, 0);
        QVERIFY(theirs);
        QVERIFY(actionNamed(theirs, QStringLiteral("&Reply")));
        QVERIFY(!actionNamed(theirs, QStringLiteral("&Edit")));
        QVERIFY(!actionNamed(theirs, QStringLiteral("&Delete…")));
        theirs->close();

        activate(alice->mainWindow());
        QMenu* menu = contextMenuAt(alicePane, 0);
        QVERIFY(menu);
        QAction* remove = actionNamed(menu, QStringLiteral("&Delete…"));
        QVERIFY(remove);
        remove->trigger();
        menu->close();
        QMessageBox* confirm = nullptr;
        QTRY_VERIFY((confirm = alicePane->findChild<QMessageBox*>(QStringLiteral("deleteConfirmation"))));
        QAbstractButton* yes = nullptr;
        for (QAbstractButton* button : confirm->buttons()) {
            if (button->text() == QStringLiteral("Delete"))
                yes = button;
        }
        QVERIFY(yes);
        QTest::mouseClick(yes, Qt::LeftButton);

        QTRY_VERIFY(bobPane->model()->index(0).data(MessageModel::DeletedRole).toBool());
        QCOMPARE(bobPane->model()->index(0).data(MessageModel::BodyRole).toString(), QString());
        QCOMPARE(bobPane->model()->rowCount(), 1); // a tombstone keeps its place
        QTRY_VERIFY(alicePane->model()->index(0).data(MessageModel::DeletedRole).toBool());
        // A tombstone offers nothing: no hover bar, no menu.
        activate(bob->mainWindow());
        hover(bobPane, 0);
        QVERIFY(!bobPane->interactions()->actionBar()->isVisible());
        QVERIFY(!bobPane->interactions()->menuFor(bobPane->model()->index(0)));
    }

    void aReplyQuotesTheOriginalAndClickingTheQuoteJumpsToIt()
    {
        TestServer server(roomyLimits);
        QVERIFY(server.start());
        auto bob = signedUpClient(server, QStringLiteral("bob"));
        auto alice = signedUpClient(server, QStringLiteral("alice"));
        QVERIFY(bob && alice);
        const qint64 room
            = roomIdOf(bob->call(protocol::method::RoomsDirect, params::Direct { alice->userId() }.toJson()));
        alice->close();
        // Said before alice's app starts, so that only the newest page is loaded when she opens the room.
        const Reply original = say(*bob, room, QStringLiteral("Which port does staging use?"));
        QVERIFY(original.ok());
        const qint64 originalId = messageOf(original).value(protocol::key::Id).toInteger();
        for (int i = 1; i <= 2 * MessageModel::PageSize; ++i)
            QVERIFY(say(*bob, room, QStringLiteral("filler %1").arg(i)).ok());
        QVERIFY(say(*bob, room, QStringLiteral("still wondering"), originalId).ok());
        auto app = startClient();
        signInThroughDialog(*app, server.url(), QStringLiteral("alice"));
        if (QTest::currentTestFailed())
            return;
        activate(app->mainWindow());

        ChatPane* pane = openDirect(*app, bob->userId());
        QVERIFY(pane);
        QCOMPARE(pane->rowOfSeq(1), -1); // the original is pages away
        const QModelIndex reply = lastRow(pane);
        const QVariantMap quote = reply.data(MessageModel::ReplyRole).toMap();
        QCOMPARE(quote.value(QStringLiteral("excerpt")).toString(), QStringLiteral("Which port does staging use?"));
        QCOMPARE(quote.value(QStringLiteral("sender_name")).toString(), QStringLiteral("bob"));

        // Clicking the quote loads the history around the original and scrolls to it.
        QTRY_VERIFY(pane->isAtBottom());
        const QStyleOptionViewItem option = MessageDelegate::optionFor(pane->view(), reply);
        const QRect quoteRect = pane->delegate()->quoteRect(option, reply);
        QVERIFY(!quoteRect.isEmpty());
        QTest::mouseClick(pane->view()->viewport(), Qt::LeftButton, {}, quoteRect.center());
        QTRY_VERIFY(pane->rowOfSeq(1) >= 0);
        const QModelIndex target = pane->model()->index(pane->rowOfSeq(1));
        QTRY_VERIFY(pane->view()->viewport()->rect().intersects(pane->view()->visualRect(target)));
        QCOMPARE(target.data(MessageModel::BodyRole).toString(), QStringLiteral("Which port does staging use?"));

        // A reply from the hover bar: the banner names whom, and the sent message quotes it.
        const int row = pane->rowOfSeq(1);
        clickBarButton(pane, row, MessageActionBar::Action::Reply);
        QTRY_VERIFY(pane->composerBanner()->isVisible());
        QVERIFY(pane->composerBanner()->titleLabel()->text().contains(QStringLiteral("bob")));
        QCOMPARE(pane->replyingTo(), originalId);
        QTest::keyClicks(pane->composer(), QStringLiteral("7447"));
        QTest::keyClick(pane->composer(), Qt::Key_Return);
        QVERIFY(!pane->composerBanner()->isVisible());
        QCOMPARE(pane->replyingTo(), 0);
        const auto arrived
            = bob->waitForNotificationWhere(protocol::notification::MessageNew, [](const QJsonObject& params) {
                  return params.value(protocol::key::Message).toObject().value(protocol::key::Body).toString()
                      == QStringLiteral("7447");
              });
        QVERIFY(arrived);
        const QJsonObject sent = arrived->value(protocol::key::Message).toObject();
        QCOMPARE(sent.value(protocol::key::Reply).toObject().value(protocol::key::Id).toInteger(), originalId);
    }

    void aReactionChipTogglesMineAndItsTooltipSaysWhoReacted()
    {
        ChatPane* pane = openAliceWithBob();
        QVERIFY(pane);
        TestClient* bob = m_bob.get();
        const Reply sent = say(*bob, pane->roomId(), QStringLiteral("Release is out"));
        const qint64 messageId = messageOf(sent).value(protocol::key::Id).toInteger();
        const QString thumbs = QStringLiteral("👍");
        QVERIFY(bob->call(protocol::method::ReactionsAdd,
                       { { protocol::key::MessageId, messageId }, { protocol::key::Emoji, thumbs } })
                    .ok());
        QTRY_COMPARE(reactionOf(pane->model()->index(0), thumbs).value(QStringLiteral("count")).toInt(), 1);

        // The quick 👍 on the hover bar adds mine.
        hover(pane, 0);
        QTRY_VERIFY(pane->interactions()->actionBar()->isVisible());
        QTest::mouseClick(pane->interactions()->actionBar()->quickReactionButton(0), Qt::LeftButton);
        QTRY_COMPARE(reactionOf(pane->model()->index(0), thumbs).value(QStringLiteral("count")).toInt(), 2);
        QVERIFY(reactionOf(pane->model()->index(0), thumbs).value(QStringLiteral("mine")).toBool());

        // Hovering the chip lists who reacted.
        const QModelIndex index = pane->model()->index(0);
        const QPoint chip = centreOfReaction(pane, index, thumbs);
        QVERIFY(!chip.isNull());
        QWidget* viewport = pane->view()->viewport();
        QHelpEvent help(QEvent::ToolTip, chip, viewport->mapToGlobal(chip));
        QApplication::sendEvent(viewport, &help);
        QTRY_VERIFY(QToolTip::isVisible());
        QVERIFY2(QToolTip::text().contains(QStringLiteral("bob")) && QToolTip::text().contains(QStringLiteral("alice")),
            qPrintable(QToolTip::text()));
        QVERIFY(QToolTip::text().contains(thumbs));
        QToolTip::hideText();

        // Clicking the chip takes mine back; bob's stays.
        QTest::mouseClick(viewport, Qt::LeftButton, {}, chip);
        QTRY_COMPARE(reactionOf(pane->model()->index(0), thumbs).value(QStringLiteral("count")).toInt(), 1);
        QVERIFY(!reactionOf(pane->model()->index(0), thumbs).value(QStringLiteral("mine")).toBool());
        // Clicking bob's chip adds mine again (a chip is a toggle for me, whoever added it first).
        QTest::mouseClick(viewport, Qt::LeftButton, {}, centreOfReaction(pane, pane->model()->index(0), thumbs));
        QTRY_COMPARE(reactionOf(pane->model()->index(0), thumbs).value(QStringLiteral("count")).toInt(), 2);
    }

    void theEmojiPickerReactsAndInsertsFromTheKeyboard()
    {
        ChatPane* pane = openAliceWithBob();
        QVERIFY(pane);
        QVERIFY(say(*m_bob, pane->roomId(), QStringLiteral("Pizza on Friday?")).ok());
        QTRY_COMPARE(pane->model()->rowCount(), 1);

        clickBarButton(pane, 0, MessageActionBar::Action::React);
        EmojiPicker* picker = pane->interactions()->reactionPicker();
        QTRY_VERIFY(picker->isVisible());
        QCOMPARE(picker->grid()->count(), EmojiPicker::commonEmoji().size());
        QVERIFY(picker->grid()->count() >= 60);
        QCOMPARE(picker->grid()->currentRow(), 0);
        QTest::keyClick(picker->grid(), Qt::Key_Right);
        QTest::keyClick(picker->grid(), Qt::Key_Right);
        QTest::keyClick(picker->grid(), Qt::Key_Down); // a grid: Down is the next row
        const int row = picker->grid()->currentRow();
        QVERIFY2(row > 2, qPrintable(QString::number(row)));
        const QString chosen = EmojiPicker::commonEmoji().at(row);
        QTest::keyClick(picker->grid(), Qt::Key_Return);
        QTRY_VERIFY(!picker->isVisible());
        QTRY_VERIFY(reactionOf(pane->model()->index(0), chosen).value(QStringLiteral("mine")).toBool());

        // Esc closes it without choosing.
        clickBarButton(pane, 0, MessageActionBar::Action::React);
        QTRY_VERIFY(picker->isVisible());
        QTest::keyClick(picker->grid(), Qt::Key_Escape);
        QTRY_VERIFY(!picker->isVisible());
        QCOMPARE(pane->model()->index(0).data(MessageModel::ReactionsRole).toList().size(), 1);

        // Beside the composer it inserts into the text.
        QTest::keyClicks(pane->composer(), QStringLiteral("yes "));
        QTest::mouseClick(pane->emojiButton(), Qt::LeftButton);
        EmojiPicker* composerPicker = pane->composerEmojiPicker();
        QTRY_VERIFY(composerPicker->isVisible());
        QTest::keyClick(composerPicker->grid(), Qt::Key_Return);
        QTRY_VERIFY(!composerPicker->isVisible());
        QCOMPARE(pane->composer()->toPlainText(), QStringLiteral("yes ") + EmojiPicker::commonEmoji().first());
    }

    void atCompletesAMemberAndTheMentionIsHighlightedForThem()
    {
        TestServer server;
        QVERIFY(server.start());
        QVERIFY(signedUpClient(server, QStringLiteral("alice")));
        QVERIFY(signedUpClient(server, QStringLiteral("bob")));
        QVERIFY(signedUpClient(server, QStringLiteral("bobby")));
        auto alice = signInWithoutKeeping(server, QStringLiteral("alice"));
        auto bob = signInWithoutKeeping(server, QStringLiteral("bob"));
        QVERIFY(alice && bob);
        ChatPane* bobPane = openGeneral(*bob);
        QVERIFY(bobPane);
        activate(alice->mainWindow());
        ChatPane* pane = openGeneral(*alice);
        QVERIFY(pane);
        QCOMPARE(pane->roomId(), bobPane->roomId());
        MentionCompleter* completer = pane->mentionCompleter();

        QTest::keyClicks(pane->composer(), QStringLiteral("ready @bo"));
        QTRY_VERIFY(completer->isShown());
        QCOMPARE(completer->popup()->model()->rowCount(), 2); // bob, bobby; not alice herself
        QCOMPARE(completer->popup()->currentIndex().data().toString(), QStringLiteral("bob"));
        QTest::keyClick(pane->composer(), Qt::Key_Down);
        QCOMPARE(completer->popup()->currentIndex().data().toString(), QStringLiteral("bobby"));
        QTest::keyClick(pane->composer(), Qt::Key_Escape); // closes the list, keeps the text
        QVERIFY(!completer->isShown());
        QCOMPARE(pane->composer()->toPlainText(), QStringLiteral("ready @bo"));
        QTest::keyClick(pane->composer(), Qt::Key_Backspace);
        QTRY_VERIFY(completer->isShown()); // a new prefix: offered again
        QTest::keyClicks(pane->composer(), QStringLiteral("o"));
        QTest::keyClick(pane->composer(), Qt::Key_Down);
        QTest::keyClick(pane->composer(), Qt::Key_Up);
        QTest::keyClick(pane->composer(), Qt::Key_Tab);
        QVERIFY(!completer->isShown());
        QCOMPARE(pane->composer()->toPlainText(), QStringLiteral("ready @bob "));
        QCOMPARE(QApplication::focusWidget(), pane->composer()); // Tab completed, it did not move the focus
        QTest::keyClicks(pane->composer(), QStringLiteral("?"));
        QTest::keyClick(pane->composer(), Qt::Key_Return);

        QTRY_COMPARE(bodiesIn(bobPane->model()).value(0), QStringLiteral("ready @bob ?"));
        QTRY_VERIFY(bobPane->model()->index(0).data(MessageModel::MentionsMeRole).toBool());
        QVERIFY(!pane->model()->index(0).data(MessageModel::MentionsMeRole).toBool());
    }

    void seenByAppearsUnderMyMessageOnceTheOtherHasReadIt()
    {
        ChatPane* pane = openAliceWithBob();
        TestClient* bob = m_bob.get();
        QVERIFY(pane);
        QTest::keyClicks(pane->composer(), QStringLiteral("did you see the report?"));
        QTest::keyClick(pane->composer(), Qt::Key_Return);
        QTRY_COMPARE(pane->model()->timeline()->pendingCount(), 0);
        QTRY_VERIFY(lastRow(pane).data(MessageModel::SeqRole).toLongLong() > 0);
        QVERIFY(lastRow(pane).data(MessageModel::SeenByRole).toStringList().isEmpty());
        const QStyleOptionViewItem before = MessageDelegate::optionFor(pane->view(), lastRow(pane));
        QVERIFY(pane->delegate()->seenByRect(before, lastRow(pane)).isEmpty());

        const qint64 seq = lastRow(pane).data(MessageModel::SeqRole).toLongLong();
        QVERIFY(bob->call(protocol::method::RoomsRead, params::Read { pane->roomId(), seq }.toJson()).ok());
        QTRY_COMPARE(
            lastRow(pane).data(MessageModel::SeenByRole).toStringList(), QStringList { QStringLiteral("bob") });
        const QStyleOptionViewItem after = MessageDelegate::optionFor(pane->view(), lastRow(pane));
        QVERIFY(!pane->delegate()->seenByRect(after, lastRow(pane)).isEmpty());
        QCOMPARE(MessageDelegate::seenByText({ QStringLiteral("bob") }), QStringLiteral("Seen by bob"));
        QTRY_VERIFY(pane->isAtBottom()); // the taller row did not push the newest line out of view
    }

    void theNotificationLevelIsKeptOnTheServerAndAMutedRoomIsDimmed()
    {
        TestServer server;
        QVERIFY(server.start());
        QVERIFY(signedUpClient(server, QStringLiteral("alice")));
        auto first = signInWithoutKeeping(server, QStringLiteral("alice"));
        QVERIFY(first);
        MainWindow* window = first->mainWindow();
        activate(window);
        PeopleDock* dock = window->dock();
        QTRY_COMPARE(dock->roomsView()->model()->rowCount(), 1);
        const qint64 general = dock->roomsView()->model()->index(0, 0).data(RoomsModel::IdRole).toLongLong();
        QCOMPARE(first->session()->notifyLevel(general), QStringLiteral("all"));
        QVERIFY(!dock->isMuted(general));
        const QRect row = dock->roomsView()->visualRect(dock->indexOfRoom(general));
        dock->roomsView()->clearSelection();
        dock->roomsView()->setCurrentIndex({});
        const QImage loud = dock->roomsView()->viewport()->grab(row).toImage();

        // The room's context menu offers the three levels, the current one checked.
        QListView* rooms = dock->roomsView();
        QContextMenuEvent event(QContextMenuEvent::Mouse, row.center(), rooms->viewport()->mapToGlobal(row.center()));
        QApplication::sendEvent(rooms->viewport(), &event);
        auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
        QVERIFY(menu);
        auto* all = menu->findChild<QAction*>(QStringLiteral("notify-all"));
        auto* none = menu->findChild<QAction*>(QStringLiteral("notify-none"));
        QVERIFY(all && none && menu->findChild<QAction*>(QStringLiteral("notify-mentions")));
        QVERIFY(all->isChecked());
        none->trigger();
        menu->close();
        QTRY_COMPARE(first->session()->notifyLevel(general), QStringLiteral("none"));
        QVERIFY(dock->isMuted(general));
        QTRY_VERIFY(rooms->viewport()->grab(row).toImage() != loud); // dimmed on screen

        // The server keeps it: another device of alice's signs in and follows it, live too.
        auto second = signInWithoutKeeping(server, QStringLiteral("alice"));
        QVERIFY(second);
        QTRY_COMPARE(second->session()->notifyLevel(general), QStringLiteral("none"));
        QVERIFY(second->mainWindow()->dock()->isMuted(general));
        QMenu* secondMenu = second->mainWindow()->dock()->menuForRoom(general);
        secondMenu->findChild<QAction*>(QStringLiteral("notify-mentions"))->trigger();
        delete secondMenu;
        QTRY_COMPARE(second->session()->notifyLevel(general), QStringLiteral("mentions"));
        // The server tells alice's other connection: a room.updated with `notify` and no read marker.
        QTRY_COMPARE(first->session()->notifyLevel(general), QStringLiteral("mentions"));

        // And across a restart of the app.
        second.reset();
        first.reset();
        auto again = signInWithoutKeeping(server, QStringLiteral("alice"));
        QVERIFY(again);
        QTRY_COMPARE(again->session()->notifyLevel(general), QStringLiteral("mentions"));
    }
};

QTEST_MAIN(MessageActionsGuiTest)
#include "tst_message_actions_gui.moc"
