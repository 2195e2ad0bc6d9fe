#pragma once

namespace chat::server {
class RequestRouter;
struct ServerContext;

// rooms.receipts and rooms.notify: what each member of a room has read, and how a member wants to be told
void registerMemberStateHandlers(RequestRouter& router, ServerContext& context);
} // namespace chat::server
