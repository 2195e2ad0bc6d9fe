#include "HandlerSupport.h"

#include "Protocol.h"
#include "core/Logging.h"

namespace chat::server {

RequestRouter::Handler withContext(ServerContext& context, ContextHandler handler)
{
    return [&context, handler](
               ClientSession& session, const jsonrpc::Message& message) { handler(context, session, message); };
}

const RpcError& notRoomMember()
{
    static const RpcError error = RpcError::forbidden(QStringLiteral("You are not a member of this room"));
    return error;
}

RpcError storeFailure(const StoreError& error)
{
    qCWarning(lcServer) << "store failure:" << error.message;
    if (error.kind == StoreError::Kind::StorageFull)
        return RpcError::storageFull();
    return RpcError::unavailable(QStringLiteral("The server could not save or read that just now; try again"));
}

bool refusedByRate(ClientSession& session, TokenBucket& bucket, const QJsonValue& id, const QString& tooFast)
{
    const qint64 now = currentTimeMs();
    if (bucket.tryTake(now))
        return false;
    session.sendError(id, RpcError::rateLimited(bucket.msUntilAvailable(now), tooFast));
    return true;
}

OutgoingFrame encodeNotification(QLatin1String method, const QJsonObject& params)
{
    return jsonrpc::encodeNotification(method, params);
}

RpcError refusalError(ActionRefusal refusal, const Limits& limits)
{
    switch (refusal) {
    case ActionRefusal::Deleted:
        return RpcError::messageDeleted();
    case ActionRefusal::EditWindowClosed:
        return RpcError::editWindowClosed(limits.editWindowS);
    case ActionRefusal::LimitReached:
        return RpcError::limitReached(
            QStringLiteral("A message can have at most %1 different reactions").arg(limits.maxReactionsPerMessage));
    case ActionRefusal::ReplyOutsideRoom:
        return RpcError::invalidParams(QStringLiteral("\"reply_to\" is not a message of this room"));
    case ActionRefusal::AttachmentInvalid:
        return RpcError::invalidParams(
            QStringLiteral("An attachment is not a finished upload of yours in this room, or "
                           "it was sent already"));
    case ActionRefusal::None:
    case ActionRefusal::Forbidden:
        break;
    }
    return RpcError::forbidden(QStringLiteral("There is no such message in your rooms, or it is not yours to change"));
}

QJsonArray messagesJson(const QList<Message>& messages)
{
    QJsonArray array;
    for (const Message& message : messages)
        array.append(message.toJson());
    return array;
}

} // namespace chat::server
