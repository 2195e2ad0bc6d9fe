#pragma once

#include "config/ServerConfig.h"

namespace chat::server {

// Runs chat-server until SIGINT or SIGTERM: starts it, serves, then stops it cleanly. Returns the exit code.
int runServer(const ServerConfig& config);

// Raises the soft limit of open files to the hard limit: every connection is a file descriptor.
void raiseFileLimit();

} // namespace chat::server
