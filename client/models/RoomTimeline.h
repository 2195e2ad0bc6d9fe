#pragma once

#include "HistorySource.h"
#include "Outbox.h"
#include "Types.h"

#include <QObject>

#include <functional>

namespace chat::client {

// The messages of one room as this client knows them: stored messages ascending by seq with no gap, then
// my sends the server has not acknowledged yet. It owns paging and gap fill: it starts from the newest
// page (or what the local cache kept), fetches older pages on request, and fills any gap by seq before
// showing what follows it, so the reader never sees a hole papered over.
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
    bool isFetchingOlder() const { return m_fetchingOlder; }
    bool isFillingGap() const { return m_fillingGap; }

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

    void latestLoaded();
    void olderLoaded(int count);
    void messagesAppended(int count);
    void loadFailed(const QString& message);
    void pageFetched(const QList<chat::Message>& messages); // from the server, for the local cache

private:
    void appendInOrder(const QList<Message>& messages);
    QList<Message> prependOlder(QList<Message> page, bool hasMore); // what it added
    void dropPendingFor(const QList<Message>& messages);
    void requestAfter(qint64 after);
    void ask(std::optional<qint64> before, std::optional<qint64> after, int limit, HistorySource::Callback handle);

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
};

} // namespace chat::client
