#pragma once

#include "Params.h"

#include <QUrl>
#include <QWidget>

class QCheckBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QProgressBar;

namespace chat::client {

// The fields both sign-in dialogs share: server address, username, password, "keep me signed in",
// an inline error line and a busy indicator.
class CredentialsForm : public QWidget {
    Q_OBJECT
public:
    explicit CredentialsForm(QWidget* parent = nullptr);

    QUrl serverUrl() const; // ws:// is assumed when no scheme is typed
    QString serverText() const;
    void setServerText(const QString& text);
    params::Credentials credentials() const;
    void setUsername(const QString& username);
    bool keepSignedIn() const;
    void setKeepSignedIn(bool keep);

    void setBusy(bool busy, const QString& what = {});
    void showError(const QString& message);
    QString errorText() const;
    void clearError();
    void showNotice(const QString& message); // information, not an error
    QString noticeText() const;

    QLineEdit* usernameEdit() const { return m_username; }
    QLineEdit* passwordEdit() const { return m_password; }
    QLineEdit* serverEdit() const { return m_server; }
    QCheckBox* keepBox() const { return m_keep; }
    void addRow(const QString& label, QWidget* field);

private:
    QLineEdit* m_server;
    QLineEdit* m_username;
    QLineEdit* m_password;
    QCheckBox* m_keep;
    QLabel* m_error;
    QLabel* m_notice;
    QLabel* m_busyLabel;
    QProgressBar* m_busy;
    QFormLayout* m_form;
};

} // namespace chat::client
