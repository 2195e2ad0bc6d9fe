#include "FileReclaimer.h"

#include "FileService.h"
#include "Limits.h"
#include "store/Store.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QSet>

namespace chat::server {

Q_DECLARE_LOGGING_CATEGORY(lcFiles)

namespace {
struct Expired {
    QStringList uploads;
    int files = 0;
};
} // namespace

FileReclaimer::FileReclaimer(Store& store, FileService& files, const Limits& limits, QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_files(files)
    , m_limits(limits)
{
    connect(&m_timer, &QTimer::timeout, this, &FileReclaimer::reclaimNow);
}

void FileReclaimer::start(int intervalMs)
{
    m_timer.start(intervalMs);
    reclaimNow();
}

void FileReclaimer::reclaimNow()
{
    if (m_running)
        return;
    m_running = true;
    const qint64 before = QDateTime::currentMSecsSinceEpoch() - qint64(m_limits.uploadExpiryHours) * 3600 * 1000;
    m_store.write<Expired>(
        [before](StoreDb& db) -> StoreDb::Result<Expired> {
            auto uploads = db.expireUploads(before);
            if (!uploads)
                return uploads.error();
            auto files = db.expireUnsentFiles(before);
            if (!files)
                return files.error();
            return Expired { *uploads, *files };
        },
        this,
        [this](StoreDb::Result<Expired> expired) {
            if (!expired) {
                m_running = false;
                Q_EMIT reclaimed(0);
                return;
            }
            if (!expired->uploads.isEmpty() || expired->files > 0)
                qCInfo(lcFiles) << "expired" << expired->uploads.size() << "unfinished uploads and" << expired->files
                                << "unsent files";
            for (const QString& id : std::as_const(expired->uploads)) {
                m_files.uploads.forget(id);
                m_files.store.removePart(id);
            }
            removeUnreferenced();
        });
}

void FileReclaimer::removeUnreferenced()
{
    // Listed before the references are read: a blob written after the listing is not a candidate at all. The
    // listing and the deleting walk the files folder, so they run on the file thread.
    const QDateTime spare = QDateTime::currentDateTimeUtc().addMSecs(-SpareYoungerThanMs);
    const FileStore* store = &m_files.store;
    m_files.io.run<QStringList>([store, spare] { return store->blobsOlderThan(spare); }, this,
        [this, store, spare](QStringList candidates) {
            m_store.read<QSet<QString>>([](StoreDb& db) { return db.referencedContent(); }, this,
                [this, store, spare, candidates](StoreDb::Result<QSet<QString>> referenced) {
                    if (!referenced) {
                        m_running = false;
                        Q_EMIT reclaimed(0);
                        return;
                    }
                    QStringList unreferenced;
                    for (const QString& sha256 : candidates) {
                        if (!referenced->contains(sha256))
                            unreferenced.append(sha256);
                    }
                    m_files.io.run<int>(
                        [store, spare, unreferenced] {
                            int removed = 0;
                            for (const QString& sha256 : unreferenced)
                                removed += store->removeBlob(sha256, spare) ? 1 : 0;
                            return removed;
                        },
                        this,
                        [this](int removed) {
                            m_running = false;
                            if (removed > 0)
                                qCInfo(lcFiles) << "reclaimed" << removed << "files that no message refers to";
                            Q_EMIT reclaimed(removed);
                        });
                });
        });
}

} // namespace chat::server
