#include "ImageViewer.h"

#include "AttachmentCards.h"
#include "FileErrorText.h"
#include "FileTransfers.h"
#include "SafeFileName.h"

#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMovie>
#include <QProgressBar>
#include <QScrollArea>
#include <QScrollBar>
#include <QStandardPaths>
#include <QToolButton>
#include <QVBoxLayout>

namespace chat::client {

ImageViewer::ImageViewer(FileTransfers* transfers, const Attachment& image, QWidget* parent)
    : QWidget(parent, Qt::Window)
    , m_transfers(transfers)
    , m_image(image)
    , m_scroll(new QScrollArea(this))
    , m_label(new QLabel)
    , m_status(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_fit(new QToolButton(this))
    , m_actual(new QToolButton(this))
    , m_save(new QToolButton(this))
    , m_savePicker([](QWidget* parentWidget, const QString& suggested) {
        const QString folder = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
        return QFileDialog::getSaveFileName(
            parentWidget, ImageViewer::tr("Save image"), folder + QLatin1Char('/') + suggested);
    })
{
    setObjectName(QStringLiteral("imageViewer"));
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("%1 (%2 × %3)").arg(image.name).arg(image.width).arg(image.height));
    m_label->setAlignment(Qt::AlignCenter);
    m_label->setAccessibleName(image.name);
    m_scroll->setWidget(m_label);
    m_scroll->setAlignment(Qt::AlignCenter);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setBackgroundRole(QPalette::Dark);
    m_scroll->setAutoFillBackground(true);

    m_fit->setText(tr("&Fit"));
    m_fit->setToolTip(tr("Fit the image to the window (0)"));
    m_fit->setCheckable(true);
    m_actual->setText(tr("&Actual size"));
    m_actual->setToolTip(tr("Show the image at its actual size (1)"));
    m_actual->setCheckable(true);
    m_save->setText(tr("&Save as…"));
    m_save->setToolTip(tr("Save the image to a file (Ctrl+S)"));
    m_save->setShortcut(QKeySequence::Save);
    for (QToolButton* button : { m_fit, m_actual, m_save })
        button->setEnabled(false);
    connect(m_fit, &QToolButton::clicked, this, [this] { setFitted(true); });
    connect(m_actual, &QToolButton::clicked, this, [this] { setFitted(false); });
    connect(m_save, &QToolButton::clicked, this, &ImageViewer::saveAs);
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_progress->setMaximumWidth(220);
    m_status->setForegroundRole(QPalette::PlaceholderText);

    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(8, 6, 8, 6);
    bar->addWidget(m_fit);
    bar->addWidget(m_actual);
    bar->addStretch(1);
    bar->addWidget(m_status);
    bar->addWidget(m_progress);
    bar->addWidget(m_save);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(m_scroll, 1);

    // The thumbnail at once, so the window is never empty while the full image comes.
    m_thumbnail = AttachmentCards::thumbnail(image);
    resize(QSize(image.width, image.height + 40).boundedTo(QSize(1000, 760)).expandedTo(QSize(420, 320)));

    m_download = m_transfers->fetchForViewing(image);
    auto progress = [this] {
        if (!m_download)
            return;
        const qint64 size = std::max<qint64>(1, m_image.size);
        m_progress->setValue(int(m_download->written() * 1000 / size));
        m_status->setText(
            tr("Loading… %1 of %2")
                .arg(AttachmentCards::humanSize(m_download->written()), AttachmentCards::humanSize(m_image.size)));
    };
    progress();
    connect(m_download, &FileDownload::progressChanged, this, progress);
    connect(m_download, &FileDownload::failed, this, [this](const RpcError& error) {
        m_progress->hide();
        m_status->setText(FileErrorText::describe(error));
    });
    connect(m_download, &FileDownload::finished, this, &ImageViewer::onDownloaded);
    if (m_download->state() == FileDownload::State::Done)
        onDownloaded(m_download->path());
}

void ImageViewer::onDownloaded(const QString& path)
{
    m_path = path;
    m_progress->hide();
    m_status->clear();
    if (m_image.type == QLatin1String("image/gif")) {
        auto* movie = new QMovie(path, QByteArray(), this);
        if (movie->isValid() && movie->frameCount() != 1) {
            m_movie = movie;
            m_label->setMovie(m_movie);
            m_movie->start();
        } else {
            delete movie;
        }
    }
    if (!m_movie && !m_full.load(path)) {
        m_status->setText(tr("The image cannot be shown."));
        return;
    }
    for (QToolButton* button : { m_fit, m_actual, m_save })
        button->setEnabled(true);
    setFitted(m_fitted);
}

void ImageViewer::setFitted(bool fitted)
{
    m_fitted = fitted;
    m_fit->setChecked(fitted);
    m_actual->setChecked(!fitted);
    m_scroll->setHorizontalScrollBarPolicy(fitted ? Qt::ScrollBarAlwaysOff : Qt::ScrollBarAsNeeded);
    m_scroll->setVerticalScrollBarPolicy(fitted ? Qt::ScrollBarAlwaysOff : Qt::ScrollBarAsNeeded);
    showPixmap();
}

void ImageViewer::showPixmap()
{
    const QSize natural(m_image.width, m_image.height);
    const QSize room = m_scroll->viewport()->size();
    const bool shrink = m_fitted && (natural.width() > room.width() || natural.height() > room.height());
    const QSize shown = shrink ? natural.scaled(room, Qt::KeepAspectRatio) : natural;
    if (m_movie) {
        m_movie->setScaledSize(shown);
        return;
    }
    const QPixmap& source = m_full.isNull() ? m_thumbnail : m_full;
    if (source.isNull())
        return;
    m_label->setPixmap(
        source.size() == shown ? source : source.scaled(shown, Qt::KeepAspectRatio, Qt::SmoothTransformation));
}

bool ImageViewer::saveAs()
{
    if (m_path.isEmpty())
        return false;
    const QString target = m_savePicker(this, SafeFileName::clean(m_image.name));
    if (target.isEmpty())
        return false;
    // The dialog asked before replacing a file.
    if (QFile::exists(target))
        QFile::remove(target);
    if (!QFile::copy(m_path, target)) {
        m_status->setText(tr("The image could not be saved to %1.").arg(target));
        return false;
    }
    m_status->setText(tr("Saved"));
    return true;
}

void ImageViewer::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    if (m_fitted || !isLoaded())
        showPixmap();
}

void ImageViewer::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Escape)
        return close(), void();
    if (event->key() == Qt::Key_0 && m_fit->isEnabled())
        return setFitted(true);
    if (event->key() == Qt::Key_1 && m_actual->isEnabled())
        return setFitted(false);
    QWidget::keyPressEvent(event);
}

} // namespace chat::client
