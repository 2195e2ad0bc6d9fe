#pragma once

#include "RpcResult.h"
#include "Types.h"

#include <QDir>
#include <QObject>
#include <QPointer>
#include <QTemporaryFile>

#include <memory>

namespace chat::client {

class ChatConnection;
class FileHasher;

// One attachment on its way to a local file (protocol.md, "files.download"): files.download, the download chunk frames
// written to a temporary file beside the destination, a lost connection resumed from the bytes already written, the
// SHA-256 checked at the end, and only then the file moved to its final name. Nothing is opened or run.
class FileDownload : public QObject {
    Q_OBJECT
public:
    enum class State { Requesting, Receiving, Verifying, Done, Failed, Cancelled };
    Q_ENUM(State)
    enum class Naming {
        Unique, // the attachment's name made safe, never overwriting: "name (1).ext" …
        ByContent, // <sha256>.<ext>: a cache of files for viewing, where the same content may be replaced
    };
    // The reasons of failures the server did not give.
    static inline const QString DamagedReason = QStringLiteral("download_damaged");
    static inline const QString UnwritableReason = QStringLiteral("download_unwritable");

    FileDownload(ChatConnection* connection, const Attachment& file, const QDir& folder, Naming naming,
        QObject* parent = nullptr);
    ~FileDownload() override;

    void start();
    void cancel();

    const Attachment& file() const { return m_file; }
    State state() const { return m_state; }
    bool isActive() const { return m_state != State::Done && m_state != State::Failed && m_state != State::Cancelled; }
    qint64 written() const { return m_written; }
    QString path() const { return m_path; } // the final file, once done
    QString folder() const { return m_folder.path(); }
    const RpcError& error() const { return m_error; }

Q_SIGNALS:
    void progressChanged(qint64 written, qint64 size);
    void stateChanged(chat::client::FileDownload::State state);
    void finished(const QString& path);
    void failed(const chat::RpcError& error);

private:
    void setState(State state);
    void fail(const RpcError& error);
    void stopOnServer(); // files.cancel, answered or not
    void request();
    void onAnswer(const RpcResult& result);
    void onChunk(const QString& downloadId, qint64 offset, const QByteArray& data);
    void verify();
    void moveIntoPlace();
    void onConnectionStateChanged();

    ChatConnection* m_connection;
    Attachment m_file;
    QDir m_folder;
    Naming m_naming;
    std::unique_ptr<QTemporaryFile> m_part;
    QPointer<FileHasher> m_hasher;
    State m_state = State::Requesting;
    QString m_downloadId;
    qint64 m_written = 0;
    int m_attempt = 0;
    QString m_path;
    RpcError m_error;
};

} // namespace chat::client
