#include "MemberStateHandlers.h"

#include "HandlerSupport.h"
#include "Protocol.h"
#include "core/Directory.h"
#include "core/RequestRouter.h"
#include "events/EventBus.h"
#include "store/Store.h"

namespace chat::server {

namespace key = protocol::key;

namespace {

void receipts(ServerContext& context, ClientSession& session, const jsonrpc::Message& message)
{
    auto params = paramsOrReply<params::RoomRef>(session, message, context);
    if (!params)
        return;
    if (!context.directory.isMember(params->roomId, session.userId()))
        return session.sendError(message.id, notRoomMember());
    const qint64 roomId = params->roomId;
    const QJsonValue id = message.id;
    context.store.read<QList<ReceiptRecord>>([roomId](StoreDb& db) { return db.receipts(roomId); }, &session,
        [&session, id](StoreDb::Result<QList<ReceiptRecord>> receipts) {
            if (!receipts)
                return session.sendError(id, storeFailure(receipts.error()));
            QJsonArray list;
            for (const ReceiptRecord& receipt : std::as_const(*receipts))
                list.append(QJsonObject { { key::UserId, receipt.userId }, { key::Seq, receipt.seq } });
            session.sendResult(id, { { key::Receipts, list } });
        });
}

void notify(ServerContext& context, ClientSession& session, const jsonrpc::Message& message)
{
    auto params = paramsOrReply<params::Notify>(session, message, context);
    if (!params)
        return;
    const qint64 self = session.userId();
    if (!context.directory.isMember(params->roomId, self))
        return session.sendError(message.id, notRoomMember());
    const params::Notify notify = *params;
    const QJsonValue id = message.id;
    context.store.write<bool>(
        [notify, self](StoreDb& db) { return db.setNotifyLevel(notify.roomId, self, notify.level); }, &session,
        [&context, &session, id, notify, self](StoreDb::Result<bool> set) {
            if (!set)
                return session.sendError(id, storeFailure(set.error()));
            if (!*set)
                return session.sendError(id, notRoomMember()); // left meanwhile
            session.sendResult(id, {});
            context.events.publish(events::notifyLevel(notify.roomId, self, notify.level, session.connectionId()));
        });
}

} // namespace

void registerMemberStateHandlers(RequestRouter& router, ServerContext& context)
{
    using Access = RequestRouter::Access;
    router.addRequest(protocol::method::RoomsReceipts, Access::SignedIn, withContext(context, receipts));
    router.addRequest(protocol::method::RoomsNotify, Access::SignedIn, withContext(context, notify));
}

} // namespace chat::server
