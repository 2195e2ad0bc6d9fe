#pragma once

#include <QList>
#include <QString>
#include <QUrl>

// Start-up of the desktop client, each run a new process (this program with --startup), as a person starts it:
// kept signed in (token in the settings file), the last conversation reopening. Measured from just before
// the process is started to the first paint of the chat pane showing that conversation's messages.
namespace StartupBench {

struct Figures {
    QList<double> coldMs; // no local cache: token, sign-in, sync, the room's newest page from the server
    QList<double> cachedMs; // with the local cache
    QList<double> coldInProcessMs, cachedInProcessMs; // the same from main() on: without exec, loading, linking
    int cachedBeforeServer = 0; // how many of those painted before the client was online
    qint64 idleRssKiB = 0; // after a start with the cache, online and synced, then idle
    int rooms = 0;
    int cachedMessages = 0;
};

// The child's side: returns the exit code if argv names a start-up mode, -1 otherwise.
int runChild(int argc, char* argv[]);

// The parent's side: signs the account of `token` in once to fill its cache (every room, its newest
// `perRoom` messages), then starts the client `runs` times with the cache and `runs` times without it.
Figures measure(const QUrl& server, const QString& token, int perRoom, int runs);

} // namespace StartupBench
