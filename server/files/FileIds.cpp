#include "FileIds.h"

#include "FileTransfer.h"

#include <QByteArray>

#include <sodium.h>

namespace chat::server {

QString newFileId()
{
    QByteArray random(files::IdBytes, Qt::Uninitialized);
    randombytes_buf(random.data(), size_t(random.size()));
    return QString::fromLatin1(random.toHex());
}

} // namespace chat::server
