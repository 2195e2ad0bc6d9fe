#pragma once

#include "HistorySource.h"

#include <QObject>

#include <functional>

namespace chat::client {

// The change number one room is up to date with (held_change) and the catch-up with messages.changes, as
// docs/protocol.md "Changes and catch-up" says: live changes move it one at a time, a hole or a higher
// last_change after a reconnect asks for what was missed, page by page, and the last answer's last_change
// becomes the new held_change. Applying the messages is the owner's job (`apply`).
class ChangeCatchUp {
public:
    using Apply = std::function<void(const QList<Message>& messages)>;
    using HeldChanged = std::function<void(qint64 heldChange)>;

    static constexpr int PageSize = 200;

    ChangeCatchUp(qint64 roomId, HistorySource* source, QObject* context, Apply apply, HeldChanged heldChanged);

    bool isKnown() const { return m_known; }
    qint64 held() const { return m_held; }
    void setHeld(qint64 change); // what the loaded messages are up to date with (rule 1, or the local cache)
    // A live change (step 2): moves held_change when it is the next one; true when some were missed.
    bool noteLive(qint64 change);
    bool isBehind(qint64 lastChange) const { return m_known && lastChange > m_held; }
    bool isRunning() const { return m_running; }
    void run(); // step 3; asked again while running, it repeats once the answer in flight has landed

private:
    void ask(qint64 since);

    qint64 m_roomId;
    HistorySource* m_source;
    QObject* m_context;
    Apply m_apply;
    HeldChanged m_heldChanged;
    qint64 m_held = 0;
    bool m_known = false;
    bool m_running = false;
    bool m_again = false;
};

} // namespace chat::client
