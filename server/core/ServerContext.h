#pragma once

#include "config/ServerConfig.h"
#include "limits/AttemptThrottle.h"

class QObject;

namespace chat::server {

class Directory;
class EventBus;
class PasswordHasher;
class PresenceTracker;
class SessionHub;
class Store;

// What request handlers work with; owned by ChatServer, which outlives every handler call.
struct ServerContext {
    const ServerConfig& config;
    Store& store;
    PasswordHasher& hasher;
    Directory& directory;
    SessionHub& hub;
    EventBus& events; // every change that other sessions must see is published here
    PresenceTracker& presence;
    AttemptThrottle loginsByAccount;
    AttemptThrottle loginsByAddress;
    AttemptThrottle signupsByAddress;
};

} // namespace chat::server
