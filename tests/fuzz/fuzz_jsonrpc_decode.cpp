// libFuzzer target: every byte string a peer could send as one text frame, through the decoder and every
// params parser, checking the properties in DecodeExercise.h.
#include "DecodeExercise.h"
#include "FuzzEntry.h"

CHAT_FUZZ_TARGET(chat::fuzz::exerciseDecoder)
