#include "RequestRouter.h"

#include "ClientSession.h"

namespace chat::server {

void RequestRouter::addRequest(const QString& method, Access access, Handler handler)
{
    m_requests.insert(method, Route { access, std::move(handler) });
}

void RequestRouter::addNotification(const QString& method, Handler handler)
{
    m_notifications.insert(method, std::move(handler));
}

void RequestRouter::route(ClientSession& session, const jsonrpc::Message& message) const
{
    if (message.isResponse())
        return; // the server sends no requests, so there is nothing a response could answer
    if (message.isNotification()) {
        // Notifications get no answer, by JSON-RPC's rules; unknown or unauthorized ones are dropped.
        auto it = m_notifications.constFind(message.method);
        if (it != m_notifications.constEnd() && session.isAuthenticated())
            it.value()(session, message);
        return;
    }
    auto it = m_requests.constFind(message.method);
    if (it == m_requests.constEnd()) {
        session.sendError(message.id, RpcError::methodNotFound(message.method));
        return;
    }
    if (it->access == Access::SignedIn && !session.isAuthenticated()) {
        session.sendError(message.id, RpcError::unauthenticated());
        return;
    }
    it->handler(session, message);
}

} // namespace chat::server
