#pragma once

#include <QCryptographicHash>
#include <QFile>
#include <QObject>

namespace chat::client {

// The SHA-256 of a file, read a block per turn of the event loop, so a 25 MB file does not freeze the window.
class FileHasher : public QObject {
    Q_OBJECT
public:
    explicit FileHasher(const QString& path, QObject* parent = nullptr);

    void start();
    qint64 size() const { return m_size; }

Q_SIGNALS:
    void finished(const QString& sha256); // lowercase hex
    void failed(const QString& why);

private:
    void readBlock();

    QFile m_file;
    QCryptographicHash m_hash { QCryptographicHash::Sha256 };
    qint64 m_size = 0;
};

} // namespace chat::client
