#pragma once

namespace chat::server {
class RequestRouter;
struct ServerContext;

// files.upload, files.finish, files.cancel, files.download and the upload chunk frames (protocol.md, "Files").
void registerFileHandlers(RequestRouter& router, ServerContext& context);
} // namespace chat::server
