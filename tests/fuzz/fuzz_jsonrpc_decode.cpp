// libFuzzer target: every byte string a peer could send as one text frame, through the decoder and every
// params parser, checking the properties in DecodeExercise.h. Build with -DCHAT_BUILD_FUZZ=ON and clang.
#include "DecodeExercise.h"

#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray frame = QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size));
    const QString problem = chat::fuzz::exerciseDecoder(frame);
    if (!problem.isEmpty()) {
        std::fprintf(stderr, "property violated: %s\n", qPrintable(problem));
        std::abort();
    }
    return 0;
}
