// libFuzzer target: any bytes as server.ini, through ConfigReader and loadServerConfig (ConfigExercise.h).
#include "ConfigExercise.h"
#include "FuzzEntry.h"

CHAT_FUZZ_TARGET(chat::fuzz::exerciseConfig)
