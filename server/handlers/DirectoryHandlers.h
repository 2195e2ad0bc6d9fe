#pragma once

namespace chat::server {
class RequestRouter;
struct ServerContext;

// users.list
void registerDirectoryHandlers(RequestRouter& router, ServerContext& context);
} // namespace chat::server
