#pragma once

#include <sys/resource.h>

// CPU time the load generator itself has used (user + system), to show when it, not the server, is the limit.
inline double loadCpuSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}
