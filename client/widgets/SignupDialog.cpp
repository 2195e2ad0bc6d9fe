#include "SignupDialog.h"

#include "CredentialsForm.h"

#include "Icons.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace chat::client {

SignupDialog::SignupDialog(QWidget* parent)
    : QDialog(parent)
    , m_form(new CredentialsForm(this))
    , m_confirm(new QLineEdit(this))
{
    setWindowTitle(tr("Create account — Chat"));
    setWindowIcon(Icons::app());
    setAccessibleName(tr("Create account"));

    auto* heading = new QLabel(tr("<h2>Create your account</h2>Pick a username your team will recognise."), this);
    heading->setWordWrap(true);
    m_confirm->setEchoMode(QLineEdit::Password);
    m_confirm->setAccessibleName(tr("Repeat password"));
    m_form->addRow(tr("&Repeat password:"), m_confirm);
    m_form->passwordEdit()->setPlaceholderText(tr("At least 8 characters"));
    // The repeat field is added after the form's own widgets: put it back where the eye expects it.
    QWidget::setTabOrder(m_form->passwordEdit(), m_confirm);
    QWidget::setTabOrder(m_confirm, m_form->keepBox());

    auto* buttons = new QDialogButtonBox(this);
    m_create = buttons->addButton(tr("&Create account"), QDialogButtonBox::AcceptRole);
    m_create->setDefault(true);
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancel->setAutoDefault(false); // only "Create account" answers Enter, as in LoginDialog
    connect(m_create, &QPushButton::clicked, this, &SignupDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &SignupDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(m_form);
    layout->addWidget(buttons);
    setMinimumWidth(420);
}

void SignupDialog::setBusy(bool busy)
{
    m_form->setBusy(busy, busy ? tr("Creating your account…") : QString());
    m_confirm->setEnabled(!busy);
    m_create->setEnabled(!busy);
    m_cancel->setEnabled(!busy);
}

void SignupDialog::submit()
{
    const params::Credentials credentials = m_form->credentials();
    if (!m_form->serverUrl().isValid() || m_form->serverText().isEmpty())
        return m_form->showError(tr("Enter the server's address, e.g. ws://chat.example.org:7447."));
    if (credentials.username.isEmpty() || credentials.password.isEmpty())
        return m_form->showError(tr("Choose a username and a password."));
    if (credentials.password != m_confirm->text())
        return m_form->showError(tr("The two passwords do not match."));
    Q_EMIT signupRequested(m_form->serverUrl(), credentials, m_form->keepSignedIn());
}

} // namespace chat::client
