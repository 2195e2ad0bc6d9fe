#include "FileWorker.h"

namespace chat::server {

FileWorker::FileWorker(const QString& name, QObject* parent)
    : QObject(parent)
    , m_target(new QObject)
{
    m_thread.setObjectName(name);
    m_target->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_target, &QObject::deleteLater);
    m_thread.start();
}

FileWorker::~FileWorker()
{
    m_thread.quit();
    m_thread.wait();
}

} // namespace chat::server
