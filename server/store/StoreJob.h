#pragma once

#include "StoreTypes.h"

#include <QtGlobal>

#include <functional>
#include <optional>

namespace chat::server {

class StoreDb;

// One unit of work for a store thread. run() returns whether the job succeeded (for the writer, a
// failed job's changes are rolled back alone). done() hears whether the job's result stands: nothing when
// it does; otherwise why not: for the writer, why its batch did not commit (e.g. a full disk); for both,
// why the job never ran (database unavailable, store stopped).
// A writer job may run twice (see GroupCommit), so it must touch nothing but the database and its result.
struct StoreJob {
    std::function<bool(StoreDb&)> run;
    std::function<void(const std::optional<StoreError>& failure)> done; // may be empty
    // The room whose row the job locks (a message append takes the room's next seq), 0 for none. A batch
    // runs its jobs in ascending order of it, so two writers (two nodes on one PostgreSQL) always lock
    // rooms in the same order and cannot deadlock on them.
    qint64 lockOrder = 0;
};

} // namespace chat::server
