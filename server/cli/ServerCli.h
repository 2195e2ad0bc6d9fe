#pragma once

#include "config/ServerConfig.h"

#include <QStringList>
#include <QTextStream>

#include <functional>

namespace chat::server {

using ServerMain = std::function<int(const ServerConfig&)>;

// Exit codes of chat-server, also listed in --help.
namespace exitcode {
inline constexpr int Ok = 0;
inline constexpr int Failure = 1; // the command ran and failed (user not found, database error, ...)
inline constexpr int Usage = 2; // bad command line or bad configuration
} // namespace exitcode

// The whole command line: serving (through `serve`) and the admin subcommands. Streams are parameters so
// that tests drive it without a process.
int runCli(const QStringList& arguments, QTextStream& in, QTextStream& out, QTextStream& err, const ServerMain& serve);
// runCli on the process's standard streams.
int runCliMain(const QStringList& arguments, const ServerMain& serve);

} // namespace chat::server
