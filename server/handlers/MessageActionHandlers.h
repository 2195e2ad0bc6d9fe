#pragma once

namespace chat::server {
class RequestRouter;
struct ServerContext;

// messages.edit, messages.delete, reactions.add, reactions.remove and messages.changes
void registerMessageActionHandlers(RequestRouter& router, ServerContext& context);
} // namespace chat::server
