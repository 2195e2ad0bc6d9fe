#pragma once

#include "JsonRpc.h"
#include "Params.h"
#include "Types.h"
#include "core/ClientSession.h"
#include "core/Clock.h"
#include "core/RequestRouter.h"
#include "core/RoomView.h"
#include "core/ServerContext.h"
#include "store/StoreTypes.h"

#include <QJsonArray>

#include <optional>

namespace chat::server {

// Parses a request's params, or answers with the validation error and returns nothing.
template<typename P>
std::optional<P> paramsOrReply(ClientSession& session, const jsonrpc::Message& message, const ServerContext& context)
{
    auto parsed = P::parse(message.params, context.config.limits);
    if (!parsed) {
        session.sendError(message.id, parsed.error());
        return std::nullopt;
    }
    return std::move(parsed).value();
}

// Takes one token from `bucket`, or answers rate_limited (with retry_after_ms) saying `tooFast`; true when refused.
bool refusedByRate(ClientSession& session, TokenBucket& bucket, const QJsonValue& id, const QString& tooFast);

using ContextHandler = void (*)(ServerContext& context, ClientSession& session, const jsonrpc::Message& message);
// A router entry that calls `handler` with the server's context.
RequestRouter::Handler withContext(ServerContext& context, ContextHandler handler);

// forbidden for a room the user is not in, or that does not exist: the same answer either way.
const RpcError& notRoomMember();

// A store failure as the client sees it: no driver text, just that it may retry.
RpcError storeFailure(const StoreError& error);

OutgoingFrame encodeNotification(QLatin1String method, const QJsonObject& params);

// The answer to a refused message action (protocol.md, "Message actions"). Forbidden says the same whether
// the message is missing, in another room or someone else's, so that probing ids teaches nothing.
RpcError refusalError(ActionRefusal refusal, const Limits& limits);
QJsonArray messagesJson(const QList<Message>& messages);

// Answers a message write that failed (NotFound: the room is not the caller's) or was refused, to `session`
// when it is still there; true when it did, false when the outcome stands.
template<typename Outcome>
bool answeredFailureOrRefusal(
    ClientSession* session, const QJsonValue& id, const Expected<Outcome, StoreError>& outcome, const Limits& limits)
{
    if (outcome && outcome->refusal == ActionRefusal::None)
        return false;
    if (session) {
        if (!outcome)
            session->sendError(id,
                outcome.error().kind == StoreError::Kind::NotFound ? notRoomMember() : storeFailure(outcome.error()));
        else
            session->sendError(id, refusalError(outcome->refusal, limits));
    }
    return true;
}

} // namespace chat::server
