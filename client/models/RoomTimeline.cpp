#include "RoomTimeline.h"

#include "MessageChanges.h"

#include <algorithm>

namespace chat::client {

RoomTimeline::RoomTimeline(qint64 roomId, HistorySource* source, std::function<qint64()> me, QObject* parent)
    : QObject(parent)
    , m_roomId(roomId)
    , m_source(source)
    , m_me(std::move(me))
    , m_changes(
          roomId, source, this,
          [this](const QList<Message>& messages) {
              applyChanged(messages);
              Q_EMIT changesFetched(messages);
          },
          [this](qint64 held) { Q_EMIT heldChangeChanged(held); })
{
}

const Message* RoomTimeline::messageWithSeq(qint64 seq) const
{
    if (m_messages.isEmpty() || seq < firstSeq() || seq > lastSeq())
        return nullptr;
    return &m_messages.at(seq - firstSeq()); // consecutive seqs
}

const Message* RoomTimeline::messageWithId(qint64 id) const
{
    for (auto it = m_messages.crbegin(); it != m_messages.crend(); ++it) {
        if (it->id == id)
            return &*it;
    }
    return nullptr;
}

void RoomTimeline::loadLatest()
{
    if (m_loading || m_loaded)
        return;
    m_loading = true;
    ask({}, {}, PageSize,
        [this, baseline = m_lastChangeKnown](const HistoryPage& page, const std::optional<QString>& error) {
            m_loading = false;
            if (error)
                return Q_EMIT loadFailed(*error);
            // Rule 1 of the catch-up: history is as it is now, so it holds every change up to the last_change
            // heard before asking for it.
            if (!m_changes.isKnown())
                m_changes.setHeld(baseline);
            setLatestPage(page.messages, page.hasMore);
            Q_EMIT pageFetched(page.messages);
        });
}

void RoomTimeline::fetchOlder()
{
    if (!m_loaded || !m_hasOlder || m_fetchingOlder || m_jumping)
        return;
    m_fetchingOlder = true;
    ask(firstSeq(), {}, PageSize, [this](const HistoryPage& page, const std::optional<QString>& error) {
        if (error) {
            m_fetchingOlder = false;
            return Q_EMIT loadFailed(*error);
        }
        const QList<Message> added = prependOlder(page.messages, page.hasMore);
        Q_EMIT olderLoaded(int(added.size()));
        Q_EMIT pageFetched(added);
        if (m_jumpTarget)
            jumpTo(*m_jumpTarget);
    });
}

QList<Message> RoomTimeline::prependOlder(QList<Message> page, bool hasMore)
{
    const qint64 first = firstSeq();
    page.erase(
        std::remove_if(page.begin(), page.end(), [first](const Message& m) { return m.seq >= first; }), page.end());
    m_hasOlder = hasMore && !page.isEmpty();
    if (page.isEmpty()) {
        m_fetchingOlder = false;
    } else {
        // Still "fetching" until the rows are in: a view that asks for more from inside the insertion (a
        // scroll bar still at the top) gets the page before these, not this one again.
        Q_EMIT aboutToInsertRows(0, int(page.size()) - 1);
        m_messages = page + m_messages;
        m_fetchingOlder = false;
        Q_EMIT rowsInserted();
        // The old first row may no longer start its day or its sender's run.
        Q_EMIT neighboursChanged(int(page.size()), int(page.size()));
        applyLateChanges();
    }
    return page;
}

void RoomTimeline::setLatestPage(const QList<Message>& page, bool hasMore)
{
    // Live messages that arrived while the page was on its way are newer than it: keep them after it.
    QList<Message> live;
    const qint64 pageLast = page.isEmpty() ? 0 : page.last().seq;
    for (const Message& message : std::as_const(m_messages)) {
        if (message.seq > pageLast)
            live.append(message);
    }
    Q_EMIT aboutToReset();
    m_messages = page;
    m_hasOlder = hasMore;
    m_loaded = true;
    m_loading = false;
    Q_EMIT resetDone();
    dropPendingFor(page);
    if (!live.isEmpty())
        addMessages(live);
    applyLateChanges();
    Q_EMIT latestLoaded();
    finishedFilling();
    if (m_jumpTarget)
        jumpTo(*m_jumpTarget);
}

void RoomTimeline::setCachedPage(const QList<Message>& page)
{
    if (page.isEmpty() || m_loaded)
        return;
    setLatestPage(page, page.first().seq > 1);
}

void RoomTimeline::addMessages(const QList<Message>& messages)
{
    if (!m_loaded) {
        // Held until the first page arrives; setLatestPage() merges them.
        for (const Message& message : messages) {
            if (message.roomId == m_roomId)
                m_messages.append(message);
        }
        return;
    }
    QList<Message> fresh;
    qint64 expected = lastSeq() + 1;
    bool gap = false;
    for (const Message& message : messages) {
        if (message.roomId != m_roomId || message.seq < expected)
            continue;
        if (message.seq > expected) {
            gap = true;
            break;
        }
        fresh.append(message);
        expected = message.seq + 1;
    }
    if (!fresh.isEmpty())
        appendInOrder(fresh);
    if (gap)
        fillGap();
}

void RoomTimeline::appendInOrder(const QList<Message>& messages)
{
    dropPendingFor(messages);
    const int first = int(m_messages.size());
    Q_EMIT aboutToInsertRows(first, first + int(messages.size()) - 1);
    m_messages.append(messages);
    Q_EMIT rowsInserted();
    seenByMayHaveChanged(first - 1); // no longer the newest message
    applyLateChanges();
    // A pending row right after them may now continue their run.
    if (!m_pending.isEmpty())
        Q_EMIT neighboursChanged(int(m_messages.size()), rowCount() - 1);
    Q_EMIT messagesAppended(int(messages.size()));
}

void RoomTimeline::dropPendingFor(const QList<Message>& messages)
{
    if (m_pending.isEmpty())
        return;
    const qint64 myId = me();
    for (const Message& message : messages) {
        if (message.senderId == myId && !message.clientId.isEmpty())
            removePending(message.clientId);
    }
}

void RoomTimeline::addPending(const Outbox::Item& item)
{
    const int row = rowCount();
    Q_EMIT aboutToInsertRows(row, row);
    m_pending.append(Pending { item.clientId, item.body, item.queuedAtMs, item.replyTo });
    Q_EMIT rowsInserted();
    Q_EMIT messagesAppended(1);
}

void RoomTimeline::removePending(const QString& clientId)
{
    for (int i = 0; i < m_pending.size(); ++i) {
        if (m_pending.at(i).clientId == clientId) {
            const int row = int(m_messages.size()) + i;
            Q_EMIT aboutToRemoveRows(row, row);
            m_pending.removeAt(i);
            Q_EMIT rowsRemoved();
            return;
        }
    }
}

void RoomTimeline::fillGap()
{
    if (!m_loaded) {
        loadLatest();
        return;
    }
    if (m_fillingGap) {
        m_gapSeenWhileFilling = true; // the answer in flight may predate it: ask again when it lands
        return;
    }
    requestAfter(lastSeq());
}

void RoomTimeline::reloadLatest()
{
    if (m_loading)
        return;
    restartFrom({}, false);
    loadLatest();
}

void RoomTimeline::restartFrom(const QList<Message>& page, bool hasOlder)
{
    ++m_generation; // answers to what was asked before belong to the dropped messages
    m_fillingGap = false;
    m_gapSeenWhileFilling = false;
    m_fetchingOlder = false;
    m_jumping = false;
    Q_EMIT aboutToReset();
    m_messages = page;
    m_loaded = !page.isEmpty();
    m_hasOlder = hasOlder;
    Q_EMIT resetDone();
}

void RoomTimeline::requestAfter(qint64 after)
{
    m_fillingGap = true;
    ask({}, after, GapPageSize, [this](const HistoryPage& page, const std::optional<QString>& error) {
        m_fillingGap = false;
        const bool again = m_gapSeenWhileFilling;
        m_gapSeenWhileFilling = false;
        if (error)
            return; // a reconnect calls fillGap() again
        if (!page.messages.isEmpty()) {
            addMessages(page.messages);
            Q_EMIT pageFetched(page.messages);
        }
        if (!m_fillingGap && (again || (page.hasMore && !page.messages.isEmpty())))
            return requestAfter(lastSeq());
        if (!m_fillingGap) {
            finishedFilling();
            if (m_jumpTarget)
                jumpTo(*m_jumpTarget);
        }
    });
}

void RoomTimeline::ask(
    std::optional<qint64> before, std::optional<qint64> after, int limit, HistorySource::Callback handle)
{
    HistoryQuery request;
    request.roomId = m_roomId;
    request.before = before;
    request.after = after;
    request.limit = limit;
    ask(request, std::move(handle));
}

void RoomTimeline::ask(const HistoryQuery& request, HistorySource::Callback handle)
{
    m_source->fetchHistory(request, this,
        [this, generation = m_generation, handle = std::move(handle)](
            const HistoryPage& page, const std::optional<QString>& error) {
            if (generation == m_generation) // else it belongs to messages reloadLatest() dropped
                handle(page, error);
        });
}

void RoomTimeline::noteLastChange(qint64 lastChange)
{
    m_lastChangeKnown = lastChange;
    if (m_changes.isBehind(lastChange))
        catchUpChanges();
}

void RoomTimeline::applyLiveChange(const Message& message)
{
    if (message.roomId != m_roomId)
        return;
    applyChanged({ message });
    if (m_changes.noteLive(message.change))
        catchUpChanges(); // a hole: changes were missed
}

void RoomTimeline::catchUpChanges()
{
    // Gap fill first, so that changes to messages that arrive in the gap find them.
    if (!m_loaded || m_loading || m_fillingGap || m_jumping) {
        m_catchUpWanted = true;
        return;
    }
    m_catchUpWanted = false;
    m_changes.run();
}

void RoomTimeline::finishedFilling()
{
    if (m_catchUpWanted)
        catchUpChanges();
}

void RoomTimeline::applyChanged(const QList<Message>& messages)
{
    QList<Message> replaced;
    for (const Message& message : messages) {
        if (message.roomId != m_roomId)
            continue;
        const Message* held = messageWithSeq(message.seq);
        if (!held || held->id != message.id) {
            if (isWaitingForPage()) {
                Message& late = m_lateChanges[message.seq];
                if (late.change < message.change)
                    late = message;
            }
            continue;
        }
        if (!messagechanges::supersedes(message, *held))
            continue;
        const int row = int(message.seq - firstSeq());
        m_messages[row] = message;
        replaced.append(message);
        Q_EMIT rowsChanged(row, row);
        for (int i = 0; i < m_messages.size(); ++i) {
            if (messagechanges::refreshQuote(m_messages[i], message)) {
                replaced.append(m_messages.at(i));
                Q_EMIT rowsChanged(i, i);
            }
        }
    }
    if (!replaced.isEmpty())
        Q_EMIT messagesChanged(replaced);
}

void RoomTimeline::applyLateChanges()
{
    if (m_lateChanges.isEmpty())
        return;
    QList<Message> late = m_lateChanges.values();
    m_lateChanges.clear();
    std::sort(late.begin(), late.end(), [](const Message& a, const Message& b) { return a.change < b.change; });
    applyChanged(late); // those still not here wait again while a page is on its way
}

void RoomTimeline::jumpTo(qint64 seq)
{
    if (seq <= 0)
        return;
    m_jumpTarget = seq;
    if (!m_loaded)
        return loadLatest(); // resumed once the page is in
    if (messageWithSeq(seq))
        return reportJump();
    if (seq > lastSeq()) {
        if (!m_fillingGap)
            m_jumpTarget.reset(); // not a message of this room (yet)
        return;
    }
    if (m_loading || m_fetchingOlder || m_jumping)
        return; // resumed when the page on its way is in
    m_jumping = true;
    HistoryQuery request;
    request.roomId = m_roomId;
    request.around = seq;
    request.limit = PageSize;
    ask(request, [this](const HistoryPage& page, const std::optional<QString>& error) {
        m_jumping = false;
        if (error) {
            m_jumpTarget.reset();
            return Q_EMIT loadFailed(*error);
        }
        onAroundPage(page);
    });
}

void RoomTimeline::onAroundPage(const HistoryPage& page)
{
    if (page.messages.isEmpty()) {
        m_jumpTarget.reset();
        return finishedFilling();
    }
    if (page.messages.last().seq >= firstSeq() - 1) {
        // It reaches what is shown: the older part goes on top, as a page scrolled back to would.
        const QList<Message> added = prependOlder(page.messages, page.hasMore);
        Q_EMIT pageFetched(added);
    } else {
        // Far back: the timeline restarts from this page, so it never holds a hole, and fills the newer
        // messages after it as after a reconnect.
        restartFrom(page.messages, page.hasMore);
        Q_EMIT pageFetched(page.messages);
        applyLateChanges();
        if (page.hasNewer)
            requestAfter(lastSeq());
    }
    reportJump();
    m_jumpTarget.reset(); // reported, or not a message of this room
    finishedFilling();
}

void RoomTimeline::reportJump()
{
    if (!m_jumpTarget || !messageWithSeq(*m_jumpTarget))
        return;
    const qint64 seq = *std::exchange(m_jumpTarget, std::nullopt);
    Q_EMIT jumpReady(seq);
}

void RoomTimeline::setShowsReceipts(bool shown)
{
    if (m_showReceipts == shown)
        return;
    m_showReceipts = shown;
    seenByMayHaveChanged(storedCount() - 1);
}

void RoomTimeline::setReceipts(const QHash<qint64, qint64>& seqByUser)
{
    m_receipts.setAll(seqByUser);
    seenByMayHaveChanged(storedCount() - 1);
}

void RoomTimeline::noteReceipt(qint64 userId, qint64 seq)
{
    if (m_receipts.note(userId, seq))
        seenByMayHaveChanged(storedCount() - 1);
}

void RoomTimeline::seenByMayHaveChanged(int row)
{
    if (m_showReceipts && row >= 0 && row < storedCount())
        Q_EMIT rowsChanged(row, row);
}

} // namespace chat::client
