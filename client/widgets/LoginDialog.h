#pragma once

#include "Params.h"

#include <QDialog>
#include <QUrl>

class QPushButton;

namespace chat::client {

class CredentialsForm;

// Sign in with a username and password. Stays open while busy; the controller closes it on success or
// shows the server's reason inline.
class LoginDialog : public QDialog {
    Q_OBJECT
public:
    explicit LoginDialog(QWidget* parent = nullptr);

    CredentialsForm* form() const { return m_form; }
    QPushButton* signInButton() const { return m_signIn; }
    QPushButton* signupButton() const { return m_signup; }
    void setBusy(bool busy, const QString& what = {}); // "Signing in…" unless told what

Q_SIGNALS:
    void signInRequested(const QUrl& server, const chat::params::Credentials& credentials, bool keepSignedIn);
    void signupWanted();
    void quitRequested();

protected:
    void reject() override;

private:
    void submit();

    CredentialsForm* m_form;
    QPushButton* m_signIn;
    QPushButton* m_signup;
};

} // namespace chat::client
