#pragma once

#include "JsonRpc.h"

#include <QHash>
#include <QString>

#include <functional>

namespace chat::server {

class ClientSession;

// The one dispatch table from method name to handler. It enforces that only auth.* runs before sign-in
// and answers unknown methods; handlers answer on the session themselves (often asynchronously).
class RequestRouter {
public:
    using Handler = std::function<void(ClientSession& session, const jsonrpc::Message& message)>;
    enum class Access { Public, SignedIn };

    void addRequest(const QString& method, Access access, Handler handler);
    void addNotification(const QString& method, Handler handler);

    void route(ClientSession& session, const jsonrpc::Message& message) const;

private:
    struct Route {
        Access access;
        Handler handler;
    };
    QHash<QString, Route> m_requests;
    QHash<QString, Handler> m_notifications;
};

} // namespace chat::server
