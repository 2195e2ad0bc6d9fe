#include "RoomTimeline.h"

#include <algorithm>

namespace chat::client {

RoomTimeline::RoomTimeline(qint64 roomId, HistorySource* source, std::function<qint64()> me, QObject* parent)
    : QObject(parent)
    , m_roomId(roomId)
    , m_source(source)
    , m_me(std::move(me))
{
}

void RoomTimeline::loadLatest()
{
    if (m_loading || m_loaded)
        return;
    m_loading = true;
    ask({}, {}, PageSize, [this](const HistoryPage& page, const std::optional<QString>& error) {
        m_loading = false;
        if (error)
            return Q_EMIT loadFailed(*error);
        setLatestPage(page.messages, page.hasMore);
        Q_EMIT pageFetched(page.messages);
    });
}

void RoomTimeline::fetchOlder()
{
    if (!m_loaded || !m_hasOlder || m_fetchingOlder)
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
    Q_EMIT latestLoaded();
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
    m_pending.append(Pending { item.clientId, item.body, item.queuedAtMs });
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
    ++m_generation; // answers to what was asked before belong to the dropped messages
    m_fillingGap = false;
    m_gapSeenWhileFilling = false;
    m_fetchingOlder = false;
    Q_EMIT aboutToReset();
    m_messages.clear();
    m_loaded = false;
    m_hasOlder = false;
    Q_EMIT resetDone();
    loadLatest();
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
            requestAfter(lastSeq());
    });
}

void RoomTimeline::ask(
    std::optional<qint64> before, std::optional<qint64> after, int limit, HistorySource::Callback handle)
{
    params::History request;
    request.roomId = m_roomId;
    request.before = before;
    request.after = after;
    request.limit = limit;
    m_source->fetchHistory(request, this,
        [this, generation = m_generation, handle = std::move(handle)](
            const HistoryPage& page, const std::optional<QString>& error) {
            if (generation == m_generation) // else it belongs to messages reloadLatest() dropped
                handle(page, error);
        });
}

} // namespace chat::client
