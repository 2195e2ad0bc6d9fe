#include "TransferList.h"

#include "AttachmentCards.h"
#include "ChatSession.h"
#include "FileErrorText.h"
#include "FileTransfers.h"
#include "TransferRow.h"

#include <QDesktopServices>
#include <QFileInfo>
#include <QUrl>
#include <QVBoxLayout>

namespace chat::client {

TransferList::TransferList(ChatSession* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_layout(new QVBoxLayout(this))
{
    setObjectName(QStringLiteral("transferList"));
    setAccessibleName(tr("File transfers"));
    m_layout->setContentsMargins(0, 2, 0, 2);
    m_layout->setSpacing(0);
    FileTransfers* files = m_session->files();
    connect(files, &FileTransfers::uploadAdded, this, &TransferList::addUpload);
    connect(files, &FileTransfers::uploadRemoved, this, [this](FileUpload* upload) { removeRow(upload); });
    connect(files, &FileTransfers::downloadAdded, this, &TransferList::addDownload);
    hide();
}

void TransferList::setRoom(qint64 roomId)
{
    m_roomId = roomId;
    refreshVisibility();
}

QString TransferList::describe(const FileUpload* upload)
{
    switch (upload->state()) {
    case FileUpload::State::Hashing:
        return tr("Preparing…");
    case FileUpload::State::Reserving:
        return tr("Waiting for the server…");
    case FileUpload::State::Sending:
        if (upload->isHeldBack())
            return tr("The server did not take the last part; trying again…");
        return tr("%1 of %2")
            .arg(AttachmentCards::humanSize(upload->received()), AttachmentCards::humanSize(upload->size()));
    case FileUpload::State::Finishing:
        return tr("Checking…");
    case FileUpload::State::Done:
        return tr("Sent");
    case FileUpload::State::Failed:
        return FileErrorText::describe(upload->error());
    case FileUpload::State::Cancelled:
        return tr("Cancelled");
    }
    return {};
}

void TransferList::addUpload(FileUpload* upload)
{
    auto* row = new TransferRow(upload->name(), this);
    row->setProperty("roomId", upload->roomId());
    m_rows.insert(upload, row);
    m_layout->addWidget(row);
    auto refresh = [row, upload] {
        if (upload->state() == FileUpload::State::Failed) {
            row->showStatus(describe(upload), true);
            row->setActions(tr("Retry"), tr("Dismiss"));
        } else {
            row->showProgress(upload->received(), upload->size(), describe(upload));
            row->setActions(tr("Cancel"), QString());
        }
    };
    refresh();
    connect(upload, &FileUpload::progressChanged, row, refresh);
    connect(upload, &FileUpload::stateChanged, row, refresh);
    connect(row, &TransferRow::primaryClicked, this, [this, upload] {
        if (upload->state() == FileUpload::State::Failed)
            upload->retry();
        else
            m_session->files()->cancel(upload);
    });
    connect(row, &TransferRow::secondaryClicked, this, [this, upload] { m_session->files()->dismiss(upload); });
    refreshVisibility();
}

void TransferList::addDownload(FileDownload* download)
{
    removeRow(download); // a second download of the same file shows once
    auto* row = new TransferRow(download->file().name, this);
    row->setProperty("roomId", QVariant()); // downloads show in every room: they go to one folder
    m_rows.insert(download, row);
    m_layout->addWidget(row);
    auto refresh = [row, download] {
        const QString size = AttachmentCards::humanSize(download->file().size);
        switch (download->state()) {
        case FileDownload::State::Requesting:
        case FileDownload::State::Receiving:
        case FileDownload::State::Verifying:
            row->showProgress(download->written(), download->file().size,
                tr("Downloading… %1 of %2").arg(AttachmentCards::humanSize(download->written()), size));
            row->setActions(tr("Cancel"), QString());
            break;
        case FileDownload::State::Done:
            row->showStatus(tr("Saved as %1").arg(QFileInfo(download->path()).fileName()), false);
            row->setActions(tr("Show in folder"), tr("Dismiss"));
            break;
        case FileDownload::State::Failed:
            row->showStatus(FileErrorText::describe(download->error()), true);
            row->setActions(QString(), tr("Dismiss"));
            break;
        case FileDownload::State::Cancelled:
            row->showStatus(tr("Cancelled"), false);
            row->setActions(QString(), tr("Dismiss"));
            break;
        }
    };
    refresh();
    connect(download, &FileDownload::progressChanged, row, refresh);
    connect(download, &FileDownload::stateChanged, row, refresh);
    connect(download, &QObject::destroyed, this, [this, download] { removeRow(download); });
    connect(row, &TransferRow::primaryClicked, this, [this, download] {
        if (download->state() == FileDownload::State::Done)
            // The folder, never the file itself: nothing downloaded is opened or run by a click here.
            QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(download->path()).absolutePath()));
        else
            m_session->files()->cancel(download);
    });
    connect(row, &TransferRow::secondaryClicked, this, [this, download] { removeRow(download); });
    refreshVisibility();
}

void TransferList::removeRow(const QObject* transfer)
{
    if (TransferRow* row = m_rows.take(transfer))
        row->deleteLater();
    refreshVisibility();
}

void TransferList::refreshVisibility()
{
    int shown = 0;
    for (TransferRow* row : std::as_const(m_rows)) {
        const QVariant room = row->property("roomId");
        const bool here = !room.isValid() || room.toLongLong() == m_roomId;
        row->setVisible(here);
        shown += here ? 1 : 0;
    }
    setVisible(shown > 0);
}

} // namespace chat::client
