#pragma once

#include "HistorySource.h"

#include <QPointer>

namespace chat::client::testing {

// A HistorySource without a server, for model tests. Requests queue up until the test answers them, either
// one by one (answer(), fail()) or from a pretend room (serveFrom()), which answers as messages.history
// does: the newest `limit` messages, or those before/after a seq, ascending, with has_more.
class FakeHistorySource : public HistorySource {
public:
    struct Request {
        params::History params;
        QPointer<QObject> context;
        Callback done;
    };

    void fetchHistory(const params::History& request, QObject* context, Callback done) override
    {
        m_requests.append({ request, context, std::move(done) });
    }

    int pendingCount() const { return int(m_requests.size()); }
    const params::History& request(int index = 0) const { return m_requests.at(index).params; }

    void answer(const QList<Message>& messages, bool hasMore)
    {
        Request request = m_requests.takeFirst();
        if (request.context)
            request.done(HistoryPage { messages, hasMore }, std::nullopt);
    }

    void fail(const QString& message)
    {
        Request request = m_requests.takeFirst();
        if (request.context)
            request.done({}, message);
    }

    // Answers every queued request (and those the answers cause) from `room`, ascending by seq.
    int serveFrom(const QList<Message>& room)
    {
        int served = 0;
        while (!m_requests.isEmpty()) {
            serveNext(room);
            ++served;
        }
        return served;
    }

    // Answers the oldest queued request from `room`.
    void serveNext(const QList<Message>& room)
    {
        const params::History& p = m_requests.first().params;
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

private:
    QList<Request> m_requests;
};

} // namespace chat::client::testing
