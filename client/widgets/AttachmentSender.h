#pragma once

#include <QImage>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTemporaryDir>

#include <functional>

class QMimeData;
class QToolButton;
class QWidget;

namespace chat::client {

class AttachmentPreview;
class ChatSession;
class Composer;

// How files get into a message: the composer's paper clip (a file dialog), files dropped on the conversation, an
// image (a screenshot) or files pasted into the composer. Each way ends in the AttachmentPreview; Send hands the files
// and the caption to the session's FileTransfers.
class AttachmentSender : public QObject {
    Q_OBJECT
public:
    using FilePicker = std::function<QStringList(QWidget* parent)>;

    // `dropTarget` accepts dropped files and parents the dialogs; images and files pasted into `composer` are attached.
    AttachmentSender(ChatSession* session, QWidget* dropTarget, Composer* composer, QObject* parent = nullptr);

    // The paper clip beside the composer: shown in a room, unless the server said it does not take files.
    QToolButton* button() const { return m_button; }
    void setRoom(qint64 roomId, const QString& roomName);
    void chooseFiles(); // asks the picker, then attach()
    void attach(const QStringList& paths); // shows the preview (non-modal: open())
    void attachImage(const QImage& image); // kept as a PNG named like a screenshot, then attach()
    // Replaces the native file dialog (tests).
    void setFilePicker(FilePicker picker) { m_picker = std::move(picker); }
    AttachmentPreview* preview() const; // the open one, if any

    static QStringList localFilesIn(const QMimeData* mime); // the local files among its URLs
    static QString screenshotName(const QDateTime& when); // "Screenshot 2026-12-07 14.03.22.png"

Q_SIGNALS:
    void previewShown(chat::client::AttachmentPreview* preview);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void refreshButton();

    ChatSession* m_session;
    QWidget* m_dropTarget;
    QToolButton* m_button;
    qint64 m_roomId = 0;
    QString m_roomName;
    FilePicker m_picker;
    QPointer<AttachmentPreview> m_preview;
    QTemporaryDir m_pasted; // pasted images live here until the app quits (an upload may resume from them)
};

} // namespace chat::client
