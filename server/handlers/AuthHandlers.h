#pragma once

namespace chat::server {
class RequestRouter;
struct ServerContext;

// auth.signup, auth.login, auth.resume, auth.logout
void registerAuthHandlers(RequestRouter& router, ServerContext& context);
} // namespace chat::server
