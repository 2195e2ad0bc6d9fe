#include "MessageActionHandlers.h"

#include "HandlerSupport.h"
#include "MentionResolver.h"
#include "Protocol.h"
#include "core/Directory.h"
#include "core/RequestRouter.h"
#include "core/SessionHub.h"
#include "events/EventBus.h"
#include "store/Store.h"

namespace chat::server {

namespace key = protocol::key;

namespace {

// Made on the socket thread once the message's room is known (mentions are resolved there), run by the writer.
using MakeJob = std::function<Store::Job<ActionOutcome>(qint64 roomId)>;

// Every action on a message: find its room among the caller's (a missing message and another room's get the
// same answer after the same query), then run the change with that room's lock order, answer, and tell the
// room's members when something changed.
void act(ServerContext& context, ClientSession& session, const QJsonValue& id, qint64 messageId, MakeJob makeJob)
{
    const qint64 self = session.userId();
    context.store.read<std::optional<qint64>>(
        [messageId, self](StoreDb& db) { return db.roomOfMessage(messageId, self); }, &session,
        [&context, &session, id, makeJob = std::move(makeJob)](StoreDb::Result<std::optional<qint64>> room) {
            if (!room)
                return session.sendError(id, storeFailure(room.error()));
            if (!room->has_value())
                return session.sendError(id, refusalError(ActionRefusal::Forbidden, context.config.limits));
            const qint64 roomId = **room;
            // The hub anchors the answer: a committed change is announced even if its author has gone.
            context.store.write<ActionOutcome>(
                makeJob(roomId), &context.hub,
                [&context, session = QPointer<ClientSession>(&session), id](StoreDb::Result<ActionOutcome> outcome) {
                    if (answeredFailureOrRefusal(session.data(), id, outcome, context.config.limits))
                        return;
                    if (session)
                        session->sendResult(id, { { key::MessageObj, outcome->message.toJson() } });
                    if (outcome->changed)
                        context.events.publish(events::messageChanged(outcome->message));
                },
                roomId);
        });
}

void edit(ServerContext& context, ClientSession& session, const jsonrpc::Message& message)
{
    auto params = paramsOrReply<params::Edit>(session, message, context);
    if (!params)
        return;
    const qint64 self = session.userId();
    const params::Edit edit = *params;
    const qint64 windowMs = qint64(context.config.limits.editWindowS) * 1000;
    act(context, session, message.id, edit.messageId, [&context, self, edit, windowMs](qint64 roomId) {
        const QList<qint64> mentions = mentionsIn(edit.body, context.directory, roomId);
        return [roomId, self, edit, windowMs, mentions](StoreDb& db) {
            const qint64 now = currentTimeMs();
            return db.editMessage(
                roomId, edit.messageId, self, edit.body, mentions, now, windowMs > 0 ? now - windowMs : 0);
        };
    });
}

void remove(ServerContext& context, ClientSession& session, const jsonrpc::Message& message)
{
    auto params = paramsOrReply<params::MessageRef>(session, message, context);
    if (!params)
        return;
    const qint64 self = session.userId();
    const qint64 messageId = params->messageId;
    act(context, session, message.id, messageId, [self, messageId](qint64 roomId) {
        return [roomId, self, messageId](StoreDb& db) { return db.deleteMessage(roomId, messageId, self); };
    });
}

void addReaction(ServerContext& context, ClientSession& session, const jsonrpc::Message& message)
{
    auto params = paramsOrReply<params::ReactionChange>(session, message, context);
    if (!params)
        return;
    const qint64 self = session.userId();
    const params::ReactionChange reaction = *params;
    const int max = context.config.limits.maxReactionsPerMessage;
    act(context, session, message.id, reaction.messageId, [self, reaction, max](qint64 roomId) {
        return [roomId, self, reaction, max](
                   StoreDb& db) { return db.addReaction(roomId, reaction.messageId, self, reaction.emoji, max); };
    });
}

void removeReaction(ServerContext& context, ClientSession& session, const jsonrpc::Message& message)
{
    auto params = paramsOrReply<params::ReactionChange>(session, message, context);
    if (!params)
        return;
    const qint64 self = session.userId();
    const params::ReactionChange reaction = *params;
    act(context, session, message.id, reaction.messageId, [self, reaction](qint64 roomId) {
        return [roomId, self, reaction](
                   StoreDb& db) { return db.removeReaction(roomId, reaction.messageId, self, reaction.emoji); };
    });
}

void changes(ServerContext& context, ClientSession& session, const jsonrpc::Message& message)
{
    auto params = paramsOrReply<params::Changes>(session, message, context);
    if (!params)
        return;
    if (!context.directory.isMember(params->roomId, session.userId()))
        return session.sendError(message.id, notRoomMember());
    const params::Changes query = *params;
    const QJsonValue id = message.id;
    context.store.read<ChangesPage>(
        [query](StoreDb& db) { return db.changesSince(query.roomId, query.since, query.limit); }, &session,
        [&session, id](StoreDb::Result<ChangesPage> page) {
            if (!page)
                return session.sendError(id, storeFailure(page.error()));
            session.sendResult(id,
                { { key::Messages, messagesJson(page->messages) }, { key::LastChange, page->lastChange },
                    { key::HasMore, page->hasMore } });
        });
}

} // namespace

void registerMessageActionHandlers(RequestRouter& router, ServerContext& context)
{
    using Access = RequestRouter::Access;
    router.addRequest(protocol::method::MessagesEdit, Access::SignedIn, withContext(context, edit));
    router.addRequest(protocol::method::MessagesDelete, Access::SignedIn, withContext(context, remove));
    router.addRequest(protocol::method::ReactionsAdd, Access::SignedIn, withContext(context, addReaction));
    router.addRequest(protocol::method::ReactionsRemove, Access::SignedIn, withContext(context, removeReaction));
    router.addRequest(protocol::method::MessagesChanges, Access::SignedIn, withContext(context, changes));
}

} // namespace chat::server
