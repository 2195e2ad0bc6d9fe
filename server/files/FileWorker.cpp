#include "FileWorker.h"

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace chat::server {

FileWorker::FileWorker(const QString& name, QObject* parent)
    : QObject(parent)
    , m_target(new QObject)
{
    m_thread.setObjectName(name);
    m_target->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_target, &QObject::deleteLater);
    m_thread.start();
    // File work yields to the socket thread when they share a core: on Linux a thread has its own nice value,
    // and 10 gives it about a tenth of a contended core (elsewhere, Qt's priority hint).
#ifdef Q_OS_LINUX
    QMetaObject::invokeMethod(
        m_target, [] { setpriority(PRIO_PROCESS, gettid(), 10); }, Qt::QueuedConnection);
#else
    m_thread.setPriority(QThread::LowPriority);
#endif
}

FileWorker::~FileWorker()
{
    m_thread.quit();
    m_thread.wait();
}

} // namespace chat::server
