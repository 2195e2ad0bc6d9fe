#pragma once

namespace chat::server {
class RequestRouter;
struct ServerContext;

// rooms.list, rooms.direct, rooms.create, rooms.join, rooms.leave, rooms.public, rooms.read
void registerRoomHandlers(RequestRouter& router, ServerContext& context);
} // namespace chat::server
