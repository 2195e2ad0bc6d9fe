#include "MessageHandlers.h"

#include "HandlerSupport.h"
#include "MentionResolver.h"
#include "Protocol.h"
#include "core/Directory.h"
#include "core/RequestRouter.h"
#include "core/SessionHub.h"
#include "events/EventBus.h"
#include "store/Store.h"

#include <QJsonArray>

namespace chat::server {

namespace key = protocol::key;

namespace {

void send(ServerContext& context, ClientSession& session, const jsonrpc::Message& message)
{
    auto params = paramsOrReply<params::Send>(session, message, context);
    if (!params)
        return;
    const qint64 self = session.userId();
    // Rooms that do not exist answer like rooms one is not in: nothing is learned by probing ids.
    if (!context.directory.isMember(params->roomId, self))
        return session.sendError(message.id, notRoomMember());
    if (refusedByRate(session, session.sendBucket(), message.id,
            QStringLiteral("You are sending messages too fast; wait a moment")))
        return;

    const params::Send send = *params;
    const QList<qint64> mentions = mentionsIn(send.body, context.directory, send.roomId);
    const QJsonValue id = message.id;
    // The hub anchors the callback: a committed message is fanned out even if its sender has gone.
    context.store.write<AppendOutcome>(
        [send, self, mentions](StoreDb& db) {
            return db.appendMessage(
                send.roomId, self, send.body, send.clientId, currentTimeMs(), mentions, send.replyTo, send.attachments);
        },
        &context.hub,
        [&context, session = QPointer<ClientSession>(&session), id](StoreDb::Result<AppendOutcome> outcome) {
            if (answeredFailureOrRefusal(session.data(), id, outcome, context.config.limits))
                return;
            if (session)
                session->sendResult(id, { { key::MessageObj, outcome->message.toJson() } });
            if (!outcome->duplicate)
                context.events.publish(events::messageCommitted(outcome->message));
        },
        send.roomId);
}

void history(ServerContext& context, ClientSession& session, const jsonrpc::Message& message)
{
    auto params = paramsOrReply<params::History>(session, message, context);
    if (!params)
        return;
    if (!context.directory.isMember(params->roomId, session.userId()))
        return session.sendError(message.id, notRoomMember());
    HistoryQuery query;
    query.roomId = params->roomId;
    query.limit = params->limit;
    if (params->before)
        query.before = *params->before;
    if (params->after)
        query.after = *params->after;
    if (params->around)
        query.around = *params->around;
    const QJsonValue id = message.id;
    context.store.read<HistoryPage>([query](StoreDb& db) { return db.history(query); }, &session,
        [&session, id, around = query.around > 0](StoreDb::Result<HistoryPage> page) {
            if (!page)
                return session.sendError(id, storeFailure(page.error()));
            QJsonObject result { { key::Messages, messagesJson(page->messages) }, { key::HasMore, page->hasMore } };
            if (around)
                result.insert(key::HasNewer, page->hasNewer);
            session.sendResult(id, result);
        });
}

void typing(ServerContext& context, ClientSession& session, const jsonrpc::Message& message)
{
    auto params = params::RoomRef::parse(message.params, context.config.limits);
    const qint64 self = session.userId();
    if (!params || !context.directory.isMember(params->roomId, self)
        || !session.allowTyping(params->roomId, currentTimeMs()))
        return;
    context.events.publish(events::typing(params->roomId, self));
}

} // namespace

void registerMessageHandlers(RequestRouter& router, ServerContext& context)
{
    using Access = RequestRouter::Access;
    router.addRequest(protocol::method::MessagesSend, Access::SignedIn, withContext(context, send));
    router.addRequest(protocol::method::MessagesHistory, Access::SignedIn, withContext(context, history));
    router.addNotification(protocol::notification::Typing, withContext(context, typing));
}

} // namespace chat::server
