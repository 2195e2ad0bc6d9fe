#include "SearchHandlers.h"

#include "HandlerSupport.h"
#include "Protocol.h"
#include "core/Directory.h"
#include "store/Store.h"

#include <QJsonArray>

namespace chat::server {

namespace key = protocol::key;

namespace {

void search(ServerContext& context, ClientSession& session, const jsonrpc::Message& message)
{
    auto params = paramsOrReply<params::Search>(session, message, context);
    if (!params)
        return;
    const qint64 self = session.userId();
    if (params->roomId && !context.directory.isMember(*params->roomId, self))
        return session.sendError(message.id, notRoomMember());
    if (refusedByRate(
            session, session.searchBucket(), message.id, QStringLiteral("You are searching too fast; wait a moment")))
        return;

    SearchRequest request;
    request.userId = self;
    request.roomId = params->roomId.value_or(0);
    request.senderId = params->senderId.value_or(0);
    request.fromTs = params->fromTs.value_or(-1);
    request.toTs = params->toTs.value_or(-1);
    request.beforeId = params->cursor.isEmpty() ? 0 : params->cursor.toLongLong();
    request.query = params->parsed;
    request.limit = params->limit;
    const QJsonValue id = message.id;
    context.store.read<SearchPage>([request](StoreDb& db) { return db.searchMessages(request); }, &session,
        [&session, id](StoreDb::Result<SearchPage> page) {
            if (!page)
                return session.sendError(id, storeFailure(page.error()));
            QJsonArray results;
            for (const SearchHit& hit : std::as_const(page->hits))
                results.append(hit.toJson());
            QJsonObject result { { key::Results, results }, { key::HasMore, page->hasMore } };
            if (page->hasMore && !page->hits.isEmpty())
                result.insert(key::NextCursor, QString::number(page->hits.constLast().message.id));
            session.sendResult(id, result);
        });
}

} // namespace

void registerSearchHandlers(RequestRouter& router, ServerContext& context)
{
    router.addRequest(protocol::method::MessagesSearch, RequestRouter::Access::SignedIn, withContext(context, search));
}

} // namespace chat::server
