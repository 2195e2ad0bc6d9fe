#pragma once

#include "Params.h"
#include "Types.h"

#include <QObject>

#include <functional>
#include <optional>

namespace chat::client {

// One answer to messages.history: the page ascending by seq, and whether the server has more beyond it.
struct HistoryPage {
    QList<Message> messages;
    bool hasMore = false;
};

// What a room timeline needs from the server: pages of history. ChatConnection answers from chat-server;
// model tests answer from a fake without a server.
class HistorySource {
public:
    // `error` is empty on success; the message says why the page could not be had otherwise.
    using Callback = std::function<void(const HistoryPage& page, const std::optional<QString>& error)>;

    virtual ~HistorySource() = default;
    // `done` runs once, never after `context` is gone.
    virtual void fetchHistory(const params::History& request, QObject* context, Callback done) = 0;
};

} // namespace chat::client
