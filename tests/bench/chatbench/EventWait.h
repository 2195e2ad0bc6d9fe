#pragma once

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QTimer>

#include <functional>

// Runs the event loop until `done` holds or `timeoutMs` passes; false on timeout. The loop sleeps
// while nothing happens (the timed processEvents() overload would spin and burn the generator's core).
inline bool waitUntil(const std::function<bool()>& done, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    QTimer wakeUp; // lets the check run at least this often
    wakeUp.start(10);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

// Runs the event loop for `ms` milliseconds: the load keeps flowing while a phase lasts.
inline void runFor(int ms)
{
    waitUntil([] { return false; }, ms);
}
