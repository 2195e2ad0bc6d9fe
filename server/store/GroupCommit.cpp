#include "GroupCommit.h"

#include "StoreDb.h"
#include "StoreLogging.h"

namespace chat::server {

GroupCommit::Outcome GroupCommit::run(StoreDb& db, const QList<StoreJob>& jobs)
{
    static const QString Savepoint = QStringLiteral("store_job");
    Outcome outcome;
    if (auto begun = db.begin(); !begun) {
        qCWarning(lcStore) << "cannot begin a write batch:" << begun.error().message;
        return outcome;
    }
    for (const StoreJob& job : jobs) {
        if (auto marked = db.savepoint(Savepoint); !marked) {
            qCWarning(lcStore) << "cannot set a savepoint:" << marked.error().message;
            db.rollback();
            return {};
        }
        if (job.run(db)) {
            ++outcome.succeededJobs;
        } else {
            db.rollbackToSavepoint(Savepoint);
        }
        // After ROLLBACK TO the savepoint still exists; releasing it keeps the nesting flat.
        if (auto released = db.releaseSavepoint(Savepoint); !released) {
            qCWarning(lcStore) << "cannot release a savepoint:" << released.error().message;
            db.rollback();
            return {};
        }
    }
    if (auto committed = db.commit(); !committed) {
        qCWarning(lcStore) << "a batch of" << jobs.size() << "writes failed to commit:" << committed.error().message;
        db.rollback();
        return {};
    }
    outcome.committed = true;
    return outcome;
}

} // namespace chat::server
