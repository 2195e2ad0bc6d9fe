#include "GroupCommit.h"

#include "StoreDb.h"
#include "StoreLogging.h"

#include <algorithm>

namespace chat::server {

namespace {

const QString JobSavepoint = QStringLiteral("store_job");

// Commits, or rolls back and says why not.
std::optional<StoreError> commitOrRollBack(StoreDb& db, qsizetype jobs)
{
    if (auto committed = db.commit(); !committed) {
        qCWarning(lcStore) << "a batch of" << jobs << "writes failed to commit:" << committed.error().message;
        db.rollback();
        return committed.error();
    }
    return std::nullopt;
}

GroupCommit::Outcome notCommitted(const StoreError& why)
{
    GroupCommit::Outcome outcome;
    outcome.begun = true;
    outcome.failure = why;
    return outcome;
}

void finish(GroupCommit::Outcome& outcome, StoreDb& db, qsizetype jobs)
{
    outcome.failure = commitOrRollBack(db, jobs);
    outcome.committed = !outcome.failure;
}

// Every job in a savepoint of its own, so that a failed job is undone alone.
GroupCommit::Outcome runIsolated(StoreDb& db, const QList<StoreJob>& jobs)
{
    GroupCommit::Outcome outcome;
    outcome.begun = true; // the first attempt began, and its jobs ran
    if (auto begun = db.begin(); !begun) {
        qCWarning(lcStore) << "cannot begin a write batch:" << begun.error().message;
        outcome.failure = begun.error();
        return outcome;
    }
    for (const StoreJob& job : jobs) {
        if (auto marked = db.savepoint(JobSavepoint); !marked) {
            qCWarning(lcStore) << "cannot set a savepoint:" << marked.error().message;
            db.rollback();
            return notCommitted(marked.error());
        }
        if (job.run(db))
            ++outcome.succeededJobs;
        else
            db.rollbackToSavepoint(JobSavepoint);
        // After ROLLBACK TO the savepoint still exists; releasing it keeps the nesting flat.
        if (auto released = db.releaseSavepoint(JobSavepoint); !released) {
            qCWarning(lcStore) << "cannot release a savepoint:" << released.error().message;
            db.rollback();
            return notCommitted(released.error());
        }
    }
    finish(outcome, db, jobs.size());
    if (!outcome.committed)
        outcome.succeededJobs = 0;
    return outcome;
}

} // namespace

GroupCommit::Outcome GroupCommit::run(StoreDb& db, const QList<StoreJob>& arrived)
{
    // Rooms are locked in ascending id order whichever writer runs the batch; a room's own jobs keep
    // their arrival order (stable sort), so its messages get their seqs in the order they were sent.
    QList<StoreJob> jobs = arrived;
    std::stable_sort(
        jobs.begin(), jobs.end(), [](const StoreJob& a, const StoreJob& b) { return a.lockOrder < b.lockOrder; });
    // Jobs almost always succeed, so the batch first runs without a savepoint per job (two statements
    // fewer per write). If one fails, the whole transaction is rolled back and the batch runs again
    // with savepoints; jobs only touch the database and their own result, so running them twice is safe.
    if (auto begun = db.begin(); !begun) {
        qCWarning(lcStore) << "cannot begin a write batch:" << begun.error().message;
        Outcome outcome;
        outcome.failure = begun.error();
        return outcome;
    }
    for (const StoreJob& job : jobs) {
        if (!job.run(db)) {
            db.rollback();
            return runIsolated(db, jobs);
        }
    }
    Outcome outcome;
    outcome.begun = true;
    finish(outcome, db, jobs.size());
    outcome.succeededJobs = outcome.committed ? int(jobs.size()) : 0;
    return outcome;
}

} // namespace chat::server
