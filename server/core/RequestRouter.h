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

    // Binary frames of a signed-in session (file chunks). Accepted: a chunk the handler expected. Answered: refused,
    // and the handler said why. Unknown: not a chunk of anything the handler knows; the session refuses it.
    enum class BinaryOutcome { Accepted, Answered, Unknown };
    using BinaryHandler = std::function<BinaryOutcome(ClientSession& session, const QByteArray& frame)>;
    void setBinaryHandler(BinaryHandler handler) { m_binary = std::move(handler); }
    BinaryOutcome routeBinary(ClientSession& session, const QByteArray& frame) const
    {
        return m_binary ? m_binary(session, frame) : BinaryOutcome::Unknown;
    }

private:
    struct Route {
        Access access;
        Handler handler;
    };
    QHash<QString, Route> m_requests;
    QHash<QString, Handler> m_notifications;
    BinaryHandler m_binary;
};

} // namespace chat::server
