#include "ComposerBanner.h"

#include "Icons.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace chat::client {

ComposerBanner::ComposerBanner(QWidget* parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_title(new QLabel(this))
    , m_detail(new QLabel(this))
    , m_cancel(new QToolButton(this))
{
    setObjectName(QStringLiteral("composerBanner"));
    setFrameShape(QFrame::NoFrame);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::AlternateBase);
    m_detail->setForegroundRole(QPalette::PlaceholderText);
    m_detail->setTextFormat(Qt::PlainText);
    m_detail->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_cancel->setAutoRaise(true);
    m_cancel->setToolTip(tr("Cancel (Esc)"));
    m_cancel->setAccessibleName(tr("Cancel"));
    m_cancel->setCursor(Qt::PointingHandCursor);
    connect(m_cancel, &QToolButton::clicked, this, &ComposerBanner::cancelled);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 4, 6, 4);
    layout->setSpacing(8);
    layout->addWidget(m_icon);
    layout->addWidget(m_title);
    layout->addWidget(m_detail, 1);
    layout->addWidget(m_cancel);
    refreshIcons();
    hide();
}

void ComposerBanner::showReply(const QString& sender, const QString& excerpt)
{
    m_editing = false;
    m_title->setText(tr("Replying to <b>%1</b>").arg(sender.toHtmlEscaped()));
    m_fullDetail = excerpt.simplified();
    refreshIcons();
    elideDetail();
    show();
}

void ComposerBanner::showEdit()
{
    m_editing = true;
    m_title->setText(tr("<b>Editing message</b>"));
    m_fullDetail = tr("Enter to save, Esc to cancel");
    refreshIcons();
    elideDetail();
    show();
}

void ComposerBanner::refreshIcons()
{
    const int size = fontMetrics().height();
    m_icon->setPixmap(Icons::action(m_editing ? Icons::Action::Edit : Icons::Action::Reply, palette())
                          .pixmap(QSize(size, size), devicePixelRatioF()));
    m_cancel->setIcon(Icons::action(Icons::Action::Close, palette()));
    m_cancel->setIconSize(QSize(size, size) * 0.8);
}

void ComposerBanner::elideDetail()
{
    m_detail->setText(
        m_detail->fontMetrics().elidedText(m_fullDetail, Qt::ElideRight, std::max(20, m_detail->width())));
}

void ComposerBanner::resizeEvent(QResizeEvent* event)
{
    QFrame::resizeEvent(event);
    elideDetail();
}

void ComposerBanner::changeEvent(QEvent* event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        refreshIcons();
}

} // namespace chat::client
