#pragma once

#include "TestClient.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace chat::test {

// Uploads as protocol.md says a client does: files.upload, chunks within the window, files.finish. Returns the
// finish reply (with `file`), or the first refusal. `stopAfter` >= 0 stops once that many bytes are acknowledged
// (no finish): for tests of resuming.
Reply uploadFile(
    TestClient& client, qint64 roomId, const QString& name, const QByteArray& content, qint64 stopAfter = -1);
// Sends the chunks of `content` from `offset` and waits until the server acknowledged `until` bytes.
bool sendChunks(TestClient& client, const QString& uploadId, const QByteArray& content, qint64 offset, qint64 until,
    int chunkBytes, int windowBytes);
// files.download and every chunk: the bytes from `offset`, or nothing when refused (reply says why).
QByteArray downloadFile(TestClient& client, const QString& fileId, Reply* reply = nullptr, qint64 offset = 0);
QString sha256Hex(const QByteArray& content);

} // namespace chat::test
