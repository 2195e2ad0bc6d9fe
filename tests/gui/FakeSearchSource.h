#pragma once

#include "SearchSource.h"

#include <QPointer>

namespace chat::client::testing {

// A SearchSource without a server, for model tests: requests queue up until the test answers or fails them, in
// any order (answers to older searches may arrive after newer ones, as over a slow network).
class FakeSearchSource : public SearchSource {
public:
    struct Request {
        params::Search params;
        QPointer<QObject> context;
        Callback done;
    };

    void searchMessages(const params::Search& request, QObject* context, Callback done) override
    {
        m_requests.append({ request, context, std::move(done) });
        ++m_sent;
    }

    int pendingCount() const { return int(m_requests.size()); }
    int sentCount() const { return m_sent; } // every request ever made, answered or not
    const params::Search& request(int index = 0) const { return m_requests.at(index).params; }

    void answer(int index, const QList<SearchHit>& hits, const QString& nextCursor = {})
    {
        Request request = m_requests.takeAt(index);
        if (request.context)
            request.done(SearchPage { hits, !nextCursor.isEmpty(), nextCursor }, std::nullopt);
    }

    void fail(int index, const RpcError& error)
    {
        Request request = m_requests.takeAt(index);
        if (request.context)
            request.done({}, error);
    }

private:
    QList<Request> m_requests;
    int m_sent = 0;
};

} // namespace chat::client::testing
