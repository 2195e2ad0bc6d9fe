#pragma once

#include "Types.h"

#include <QPixmap>
#include <QPointer>
#include <QWidget>

#include <functional>

class QLabel;
class QMovie;
class QProgressBar;
class QScrollArea;
class QToolButton;

namespace chat::client {

class FileDownload;
class FileTransfers;

// An image attachment in its own window: the thumbnail at once, the full image downloaded (with progress) into the
// app's cache and shown fitted to the window; "Fit" and "Actual size" switch, "Save as…" copies it where the user
// says. An animated GIF plays (QMovie).
class ImageViewer : public QWidget {
    Q_OBJECT
public:
    using SavePicker = std::function<QString(QWidget* parent, const QString& suggestedName)>;

    ImageViewer(FileTransfers* transfers, const Attachment& image, QWidget* parent = nullptr);

    const Attachment& attachment() const { return m_image; }
    bool isLoaded() const { return !m_full.isNull() || m_movie; }
    bool isFitted() const { return m_fitted; }
    bool isAnimated() const { return m_movie; }
    QLabel* imageLabel() const { return m_label; }
    QProgressBar* progressBar() const { return m_progress; }
    QToolButton* fitButton() const { return m_fit; }
    QToolButton* actualSizeButton() const { return m_actual; }
    QToolButton* saveButton() const { return m_save; }
    void setSavePicker(SavePicker picker) { m_savePicker = std::move(picker); } // replaces the file dialog (tests)

    void setFitted(bool fitted);
    bool saveAs(); // false when not saved (not loaded, cancelled, or the copy failed)

protected:
    void resizeEvent(QResizeEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void onDownloaded(const QString& path);
    void showPixmap();

    FileTransfers* m_transfers;
    Attachment m_image;
    QPointer<FileDownload> m_download;
    QString m_path;
    QPixmap m_thumbnail; // shown, scaled up, until the full image is here
    QPixmap m_full;
    QMovie* m_movie = nullptr;
    bool m_fitted = true;
    QScrollArea* m_scroll;
    QLabel* m_label;
    QLabel* m_status;
    QProgressBar* m_progress;
    QToolButton* m_fit;
    QToolButton* m_actual;
    QToolButton* m_save;
    SavePicker m_savePicker;
};

} // namespace chat::client
