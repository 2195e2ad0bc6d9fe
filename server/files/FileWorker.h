#pragma once

#include <QObject>
#include <QPointer>
#include <QThread>

#include <functional>
#include <memory>

namespace chat::server {

// A thread for file work (chunk writes and reads, hashing, thumbnails), so that disks and image decoding never
// hold up the socket thread. Jobs run one at a time in the order they were posted: the chunks of an upload are
// written in order. Results come back on the thread that owns the worker, and are dropped if `context` is gone.
class FileWorker : public QObject {
    Q_OBJECT
public:
    explicit FileWorker(const QString& name, QObject* parent = nullptr);
    ~FileWorker() override; // waits for the job under way; the ones not started are dropped

    template<typename T> void run(std::function<T()> job, QObject* context, std::function<void(T)> done)
    {
        QPointer<QObject> guard(context);
        QMetaObject::invokeMethod(
            m_target,
            [this, job = std::move(job), guard, done = std::move(done)] {
                auto result = std::make_shared<T>(job());
                QMetaObject::invokeMethod(
                    this,
                    [guard, done, result] {
                        if (guard)
                            done(std::move(*result));
                    },
                    Qt::QueuedConnection);
            },
            Qt::QueuedConnection);
    }

private:
    QThread m_thread;
    QObject* m_target; // lives on m_thread
};

} // namespace chat::server
