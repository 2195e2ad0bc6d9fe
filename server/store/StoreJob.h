#pragma once

#include <functional>

namespace chat::server {

class StoreDb;

// One unit of work for a store thread. For the writer, run() returns whether the job succeeded
// (a failed job's changes are rolled back alone) and done() hears whether its batch committed.
// A writer job may run twice (see GroupCommit), so it must touch nothing but the database and its result.
struct StoreJob {
    std::function<bool(StoreDb&)> run;
    std::function<void(bool committed)> done; // may be empty
};

} // namespace chat::server
