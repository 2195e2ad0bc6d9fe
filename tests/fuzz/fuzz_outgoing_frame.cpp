// libFuzzer target: the WebSocket frame writer, OutgoingFrame, against an independent RFC 6455 reader
// (FrameExercise.h).
#include "FrameExercise.h"
#include "FuzzEntry.h"

CHAT_FUZZ_TARGET(chat::fuzz::exerciseOutgoingFrame)
