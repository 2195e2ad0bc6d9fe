#include "FileHasher.h"

#include <QTimer>

namespace chat::client {

namespace {
constexpr qint64 BlockBytes = 1024 * 1024;
}

FileHasher::FileHasher(const QString& path, QObject* parent)
    : QObject(parent)
    , m_file(path)
{
}

void FileHasher::start()
{
    if (!m_file.open(QIODevice::ReadOnly)) {
        QTimer::singleShot(0, this, [this] { Q_EMIT failed(m_file.errorString()); });
        return;
    }
    m_size = m_file.size();
    m_hash.reset();
    QTimer::singleShot(0, this, &FileHasher::readBlock);
}

void FileHasher::readBlock()
{
    const QByteArray block = m_file.read(BlockBytes);
    if (block.isEmpty() && m_file.error() != QFileDevice::NoError) {
        Q_EMIT failed(m_file.errorString());
        return;
    }
    m_hash.addData(block);
    if (!m_file.atEnd() && !block.isEmpty()) {
        QTimer::singleShot(0, this, &FileHasher::readBlock);
        return;
    }
    m_file.close();
    Q_EMIT finished(QString::fromLatin1(m_hash.result().toHex()));
}

} // namespace chat::client
