#include "MessageActions.h"

#include "ChatConnection.h"
#include "Protocol.h"
#include "ReactionSummary.h"
#include "RoomTimeline.h"

#include <QDateTime>

namespace chat::client {

namespace key = protocol::key;
namespace method = protocol::method;

MessageActions::MessageActions(ChatConnection* connection, TimelineOf timelineOf, QObject* parent)
    : QObject(parent)
    , m_connection(connection)
    , m_timelineOf(std::move(timelineOf))
{
}

const Message* MessageActions::held(qint64 roomId, qint64 messageId) const
{
    const RoomTimeline* timeline = m_timelineOf(roomId);
    return timeline ? timeline->messageWithId(messageId) : nullptr;
}

bool MessageActions::canDelete(qint64 roomId, qint64 messageId) const
{
    const Message* message = held(roomId, messageId);
    return message && message->senderId == m_connection->me().id && !message->deleted
        && m_connection->features().contains(protocol::feature::Delete);
}

bool MessageActions::canEdit(qint64 roomId, qint64 messageId) const
{
    const Message* message = held(roomId, messageId);
    if (!message || message->senderId != m_connection->me().id || message->deleted
        || !m_connection->features().contains(protocol::feature::Edit))
        return false;
    const qint64 windowMs = qint64(m_connection->limits().editWindowS) * 1000;
    return windowMs == 0 || QDateTime::currentMSecsSinceEpoch() - message->ts < windowMs;
}

std::optional<Message> MessageActions::lastEditable(qint64 roomId) const
{
    const RoomTimeline* timeline = m_timelineOf(roomId);
    if (!timeline)
        return std::nullopt;
    const QList<Message>& messages = timeline->messages();
    for (auto it = messages.crbegin(); it != messages.crend(); ++it) {
        if (it->senderId == m_connection->me().id && !it->deleted)
            return canEdit(roomId, it->id) ? std::optional<Message>(*it) : std::nullopt;
    }
    return std::nullopt;
}

void MessageActions::edit(qint64 roomId, qint64 messageId, const QString& body)
{
    const QString trimmed = body.trimmed();
    if (trimmed.isEmpty())
        return Q_EMIT failed(roomId, tr("A message cannot be empty: delete it instead."));
    if (trimmed.toUcs4().size() > m_connection->limits().maxBodyChars)
        return Q_EMIT failed(
            roomId, tr("A message can have at most %n characters.", nullptr, m_connection->limits().maxBodyChars));
    if (const Message* message = held(roomId, messageId); message && message->body == trimmed)
        return; // nothing to change
    request(roomId, method::MessagesEdit, { { key::MessageId, messageId }, { key::Body, trimmed } });
}

void MessageActions::remove(qint64 roomId, qint64 messageId)
{
    request(roomId, method::MessagesDelete, { { key::MessageId, messageId } });
}

void MessageActions::toggleReaction(qint64 roomId, qint64 messageId, const QString& emoji)
{
    const Message* message = held(roomId, messageId);
    const bool mine = message && reactionsummary::isMine(message->reactions, emoji, m_connection->me().id);
    request(roomId, mine ? method::ReactionsRemove : method::ReactionsAdd,
        { { key::MessageId, messageId }, { key::Emoji, emoji } });
}

void MessageActions::request(qint64 roomId, const QString& name, const QJsonObject& params)
{
    m_connection->call(name, params, this, [this, roomId](const RpcResult& result) {
        if (!result.ok())
            return Q_EMIT failed(roomId, describeRefusal(*result.error));
        Q_EMIT changed(Message::fromJson(result.result.value(key::MessageObj).toObject()));
    });
}

QString MessageActions::describeRefusal(const RpcError& error)
{
    if (error.reason == reason::MessageDeleted)
        return tr("That message was deleted.");
    if (error.reason == reason::EditWindowClosed)
        return tr("That message is too old to be edited; it can still be deleted.");
    if (error.reason == reason::LimitReached)
        return tr("That message has as many different reactions as it can take.");
    if (error.reason == reason::Forbidden)
        return tr("You cannot change that message.");
    return error.message; // the server's own words (or "Not connected to the server")
}

} // namespace chat::client
