#pragma once

#include <QHash>
#include <QWidget>

class QVBoxLayout;

namespace chat::client {

class ChatSession;
class FileDownload;
class FileUpload;
class TransferRow;

// Above the composer: one row per file on its way — the open room's uploads (progress and Cancel; a failure in words
// with Retry) and downloads to the Downloads folder (progress and Cancel; then "Show in folder", which opens the
// folder, never the file). Hidden while there is nothing to show.
class TransferList : public QWidget {
    Q_OBJECT
public:
    explicit TransferList(ChatSession* session, QWidget* parent = nullptr);

    void setRoom(qint64 roomId);
    TransferRow* rowOf(const QObject* transfer) const { return m_rows.value(transfer); }
    int rowCount() const { return int(m_rows.size()); }

    static QString describe(const FileUpload* upload); // what a row says of an upload

private:
    void addUpload(FileUpload* upload);
    void addDownload(FileDownload* download);
    void removeRow(const QObject* transfer);
    void refreshVisibility();

    ChatSession* m_session;
    qint64 m_roomId = 0;
    QVBoxLayout* m_layout;
    QHash<const QObject*, TransferRow*> m_rows;
};

} // namespace chat::client
