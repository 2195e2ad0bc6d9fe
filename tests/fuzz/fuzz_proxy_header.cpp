// libFuzzer target: the PROXY protocol v1 line a balancer sends before the handshake (ProxyHeaderExercise.h).
#include "FuzzEntry.h"
#include "ProxyHeaderExercise.h"

CHAT_FUZZ_TARGET(chat::fuzz::exerciseProxyHeader)
