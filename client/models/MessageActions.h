#pragma once

#include "RpcResult.h"
#include "Types.h"

#include <QObject>

#include <functional>
#include <optional>

namespace chat::client {

class ChatConnection;
class RoomTimeline;

// Edit, delete and react (docs/protocol.md "Message actions"): checks what it can before asking, sends the
// request, hands the server's answer on as a changed message, and puts a refusal into words.
class MessageActions : public QObject {
    Q_OBJECT
public:
    using TimelineOf = std::function<RoomTimeline*(qint64 roomId)>; // null when the room is not open

    MessageActions(ChatConnection* connection, TimelineOf timelineOf, QObject* parent = nullptr);

    void edit(qint64 roomId, qint64 messageId, const QString& body);
    void remove(qint64 roomId, qint64 messageId);
    void toggleReaction(qint64 roomId, qint64 messageId, const QString& emoji);

    bool canEdit(qint64 roomId, qint64 messageId) const; // mine, not deleted, within the edit window
    bool canDelete(qint64 roomId, qint64 messageId) const;
    std::optional<Message> lastEditable(qint64 roomId) const; // my newest message, if it can be edited

    static QString describeRefusal(const RpcError& error);

Q_SIGNALS:
    void changed(const chat::Message& message); // the server's answer: the message as it is now
    void failed(qint64 roomId, const QString& text);

private:
    void request(qint64 roomId, const QString& method, const QJsonObject& params);
    const Message* held(qint64 roomId, qint64 messageId) const;

    ChatConnection* m_connection;
    TimelineOf m_timelineOf;
};

} // namespace chat::client
