#pragma once

namespace chat::server {
class RequestRouter;
struct ServerContext;

// messages.send, messages.history and the typing notification
void registerMessageHandlers(RequestRouter& router, ServerContext& context);
} // namespace chat::server
