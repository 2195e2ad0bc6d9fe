#pragma once

#include "Params.h"

#include <QDialog>
#include <QUrl>

class QLineEdit;
class QPushButton;

namespace chat::client {

class CredentialsForm;

// Create an account on a server; signs in on success.
class SignupDialog : public QDialog {
    Q_OBJECT
public:
    explicit SignupDialog(QWidget* parent = nullptr);

    CredentialsForm* form() const { return m_form; }
    QLineEdit* confirmEdit() const { return m_confirm; }
    QPushButton* createButton() const { return m_create; }
    void setBusy(bool busy);

Q_SIGNALS:
    void signupRequested(const QUrl& server, const chat::params::Credentials& credentials, bool keepSignedIn);

private:
    void submit();

    CredentialsForm* m_form;
    QLineEdit* m_confirm;
    QPushButton* m_create;
    QPushButton* m_cancel;
};

} // namespace chat::client
