#include "CredentialsForm.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QVBoxLayout>

namespace chat::client {

CredentialsForm::CredentialsForm(QWidget* parent)
    : QWidget(parent)
    , m_server(new QLineEdit(this))
    , m_username(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_keep(new QCheckBox(tr("&Keep me signed in"), this))
    , m_error(new QLabel(this))
    , m_notice(new QLabel(this))
    , m_busyLabel(new QLabel(this))
    , m_busy(new QProgressBar(this))
    , m_form(new QFormLayout)
{
    m_server->setPlaceholderText(tr("ws://chat.example.org:7447"));
    m_server->setAccessibleName(tr("Server address"));
    m_username->setAccessibleName(tr("Username"));
    m_username->setPlaceholderText(tr("Your name on this server"));
    m_password->setAccessibleName(tr("Password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_keep->setAccessibleDescription(tr("Stores a session token in the system keychain"));

    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setWordWrap(true);
    m_error->setAccessibleName(tr("Error"));
    m_error->setTextFormat(Qt::PlainText);
    QPalette errorPalette = m_error->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xc0, 0x1c, 0x28));
    m_error->setPalette(errorPalette);
    m_error->hide();

    m_notice->setObjectName(QStringLiteral("noticeLabel"));
    m_notice->setWordWrap(true);
    m_notice->setTextFormat(Qt::PlainText);
    m_notice->setForegroundRole(QPalette::PlaceholderText);
    m_notice->hide();

    m_keep->setChecked(true);
    m_busy->setRange(0, 0);
    m_busy->setMaximumHeight(6);
    m_busy->setTextVisible(false);
    m_busy->hide();
    m_busyLabel->hide();

    m_form->addRow(tr("&Server:"), m_server);
    m_form->addRow(tr("&Username:"), m_username);
    m_form->addRow(tr("&Password:"), m_password);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_form);
    layout->addWidget(m_keep);
    layout->addWidget(m_error);
    layout->addWidget(m_notice);
    layout->addWidget(m_busyLabel);
    layout->addWidget(m_busy);
}

void CredentialsForm::addRow(const QString& label, QWidget* field)
{
    m_form->addRow(label, field);
}

QString CredentialsForm::serverText() const
{
    return m_server->text().trimmed();
}

QUrl CredentialsForm::serverUrl() const
{
    QString text = serverText();
    if (!text.contains(QLatin1String("://")))
        text.prepend(QLatin1String("ws://"));
    return QUrl(text, QUrl::StrictMode);
}

void CredentialsForm::setServerText(const QString& text)
{
    m_server->setText(text);
}

params::Credentials CredentialsForm::credentials() const
{
    return params::Credentials { m_username->text().trimmed(), m_password->text() };
}

void CredentialsForm::setUsername(const QString& username)
{
    m_username->setText(username);
}

bool CredentialsForm::keepSignedIn() const
{
    return m_keep->isChecked();
}

void CredentialsForm::setKeepSignedIn(bool keep)
{
    m_keep->setChecked(keep);
}

void CredentialsForm::setBusy(bool busy, const QString& what)
{
    m_server->setEnabled(!busy);
    m_username->setEnabled(!busy);
    m_password->setEnabled(!busy);
    m_keep->setEnabled(!busy);
    m_busy->setVisible(busy);
    m_busyLabel->setText(what);
    m_busyLabel->setVisible(busy && !what.isEmpty());
    if (busy)
        clearError();
}

void CredentialsForm::showError(const QString& message)
{
    m_error->setText(message);
    m_error->show();
}

QString CredentialsForm::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void CredentialsForm::showNotice(const QString& message)
{
    m_notice->setText(message);
    m_notice->show();
}

QString CredentialsForm::noticeText() const
{
    return m_notice->isHidden() ? QString() : m_notice->text();
}

void CredentialsForm::clearError()
{
    m_error->clear();
    m_error->hide();
}

} // namespace chat::client
