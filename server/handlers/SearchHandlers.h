#pragma once

namespace chat::server {
class RequestRouter;
struct ServerContext;

// messages.search
void registerSearchHandlers(RequestRouter& router, ServerContext& context);
} // namespace chat::server
