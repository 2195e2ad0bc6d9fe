#include "AttachmentSender.h"

#include "AttachmentPreview.h"
#include "ChatSession.h"
#include "ClientLogging.h"
#include "Composer.h"
#include "FileTransfers.h"
#include "Icons.h"
#include "Protocol.h"

#include <QDateTime>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QMimeData>
#include <QToolButton>
#include <QWidget>

namespace chat::client {

QStringList AttachmentSender::localFilesIn(const QMimeData* mime)
{
    QStringList paths;
    if (!mime || !mime->hasUrls())
        return paths;
    const QList<QUrl> urls = mime->urls();
    for (const QUrl& url : urls) {
        if (url.isLocalFile())
            paths.append(url.toLocalFile());
    }
    return paths;
}

AttachmentSender::AttachmentSender(ChatSession* session, QWidget* dropTarget, Composer* composer, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_dropTarget(dropTarget)
    , m_button(new QToolButton(dropTarget))
    , m_picker([](QWidget* parentWidget) {
        return QFileDialog::getOpenFileNames(parentWidget, AttachmentSender::tr("Attach files"));
    })
{
    m_dropTarget->setAcceptDrops(true);
    m_dropTarget->installEventFilter(this);
    m_button->setObjectName(QStringLiteral("attachButton"));
    m_button->setAutoRaise(true);
    m_button->setToolTip(tr("Attach files (or drop them here, or paste an image)"));
    m_button->setAccessibleName(tr("Attach files"));
    m_button->setIcon(Icons::action(Icons::Action::Attach, m_button->palette()));
    m_button->setCursor(Qt::PointingHandCursor);
    connect(m_button, &QToolButton::clicked, this, &AttachmentSender::chooseFiles);
    connect(composer, &Composer::imagePasted, this, &AttachmentSender::attachImage);
    connect(composer, &Composer::filesPasted, this, &AttachmentSender::attach);
    connect(m_session, &ChatSession::stateChanged, this, &AttachmentSender::refreshButton);
    refreshButton();
}

void AttachmentSender::refreshButton()
{
    // Before server.hello (a start from the cache) the server's features are not known yet: offer it until told not to.
    const bool known = m_session->state() == ChatConnection::State::Online;
    m_button->setVisible(m_roomId && (!known || m_session->hasFeature(protocol::feature::Files)));
}

AttachmentPreview* AttachmentSender::preview() const
{
    return m_preview;
}

void AttachmentSender::setRoom(qint64 roomId, const QString& roomName)
{
    m_roomId = roomId;
    m_roomName = roomName;
    refreshButton();
    if (m_preview)
        m_preview->reject(); // prepared for another room
}

QString AttachmentSender::screenshotName(const QDateTime& when)
{
    return QStringLiteral("Screenshot %1.png").arg(when.toString(QStringLiteral("yyyy-MM-dd HH.mm.ss")));
}

void AttachmentSender::chooseFiles()
{
    const QStringList paths = m_picker(m_dropTarget);
    if (!paths.isEmpty())
        attach(paths);
}

void AttachmentSender::attachImage(const QImage& image)
{
    if (!m_pasted.isValid() || image.isNull())
        return;
    QString path = QDir(m_pasted.path()).filePath(screenshotName(QDateTime::currentDateTime()));
    for (int n = 2; QFileInfo::exists(path); ++n) // two pastes within a second
        path = QDir(m_pasted.path())
                   .filePath(screenshotName(QDateTime::currentDateTime())
                                 .replace(QLatin1String(".png"), QStringLiteral(" (%1).png").arg(n)));
    if (!image.save(path, "PNG")) {
        qCWarning(lcUi) << "could not keep the pasted image in" << m_pasted.path();
        return;
    }
    attach({ path });
}

void AttachmentSender::attach(const QStringList& paths)
{
    if (!m_roomId || paths.isEmpty())
        return;
    if (m_preview)
        m_preview->reject();
    auto* preview = new AttachmentPreview(paths, m_session->limits(), m_roomName, m_dropTarget->window());
    preview->setAttribute(Qt::WA_DeleteOnClose);
    m_preview = preview;
    const qint64 roomId = m_roomId;
    connect(preview, &QDialog::accepted, this, [this, preview, roomId] {
        m_session->files()->sendFiles(roomId, preview->acceptedFiles(), preview->caption());
    });
    preview->open();
    Q_EMIT previewShown(preview);
}

bool AttachmentSender::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_dropTarget && m_roomId) {
        if (event->type() == QEvent::DragEnter || event->type() == QEvent::DragMove) {
            auto* drag = static_cast<QDragMoveEvent*>(event);
            if (!localFilesIn(drag->mimeData()).isEmpty()) {
                drag->acceptProposedAction();
                return true;
            }
        } else if (event->type() == QEvent::Drop) {
            auto* drop = static_cast<QDropEvent*>(event);
            const QStringList paths = localFilesIn(drop->mimeData());
            if (!paths.isEmpty()) {
                drop->acceptProposedAction();
                attach(paths);
                return true;
            }
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace chat::client
