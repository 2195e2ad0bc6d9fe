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
    if (error.kind == StoreError::Kind::StorageFull)
        return RpcError::storageFull();
    return RpcError::unavailable(QStringLiteral("The server could not save or read that just now; try again"));
}

OutgoingFrame encodeNotification(QLatin1String method, const QJsonObject& params)
{
    return jsonrpc::encodeNotification(method, params);
}

} // namespace chat::server
