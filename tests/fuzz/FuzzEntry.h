#pragma once

#include <QByteArray>
#include <QString>

#include <cstdio>
#include <cstdlib>

// The libFuzzer entry point of a target: one input through `exercise`, which names a broken property or
// returns an empty string; a broken property aborts so that libFuzzer saves the input as a crash.
#define CHAT_FUZZ_TARGET(exercise)                                                                                     \
    extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)                                            \
    {                                                                                                                  \
        const QByteArray input = QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size));        \
        const QString problem = exercise(input);                                                                       \
        if (!problem.isEmpty()) {                                                                                      \
            std::fprintf(stderr, "property violated: %s\n", qPrintable(problem));                                      \
            std::abort();                                                                                              \
        }                                                                                                              \
        return 0;                                                                                                      \
    }
