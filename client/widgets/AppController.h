#pragma once

#include "ChatSession.h"
#include "TokenStore.h"

#include <QObject>
#include <QPointer>

namespace chat::client {

class CertificatePrompt;
class LoginDialog;
class MainWindow;
class SignupDialog;

// Which window shows when: the saved session or the login dialog at start, the main window once signed
// in, the login dialog again after logging out or when the server no longer accepts the saved token.
class AppController : public QObject {
    Q_OBJECT
public:
    explicit AppController(TokenStore::Backend tokenBackend, QObject* parent = nullptr);
    ~AppController() override;

    void start();
    void offerServer(const QString& address); // prefills the dialogs (command line); the remembered one otherwise

    ChatConnection* connection() const { return m_session->connection(); } // tests
    ChatSession* session() const { return m_session; }
    LoginDialog* loginDialog() const { return m_login; }
    SignupDialog* signupDialog() const { return m_signup; }
    TokenStore* tokenStore() const { return m_tokens; }
    MainWindow* mainWindow() const { return m_window; }
    CertificatePrompt* certificatePrompt() const; // open while it asks

Q_SIGNALS:
    void quitRequested();

private:
    void showLogin(const QString& message = {});
    void showSignup();
    void focusLogin();
    void onSignedIn();
    void showMainWindow();
    void onSignInFailed(const chat::RpcError& error);
    void askToTrustCertificate(const chat::RpcError& error);
    void warnAboutCertificate(const chat::RpcError& error); // while reconnecting
    void logout();
    QString account() const;

    ChatSession* m_session;
    TokenStore* m_tokens;
    LoginDialog* m_login;
    SignupDialog* m_signup;
    MainWindow* m_window;
    bool m_keepSignedIn = false;
    bool m_resuming = false;
    QPointer<CertificatePrompt> m_certificatePrompt;
    QString m_certificateWarning; // shown since the last successful sync
};

} // namespace chat::client
