#include "AttachmentPreview.h"

#include "AttachmentCards.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QImageReader>
#include <QLabel>
#include <QLineEdit>
#include <QMimeDatabase>
#include <QPainter>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace chat::client {

namespace {
constexpr int PreviewSide = 160;
constexpr int IconSide = 40;

QPixmap imagePreview(const QString& path)
{
    QImageReader reader(path);
    reader.setAutoTransform(true);
    const QSize size = reader.size();
    if (!size.isValid())
        return {};
    if (size.width() > PreviewSide || size.height() > PreviewSide)
        reader.setScaledSize(size.scaled(PreviewSide, PreviewSide, Qt::KeepAspectRatio));
    return QPixmap::fromImage(reader.read());
}
} // namespace

QString AttachmentPreview::refusal(const QString& path, const Limits& limits)
{
    const QFileInfo info(path);
    const QString name = info.fileName();
    if (!info.exists())
        return tr("“%1” does not exist.").arg(name);
    if (info.isDir())
        return tr("“%1” is a folder: only files can be sent.").arg(name);
    if (!info.isReadable())
        return tr("“%1” cannot be read.").arg(name);
    if (info.size() == 0)
        return tr("“%1” is empty.").arg(name);
    if (limits.maxFileBytes > 0 && info.size() > limits.maxFileBytes)
        return tr("“%1” is %2: this server takes files up to %3.")
            .arg(name, AttachmentCards::humanSize(info.size()), AttachmentCards::humanSize(limits.maxFileBytes));
    return {};
}

AttachmentPreview::AttachmentPreview(
    const QStringList& paths, const Limits& limits, const QString& roomName, QWidget* parent)
    : QDialog(parent)
    , m_rows(new QVBoxLayout)
    , m_problems(new QLabel(this))
    , m_caption(new QLineEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setWindowTitle(roomName.isEmpty() ? tr("Send files") : tr("Send to %1").arg(roomName));
    setObjectName(QStringLiteral("attachmentPreview"));
    QStringList problems;
    for (const QString& path : paths) {
        QString why = refusal(path, limits);
        if (why.isEmpty() && limits.maxAttachments > 0 && m_accepted.size() >= limits.maxAttachments)
            why = tr("“%1” is left out: at most %n file(s) go with one message.", nullptr, limits.maxAttachments)
                      .arg(QFileInfo(path).fileName());
        if (!why.isEmpty()) {
            problems.append(why);
            continue;
        }
        m_accepted.append(path);
        addRow(path);
    }

    auto* rowsHolder = new QWidget;
    m_rows->setContentsMargins(0, 0, 0, 0);
    m_rows->setSpacing(10);
    m_rows->addStretch(1);
    rowsHolder->setLayout(m_rows);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(rowsHolder);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setMinimumHeight(std::min(rowsHolder->sizeHint().height(), 2 * PreviewSide + 20));
    scroll->setVisible(!m_accepted.isEmpty());

    m_problems->setObjectName(QStringLiteral("attachmentProblems"));
    m_problems->setWordWrap(true);
    m_problems->setText(problems.join(QLatin1Char('\n')));
    m_problems->setVisible(!problems.isEmpty());
    m_problems->setStyleSheet(QStringLiteral("color: #c01c28"));

    m_caption->setObjectName(QStringLiteral("attachmentCaption"));
    m_caption->setPlaceholderText(tr("Add a caption (optional)"));
    m_caption->setAccessibleName(tr("Caption"));
    m_caption->setMaxLength(limits.maxBodyChars > 0 ? limits.maxBodyChars : 4000);
    m_caption->setEnabled(!m_accepted.isEmpty());

    QPushButton* send = m_buttons->addButton(tr("&Send"), QDialogButtonBox::AcceptRole);
    send->setDefault(true);
    send->setEnabled(!m_accepted.isEmpty());
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_problems);
    layout->addWidget(m_caption);
    layout->addWidget(m_buttons);
    resize(440, sizeHint().height());
    m_caption->setFocus();
}

void AttachmentPreview::addRow(const QString& path)
{
    const QFileInfo info(path);
    auto* row = new QHBoxLayout;
    row->setSpacing(10);
    auto* picture = new QLabel;
    auto* text = new QLabel;
    text->setTextFormat(Qt::PlainText);
    text->setWordWrap(true);
    const QPixmap preview = imagePreview(path);
    if (!preview.isNull()) {
        picture->setPixmap(preview);
        picture->setAccessibleName(tr("Preview of %1").arg(info.fileName()));
        text->setText(QStringLiteral("%1\n%2").arg(info.fileName(), AttachmentCards::humanSize(info.size())));
        row->addWidget(picture, 0, Qt::AlignTop);
    } else {
        Attachment file;
        file.name = info.fileName();
        file.size = info.size();
        file.type = QMimeDatabase().mimeTypeForFile(info).name();
        QPixmap icon(QSize(IconSide, IconSide) * devicePixelRatio());
        icon.setDevicePixelRatio(devicePixelRatio());
        icon.fill(Qt::transparent);
        QPainter painter(&icon);
        AttachmentCards::paintFileIcon(&painter, QRect(0, 0, IconSide, IconSide), file, font());
        painter.end();
        picture->setPixmap(icon);
        text->setText(QStringLiteral("%1\n%2").arg(info.fileName(), AttachmentCards::humanSize(info.size())));
        row->addWidget(picture, 0, Qt::AlignVCenter);
    }
    row->addWidget(text, 1, Qt::AlignVCenter);
    m_rows->addLayout(row);
}

QString AttachmentPreview::caption() const
{
    return m_caption->text().trimmed();
}

void AttachmentPreview::setCaption(const QString& caption)
{
    m_caption->setText(caption);
}

} // namespace chat::client
