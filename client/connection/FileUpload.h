#pragma once

#include "RpcResult.h"
#include "Types.h"

#include <QFile>
#include <QObject>
#include <QPointer>
#include <QQueue>
#include <QTimer>

namespace chat::client {

class ChatConnection;
class FileHasher;

// One local file on its way to a room (protocol.md, "Uploading"): its SHA-256, files.upload, chunk frames with at most
// the window unacknowledged (file.progress moves it), files.finish. A lost connection pauses it, and it resumes by
// itself once online: files.upload again with the same room, sha256 and size answers with the offset to continue from.
// A refusal stops it with the server's error (retry() starts it over); cancel() discards it on the server too.
class FileUpload : public QObject {
    Q_OBJECT
public:
    enum class State { Hashing, Reserving, Sending, Finishing, Done, Failed, Cancelled };
    Q_ENUM(State)
    // The reason of a failure the server did not give: the local file could not be read.
    static inline const QString UnreadableReason = QStringLiteral("file_unreadable");

    FileUpload(ChatConnection* connection, qint64 roomId, const QString& path, QObject* parent = nullptr);
    ~FileUpload() override;

    void start();
    void retry(); // after a failure: from the file as it is now
    void cancel();

    qint64 roomId() const { return m_roomId; }
    QString path() const { return m_path; }
    QString name() const { return m_name; }
    qint64 size() const { return m_size; }
    qint64 received() const { return m_received; } // bytes the server acknowledged
    State state() const { return m_state; }
    bool isActive() const { return m_state != State::Done && m_state != State::Failed && m_state != State::Cancelled; }
    QString sha256() const { return m_sha256; }
    QString uploadId() const { return m_uploadId; }
    // The server did not keep a chunk (e.g. its disk is full): it is sent again after a pause, longer each time.
    bool isHeldBack() const { return m_heldBack && isActive(); }
    const Attachment& file() const { return m_file; } // once done
    const RpcError& error() const { return m_error; } // once failed

Q_SIGNALS:
    void progressChanged(qint64 received, qint64 size);
    void stateChanged(chat::client::FileUpload::State state);
    void finished(const chat::Attachment& file);
    void failed(const chat::RpcError& error);

private:
    void setState(State state);
    void fail(const RpcError& error);
    void discardOnServer(); // files.cancel, answered or not
    void reserve();
    void onReserved(const RpcResult& result);
    void onProgress(const QString& uploadId, qint64 received);
    void pump();
    void finish();
    void onFinished(const RpcResult& result);
    bool waitForConnection(const RpcResult& result); // a lost connection or a busy server: try again later
    void onConnectionStateChanged();

    ChatConnection* m_connection;
    qint64 m_roomId;
    QString m_path;
    QString m_name;
    QFile m_source;
    QPointer<FileHasher> m_hasher;
    State m_state = State::Hashing;
    qint64 m_size = 0;
    QString m_sha256;
    QString m_uploadId;
    qint64 m_sent = 0; // the next offset to send
    qint64 m_received = 0;
    int m_chunkBytes = 0;
    int m_windowBytes = 0;
    int m_attempt = 0; // bumped on each (re)start: answers to an earlier attempt are dropped
    QTimer m_retryTimer;
    static constexpr int MinPauseMs = 1000;
    static constexpr int MaxPauseMs = 30000;
    QQueue<qint64> m_inFlight; // the end offset of each chunk sent and not yet acknowledged, oldest first
    int m_staleAcks = 0; // acknowledgements still to come for chunks the server dropped
    QTimer m_pauseTimer; // before sending again what the server did not keep
    int m_pauseMs = MinPauseMs;
    bool m_heldBack = false;
    Attachment m_file;
    RpcError m_error;
};

} // namespace chat::client
