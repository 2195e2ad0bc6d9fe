#include "DirectoryHandlers.h"

#include "HandlerSupport.h"
#include "Protocol.h"
#include "core/Directory.h"
#include "core/RequestRouter.h"
#include "events/PresenceTracker.h"

#include <QJsonArray>

namespace chat::server {

namespace {

void listUsers(ServerContext& context, ClientSession& session, const jsonrpc::Message& message)
{
    QJsonArray users;
    const QList<Directory::Entry> entries = context.directory.users();
    for (const Directory::Entry& entry : entries)
        users.append(User { entry.id, entry.username, context.presence.isOnline(entry.id) }.toJson());
    session.sendResult(message.id, { { protocol::key::Users, users } });
}

} // namespace

void registerDirectoryHandlers(RequestRouter& router, ServerContext& context)
{
    router.addRequest(protocol::method::UsersList, RequestRouter::Access::SignedIn, withContext(context, listUsers));
}

} // namespace chat::server
