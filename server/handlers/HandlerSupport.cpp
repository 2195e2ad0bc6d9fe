#include "HandlerSupport.h"

#include "Protocol.h"
#include "core/Logging.h"

namespace chat::server {

RequestRouter::Handler withContext(ServerContext& context, ContextHandler handler)
{
    return [&context, handler](
               ClientSession& session, const jsonrpc::Message& message) { handler(context, session, message); };
}

RpcError storeFailure(const StoreError& error)
{
    qCWarning(lcServer) << "store failure:" << error.message;
    return RpcError::unavailable(QStringLiteral("The server could not save or read that just now; try again"));
}

QJsonObject roomView(const RoomRecord& record, qint64 lastReadSeq)
{
    Room room;
    room.id = record.id;
    room.kind = record.kind;
    room.name = record.name;
    room.members = record.members;
    room.lastSeq = record.lastSeq;
    room.lastReadSeq = std::max<qint64>(0, lastReadSeq);
    room.unread = std::max<qint64>(0, record.lastSeq - room.lastReadSeq);
    QJsonObject json = room.toJson();
    if (lastReadSeq < 0) {
        json.remove(protocol::key::LastReadSeq);
        json.remove(protocol::key::Unread);
    }
    return json;
}

OutgoingFrame encodeNotification(QLatin1String method, const QJsonObject& params)
{
    return jsonrpc::encodeNotification(method, params);
}

} // namespace chat::server
