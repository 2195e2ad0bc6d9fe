#pragma once

#include "config/ServerConfig.h"
#include "limits/AttemptThrottle.h"
#include "limits/LoginThrottle.h"

class QObject;

namespace chat::server {

class Directory;
struct FileService;
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
    FileService& files;
    LoginThrottle logins;
    AttemptThrottle signupsByAddress;
};

} // namespace chat::server
