#include "TrayIcon.h"

#include <QAction>
#include <QIcon>
#include <QMenu>
#include <QSystemTrayIcon>

namespace chat::client {

TrayIcon::TrayIcon(const QIcon& icon, QWidget* parent)
    : QObject(parent)
    , m_icon(new QSystemTrayIcon(icon, this))
    , m_menu(new QMenu(parent))
    , m_available([] { return QSystemTrayIcon::isSystemTrayAvailable(); })
{
    m_icon->setToolTip(tr("Chat"));
    auto* open = m_menu->addAction(tr("&Open Chat"));
    connect(open, &QAction::triggered, this, &TrayIcon::openRequested);
    m_menu->setDefaultAction(open);
    m_status = m_menu->addAction(QString());
    m_status->setEnabled(false); // information, not a command
    m_menu->addSeparator();
    m_quit = m_menu->addAction(tr("&Quit"));
    connect(m_quit, &QAction::triggered, this, &TrayIcon::quitRequested);
    m_icon->setContextMenu(m_menu);
    connect(m_icon, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            Q_EMIT openRequested();
    });
    connect(m_icon, &QSystemTrayIcon::messageClicked, this, &TrayIcon::openRequested);
}

void TrayIcon::addAction(QAction* action)
{
    m_menu->insertAction(m_quit, action);
}

void TrayIcon::setStatus(const QString& text)
{
    m_status->setText(text);
}

void TrayIcon::setToolTip(const QString& text)
{
    m_icon->setToolTip(text);
}

void TrayIcon::show()
{
    m_icon->show();
}

void TrayIcon::hide()
{
    m_icon->hide();
}

void TrayIcon::notify(const QString& title, const QString& body)
{
    if (isAvailable() && QSystemTrayIcon::supportsMessages())
        m_icon->showMessage(title, body, QSystemTrayIcon::Information, 6000);
}

bool TrayIcon::isAvailable() const
{
    return m_available();
}

} // namespace chat::client
