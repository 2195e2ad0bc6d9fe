#pragma once

#include "FileDownload.h"
#include "FileUpload.h"
#include "Types.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

namespace chat::client {

class ChatConnection;
class Outbox;

// The session's file transfers. sendFiles() uploads files for one message and, once every one of them is in, posts
// the message (through the outbox, so the send is idempotent) with the caption as its body. Downloads are kept by file
// id, so the timeline can show a file's progress and the viewer can reuse what it fetched. Widgets see the uploads and
// downloads, never the connection.
class FileTransfers : public QObject {
    Q_OBJECT
public:
    FileTransfers(ChatConnection* connection, Outbox* outbox, QObject* parent = nullptr);

    // Uploads each file; the message goes out when all of them are in (a cancelled one is left out; none left: no
    // message). The caption is trimmed.
    void sendFiles(qint64 roomId, const QStringList& paths, const QString& caption);
    QList<FileUpload*> uploadsIn(qint64 roomId) const; // not yet posted, oldest first
    void cancel(FileUpload* upload);
    void dismiss(FileUpload* upload); // a failed one the user let go

    // Into downloadFolder() under the attachment's name made safe, never overwriting. A download of the same file
    // still running is returned instead of a second one.
    FileDownload* download(const Attachment& file);
    // Into the cache folder, by content: for the image viewer.
    FileDownload* fetchForViewing(const Attachment& file);
    FileDownload* downloadOf(const QString& fileId) const; // the latest download to the folder, or null
    void cancel(FileDownload* download);

    QString downloadFolder() const;
    void setDownloadFolder(const QString& folder) { m_downloadFolder = folder; } // empty: the system's Downloads
    void setCacheFolder(const QString& folder) { m_cacheFolder = folder; } // empty: the app's cache

    void clear(); // signed out: every transfer stops

Q_SIGNALS:
    void uploadAdded(chat::client::FileUpload* upload);
    void uploadRemoved(chat::client::FileUpload* upload); // posted, cancelled or dismissed: deleted later
    void downloadAdded(chat::client::FileDownload* download); // to the download folder (not the viewer's)
    void downloadProgressed(const QString& fileId); // progress or state, for the timeline to repaint
    void downloadFinished(chat::client::FileDownload* download);

private:
    struct Batch {
        qint64 roomId = 0;
        QString caption;
        QList<QPointer<FileUpload>> uploads;
    };
    void postReadyBatches();
    void remove(FileUpload* upload);
    FileDownload* startDownload(const Attachment& file, const QString& folder, FileDownload::Naming naming);

    ChatConnection* m_connection;
    Outbox* m_outbox;
    QList<Batch> m_batches;
    QHash<QString, QPointer<FileDownload>> m_downloads; // file id -> the latest to the download folder
    QHash<QString, QPointer<FileDownload>> m_viewing; // file id -> the fetch for the viewer
    QString m_downloadFolder;
    QString m_cacheFolder;
};

} // namespace chat::client
