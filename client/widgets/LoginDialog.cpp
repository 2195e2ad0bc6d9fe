#include "LoginDialog.h"

#include "CredentialsForm.h"

#include "Icons.h"

#include <QDialogButtonBox>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace chat::client {

LoginDialog::LoginDialog(QWidget* parent)
    : QDialog(parent)
    , m_form(new CredentialsForm(this))
{
    setWindowTitle(tr("Sign in — Chat"));
    setWindowIcon(Icons::app());
    setAccessibleName(tr("Sign in"));

    auto* heading = new QLabel(tr("<h2>Welcome back</h2>Sign in to your team's chat server."), this);
    heading->setWordWrap(true);

    auto* buttons = new QDialogButtonBox(this);
    m_signIn = buttons->addButton(tr("&Sign in"), QDialogButtonBox::AcceptRole);
    m_signIn->setDefault(true);
    m_signup = buttons->addButton(tr("&Create account…"), QDialogButtonBox::ActionRole);
    QPushButton* quit = buttons->addButton(QDialogButtonBox::Cancel);
    quit->setText(tr("&Quit"));
    // Only "Sign in" may answer Enter. An auto-default button becomes the default while it has the focus,
    // and while the form is busy the focus falls to Quit, the one button left enabled.
    quit->setAutoDefault(false);
    m_signup->setAutoDefault(false);
    connect(m_signIn, &QPushButton::clicked, this, &LoginDialog::submit);
    connect(m_signup, &QPushButton::clicked, this, &LoginDialog::signupWanted);
    connect(buttons, &QDialogButtonBox::rejected, this, &LoginDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(m_form);
    layout->addWidget(buttons);
    setMinimumWidth(420);
    m_form->usernameEdit()->setFocus();
}

void LoginDialog::setBusy(bool busy, const QString& what)
{
    m_form->setBusy(busy, !busy ? QString() : what.isEmpty() ? tr("Signing in…") : what);
    m_signIn->setEnabled(!busy);
    m_signup->setEnabled(!busy);
}

void LoginDialog::reject()
{
    Q_EMIT quitRequested();
}

void LoginDialog::submit()
{
    const params::Credentials credentials = m_form->credentials();
    if (!m_form->serverUrl().isValid() || m_form->serverText().isEmpty())
        return m_form->showError(tr("Enter the server's address, e.g. ws://chat.example.org:7447."));
    if (credentials.username.isEmpty() || credentials.password.isEmpty())
        return m_form->showError(tr("Enter your username and password."));
    Q_EMIT signInRequested(m_form->serverUrl(), credentials, m_form->keepSignedIn());
}

} // namespace chat::client
