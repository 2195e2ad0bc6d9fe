#pragma once

#include "StoreJob.h"

#include <QList>

#include <optional>

namespace chat::server {

class StoreDb;

// Runs a batch of write jobs in one transaction; one failed job does not undo the others (the batch
// is then run again with a savepoint per job). Returns whether the transaction committed; on false nothing of the batch
// is stored. Does not call the jobs' done().
class GroupCommit {
public:
    struct Outcome {
        bool begun = false; // false: BEGIN failed, so no job ran
        bool committed = false;
        int succeededJobs = 0;
        std::optional<StoreError> failure; // when not committed: why (BEGIN, a savepoint or COMMIT failed)
    };
    static Outcome run(StoreDb& db, const QList<StoreJob>& jobs);
};

} // namespace chat::server
