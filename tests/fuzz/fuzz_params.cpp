// libFuzzer target: every method's params parser and the validation behind it, on params objects straight
// from the fuzzer (ParamsExercise.h).
#include "FuzzEntry.h"
#include "ParamsExercise.h"

CHAT_FUZZ_TARGET(chat::fuzz::exerciseParams)
