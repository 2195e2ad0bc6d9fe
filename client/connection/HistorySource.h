#pragma once

#include "Types.h"

#include <QJsonObject>
#include <QObject>

#include <functional>
#include <optional>

namespace chat::client {

// One messages.history request: at most one of before, after and around.
struct HistoryQuery {
    qint64 roomId = 0;
    std::optional<qint64> before;
    std::optional<qint64> after;
    std::optional<qint64> around;
    int limit = 50;

    QJsonObject toJson() const;
};

// One answer to messages.history: the page ascending by seq, and whether the server has more beyond it
// (older ones; for an `around` page, hasNewer says whether newer ones follow it).
struct HistoryPage {
    QList<Message> messages;
    bool hasMore = false;
    bool hasNewer = false;
};

// One answer to messages.changes: the messages changed after `since`, ascending by change, as they are now.
struct ChangesPage {
    QList<Message> messages;
    qint64 lastChange = 0; // the room's newest change number when the page was read
    bool hasMore = false;
};

// What a room timeline needs from the server: pages of history and of changes. ChatConnection answers from
// chat-server; model tests answer from a fake without a server.
class HistorySource {
public:
    // `error` is empty on success; the message says why the page could not be had otherwise.
    using Callback = std::function<void(const HistoryPage& page, const std::optional<QString>& error)>;
    using ChangesCallback = std::function<void(const ChangesPage& page, const std::optional<QString>& error)>;

    virtual ~HistorySource() = default;
    // `done` runs once, never after `context` is gone.
    virtual void fetchHistory(const HistoryQuery& request, QObject* context, Callback done) = 0;
    virtual void fetchChanges(qint64 roomId, qint64 since, int limit, QObject* context, ChangesCallback done) = 0;
};

} // namespace chat::client
