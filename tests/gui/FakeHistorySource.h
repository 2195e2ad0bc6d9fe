#pragma once

#include "HistorySource.h"

#include <QPointer>

#include <algorithm>

namespace chat::client::testing {

// A HistorySource without a server, for model tests. Requests queue up until the test answers them, either
// one by one (answer(), fail(), answerChanges()) or from a pretend room (serveFrom(), serveChangesFrom()),
// which answer as messages.history and messages.changes do.
class FakeHistorySource : public HistorySource {
public:
    struct Request {
        HistoryQuery params;
        QPointer<QObject> context;
        Callback done;
    };
    struct ChangesRequest {
        qint64 roomId = 0;
        qint64 since = 0;
        int limit = 0;
        QPointer<QObject> context;
        ChangesCallback done;
    };

    void fetchHistory(const HistoryQuery& request, QObject* context, Callback done) override
    {
        m_requests.append({ request, context, std::move(done) });
    }

    void fetchChanges(qint64 roomId, qint64 since, int limit, QObject* context, ChangesCallback done) override
    {
        m_changes.append({ roomId, since, limit, context, std::move(done) });
    }

    int pendingCount() const { return int(m_requests.size()); }
    const HistoryQuery& request(int index = 0) const { return m_requests.at(index).params; }
    int pendingChangesCount() const { return int(m_changes.size()); }
    const ChangesRequest& changesRequest(int index = 0) const { return m_changes.at(index); }

    void answer(const QList<Message>& messages, bool hasMore, bool hasNewer = false)
    {
        Request request = m_requests.takeFirst();
        if (request.context)
            request.done(HistoryPage { messages, hasMore, hasNewer }, std::nullopt);
    }

    void fail(const QString& message)
    {
        Request request = m_requests.takeFirst();
        if (request.context)
            request.done({}, message);
    }

    void answerChanges(const QList<Message>& messages, qint64 lastChange, bool hasMore)
    {
        ChangesRequest request = m_changes.takeFirst();
        if (request.context)
            request.done(ChangesPage { messages, lastChange, hasMore }, std::nullopt);
    }

    void failChanges(const QString& message)
    {
        ChangesRequest request = m_changes.takeFirst();
        if (request.context)
            request.done({}, message);
    }

    // Answers every queued history request (and those the answers cause) from `room`, ascending by seq.
    int serveFrom(const QList<Message>& room)
    {
        int served = 0;
        while (!m_requests.isEmpty()) {
            serveNext(room);
            ++served;
        }
        return served;
    }

    // Answers the oldest queued history request from `room`.
    void serveNext(const QList<Message>& room)
    {
        const HistoryQuery& p = m_requests.first().params;
        if (p.around)
            return serveAround(room, *p.around, p.limit);
        QList<Message> matching;
        for (const Message& message : room) {
            if ((!p.before || message.seq < *p.before) && (!p.after || message.seq > *p.after))
                matching.append(message);
        }
        const bool hasMore = matching.size() > p.limit;
        if (p.after)
            matching = matching.mid(0, p.limit); // the oldest after the seq
        else
            matching = matching.mid(std::max<qsizetype>(0, matching.size() - p.limit)); // the newest
        answer(matching, hasMore);
    }

    // Answers every queued changes request (and those the answers cause) from `room`, as messages.changes does:
    // the messages whose change is above `since`, ascending by change, at most `limit`.
    int serveChangesFrom(const QList<Message>& room)
    {
        int served = 0;
        while (!m_changes.isEmpty()) {
            const ChangesRequest& p = m_changes.first();
            QList<Message> changed;
            qint64 lastChange = 0;
            for (const Message& message : room) {
                lastChange = std::max(lastChange, message.change);
                if (message.change > p.since)
                    changed.append(message);
            }
            std::sort(
                changed.begin(), changed.end(), [](const Message& a, const Message& b) { return a.change < b.change; });
            const bool hasMore = changed.size() > p.limit;
            answerChanges(changed.mid(0, p.limit), lastChange, hasMore);
            ++served;
        }
        return served;
    }

private:
    // As messages.history around=: limit/2 below the seq, the rest from it upwards.
    void serveAround(const QList<Message>& room, qint64 around, int limit)
    {
        QList<Message> below;
        QList<Message> above;
        for (const Message& message : room)
            (message.seq < around ? below : above).append(message);
        const qsizetype belowCount = std::min<qsizetype>(below.size(), limit / 2);
        const qsizetype aboveCount = std::min<qsizetype>(above.size(), limit - belowCount);
        const QList<Message> page = below.mid(below.size() - belowCount) + above.mid(0, aboveCount);
        answer(page, below.size() > belowCount, above.size() > aboveCount);
    }

    QList<Request> m_requests;
    QList<ChangesRequest> m_changes;
};

} // namespace chat::client::testing
