#include "TransferRow.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>

namespace chat::client {

TransferRow::TransferRow(const QString& name, QWidget* parent)
    : QWidget(parent)
    , m_name(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_primary(new QToolButton(this))
    , m_secondary(new QToolButton(this))
{
    QFont bold = m_name->font();
    bold.setBold(true);
    m_name->setFont(bold);
    m_name->setTextFormat(Qt::PlainText);
    m_name->setText(m_name->fontMetrics().elidedText(name, Qt::ElideMiddle, 260));
    m_name->setToolTip(name);
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(8);
    m_progress->setMinimumWidth(120);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    for (QToolButton* button : { m_primary, m_secondary }) {
        button->setAutoRaise(true);
        button->setCursor(Qt::PointingHandCursor);
        button->hide();
    }
    connect(m_primary, &QToolButton::clicked, this, &TransferRow::primaryClicked);
    connect(m_secondary, &QToolButton::clicked, this, &TransferRow::secondaryClicked);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(14, 2, 10, 2);
    layout->setSpacing(8);
    layout->addWidget(m_name);
    layout->addWidget(m_progress, 1);
    layout->addWidget(m_status, 2);
    layout->addWidget(m_primary);
    layout->addWidget(m_secondary);
}

void TransferRow::showProgress(qint64 done, qint64 total, const QString& status)
{
    m_progress->show();
    // QProgressBar counts in int: per mille is fine enough for any file size.
    m_progress->setRange(0, 1000);
    m_progress->setValue(total > 0 ? int(done * 1000 / total) : 0);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    m_status->setStyleSheet(QString());
    m_status->setText(status);
}

void TransferRow::showStatus(const QString& status, bool problem)
{
    m_progress->hide();
    m_status->setText(status);
    m_status->setWordWrap(true);
    m_status->setStyleSheet(problem ? QStringLiteral("color: #c01c28") : QString());
}

void TransferRow::setActions(const QString& primary, const QString& secondary)
{
    m_primary->setText(primary);
    m_primary->setVisible(!primary.isEmpty());
    m_secondary->setText(secondary);
    m_secondary->setVisible(!secondary.isEmpty());
}

} // namespace chat::client
