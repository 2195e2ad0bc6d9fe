#pragma once

#include "Params.h"
#include "RpcError.h"
#include "Types.h"

#include <QJsonObject>
#include <QObject>

#include <functional>
#include <optional>

namespace chat::client {

// One answer to messages.search: the hits newest first, and the cursor of the page after them.
struct SearchPage {
    QList<SearchHit> hits;
    bool hasMore = false;
    QString nextCursor; // opaque; empty when hasMore is false

    static SearchPage fromJson(const QJsonObject& result);
};

// What a search needs from the server. ChatConnection answers from chat-server; model tests answer from a fake.
class SearchSource {
public:
    // `error` is empty on success; else the server's error (reason and data), a timeout or a lost connection.
    using Callback = std::function<void(const SearchPage& page, const std::optional<RpcError>& error)>;

    virtual ~SearchSource() = default;
    // `done` runs once, never after `context` is gone.
    virtual void searchMessages(const params::Search& request, QObject* context, Callback done) = 0;
};

} // namespace chat::client
