#pragma once

#include "ChangeCatchUp.h"
#include "HistorySource.h"
#include "Outbox.h"
#include "ReadReceipts.h"
#include "Types.h"

#include <QHash>

#include <QObject>

#include <functional>

namespace chat::client {

// The messages of one room as this client knows them: stored messages ascending by seq with no gap, then
// my sends the server has not acknowledged yet. It owns paging and gap fill: it starts from the newest
// page (or what the local cache kept), fetches older pages on request, and fills any gap by seq before
// showing what follows it, so the reader never sees a hole papered over.
//
// It also keeps the messages current: changed messages (edits, deletions, reactions) replace the held copy
// by the change rule, replies' quotes follow their original, and ChangeCatchUp catches up on what was
// missed. jumpTo() brings an older message in (history around it) for a reply's quote.
//
// Rows are numbered as a list view shows them: stored messages first, then pending ones. The row signals
// come in pairs around each change, so a model adapting the timeline can forward them as they are.
class RoomTimeline : public QObject {
    Q_OBJECT
public:
    struct Pending {
        QString clientId;
        QString body;
        qint64 ts = 0;
        qint64 replyTo = 0;
    };

    static constexpr int PageSize = 50;
    static constexpr int GapPageSize = 200;

    // `me` says who the signed-in user is when asked (it can be learnt after the timeline is made).
    RoomTimeline(qint64 roomId, HistorySource* source, std::function<qint64()> me, QObject* parent = nullptr);

    qint64 roomId() const { return m_roomId; }
    qint64 me() const { return m_me(); }
    const QList<Message>& messages() const { return m_messages; }
    const QList<Pending>& pending() const { return m_pending; }
    int rowCount() const { return int(m_messages.size() + m_pending.size()); }
    int storedCount() const { return int(m_messages.size()); }
    int pendingCount() const { return int(m_pending.size()); }
    qint64 lastSeq() const { return m_messages.isEmpty() ? 0 : m_messages.last().seq; }
    qint64 firstSeq() const { return m_messages.isEmpty() ? 0 : m_messages.first().seq; }
    bool isLoaded() const { return m_loaded; }
    bool hasOlder() const { return m_hasOlder; }
    bool isFetchingOlder() const { return m_fetchingOlder || m_jumping; } // a jump loads older ones too
    bool isFillingGap() const { return m_fillingGap; }
    const Message* messageWithSeq(qint64 seq) const;
    const Message* messageWithId(qint64 id) const;

    // Changes: held_change, what the local cache said or the room's last_change when the first page was asked.
    qint64 heldChange() const { return m_changes.held(); }
    bool isCatchingUp() const { return m_changes.isRunning(); }
    void setHeldChange(qint64 change) { m_changes.setHeld(change); }
    // The room's last_change as a room object (rooms.list after a reconnect) says it: catches up when behind.
    void noteLastChange(qint64 lastChange);
    // Live message.changed, or the answer to my own edit, delete or reaction: applied by the change rule; a
    // hole in the live change numbers starts a catch-up.
    void applyLiveChange(const Message& message);
    void catchUpChanges(); // after a gap fill in flight, if any: gap fill comes first

    // Loads the messages around `seq` unless they are here; jumpReady(seq) once the message is a row.
    void jumpTo(qint64 seq);

    // Read positions of the members, for "seen by" under the newest message; shown only where the room is
    // small enough for receipt notifications (or direct).
    const ReadReceipts& receipts() const { return m_receipts; }
    bool showsReceipts() const { return m_showReceipts; }
    void setShowsReceipts(bool shown);
    void setReceipts(const QHash<qint64, qint64>& seqByUser);
    void noteReceipt(qint64 userId, qint64 seq);

    void loadLatest(); // the newest page, once
    void fetchOlder(); // the page before the first message shown
    void fillGap(); // after a reconnect or a gap in live messages: everything after the last seq
    void reloadLatest(); // too far behind for fillGap(): drops what is shown and loads the newest page

    void setLatestPage(const QList<Message>& page, bool hasMore);
    // The newest messages the local cache kept: shown at once, completed with fillGap() once online.
    void setCachedPage(const QList<Message>& page);
    void addMessages(const QList<Message>& messages); // live or fetched; ignores what is already here
    void addPending(const Outbox::Item& item);
    void removePending(const QString& clientId);

Q_SIGNALS:
    void aboutToReset();
    void resetDone();
    void aboutToInsertRows(int first, int last);
    void rowsInserted();
    void aboutToRemoveRows(int first, int last);
    void rowsRemoved();
    void neighboursChanged(int first, int last); // rows whose place in a day or a sender's run may differ now
    void rowsChanged(int first, int last); // what the rows show changed (an edit, a quote, reactions, seen by)

    void latestLoaded();
    void olderLoaded(int count);
    void messagesAppended(int count);
    void loadFailed(const QString& message);
    void pageFetched(const QList<chat::Message>& messages); // from the server, for the local cache
    void messagesChanged(const QList<chat::Message>& messages); // held copies replaced, for the local cache
    void changesFetched(const QList<chat::Message>& messages); // a messages.changes page, for the local cache
    void heldChangeChanged(qint64 heldChange); // for the local cache
    void jumpReady(qint64 seq);

private:
    void appendInOrder(const QList<Message>& messages);
    QList<Message> prependOlder(QList<Message> page, bool hasMore); // what it added
    void dropPendingFor(const QList<Message>& messages);
    void requestAfter(qint64 after);
    void ask(std::optional<qint64> before, std::optional<qint64> after, int limit, HistorySource::Callback handle);
    void ask(const HistoryQuery& query, HistorySource::Callback handle);
    // Shows `page` instead of every message held, and drops the answers on their way (empty: not loaded).
    void restartFrom(const QList<Message>& page, bool hasOlder);
    bool isWaitingForPage() const { return m_loading || m_fetchingOlder || m_fillingGap || m_jumping; }
    void applyChanged(const QList<Message>& messages);
    void applyLateChanges();
    void finishedFilling(); // no gap fill in flight any more: a catch-up waiting for it may start
    void onAroundPage(const HistoryPage& page);
    void reportJump();
    void seenByMayHaveChanged(int row);

    qint64 m_roomId;
    HistorySource* m_source;
    std::function<qint64()> m_me;
    QList<Message> m_messages;
    QList<Pending> m_pending;
    bool m_loaded = false;
    bool m_loading = false;
    bool m_hasOlder = false;
    bool m_fetchingOlder = false;
    bool m_fillingGap = false;
    bool m_gapSeenWhileFilling = false;
    int m_generation = 0; // bumped by reloadLatest(): answers to earlier requests are dropped
    ChangeCatchUp m_changes;
    qint64 m_lastChangeKnown = 0; // the room's last_change as last heard
    bool m_catchUpWanted = false;
    // Changes to messages not held while a page is on its way: the page may have been read before them.
    QHash<qint64, Message> m_lateChanges;
    std::optional<qint64> m_jumpTarget;
    bool m_jumping = false;
    ReadReceipts m_receipts;
    bool m_showReceipts = false;
};

} // namespace chat::client
