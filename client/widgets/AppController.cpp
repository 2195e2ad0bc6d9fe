#include "AppController.h"

#include "AuthErrorText.h"
#include "CertificatePrompt.h"
#include "ChatSession.h"
#include "CredentialsForm.h"
#include "LoginDialog.h"
#include "MainWindow.h"
#include "Preferences.h"
#include "SignupDialog.h"

#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>

namespace chat::client {

namespace {
const QString ServerKey = QStringLiteral("account/server");
const QString UsernameKey = QStringLiteral("account/username");
const QString KeepKey = QStringLiteral("account/keepSignedIn");
} // namespace

AppController::AppController(TokenStore::Backend tokenBackend, QObject* parent)
    : QObject(parent)
    , m_session(new ChatSession(new ChatConnection(this), this))
    , m_tokens(new TokenStore(tokenBackend, this))
    , m_login(new LoginDialog)
    , m_signup(new SignupDialog)
    , m_window(new MainWindow(m_session))
{
    QSettings settings;
    const QString server = Preferences::load().server; // the last one used, or the default
    m_keepSignedIn = settings.value(KeepKey, true).toBool(); // like every desktop chat app: kept unless unticked
    for (CredentialsForm* form : { m_login->form(), m_signup->form() }) {
        form->setServerText(server);
        form->setKeepSignedIn(m_keepSignedIn);
    }
    m_login->form()->setUsername(settings.value(UsernameKey).toString());

    connect(m_login, &LoginDialog::signInRequested, this,
        [this](const QUrl& url, const params::Credentials& credentials, bool keep) {
            m_keepSignedIn = keep;
            m_resuming = false;
            m_login->setBusy(true);
            m_session->signIn(url, ChatConnection::AuthMode::Login, credentials);
        });
    connect(m_login, &LoginDialog::signupWanted, this, &AppController::showSignup);
    connect(m_login, &LoginDialog::quitRequested, this, &AppController::quitRequested);
    connect(m_signup, &SignupDialog::signupRequested, this,
        [this](const QUrl& url, const params::Credentials& credentials, bool keep) {
            m_keepSignedIn = keep;
            m_resuming = false;
            m_signup->setBusy(true);
            m_session->signIn(url, ChatConnection::AuthMode::Signup, credentials);
        });
    connect(m_signup, &QDialog::rejected, this, [this] { showLogin(); });

    connect(m_session, &ChatSession::signedIn, this, &AppController::onSignedIn);
    connect(m_session, &ChatSession::signInFailed, this, &AppController::onSignInFailed);
    connect(m_session, &ChatSession::certificateRefused, this, &AppController::warnAboutCertificate);
    connect(m_session, &ChatSession::synced, this, [this] {
        if (m_certificateWarning.isEmpty())
            return;
        m_certificateWarning.clear(); // the certificate was put right: the warning no longer holds
        m_window->showNotice({});
        if (auto* box = m_window->findChild<QMessageBox*>(QStringLiteral("certificateWarning")))
            box->close();
    });
    connect(m_session, &ChatSession::signedOut, this, [this](const QString& reason) {
        m_session->reset();
        m_window->retire();
        if (!reason.isEmpty()) {
            m_tokens->remove(account());
            RpcError error;
            error.reason = reason;
            return showLogin(AuthErrorText::describe(error, m_session->serverUrl()));
        }
        showLogin();
    });
    connect(m_tokens, &TokenStore::keychainUnavailable, this, [this] {
        const QString notice = tr("The system keychain is not available, so your session is kept in this "
                                  "app's settings file instead.");
        if (m_window->isVisible())
            m_window->showNotice(notice);
        else
            m_login->form()->showNotice(notice);
    });
    connect(m_window, &MainWindow::logoutRequested, this, &AppController::logout);
    connect(m_window, &MainWindow::preferencesChanged, this, [this](const Preferences& preferences) {
        m_login->form()->setServerText(preferences.server);
        m_signup->form()->setServerText(preferences.server);
    });
    connect(m_window, &MainWindow::quitRequested, this, &AppController::quitRequested);
}

AppController::~AppController()
{
    delete m_window;
    delete m_login;
    delete m_signup;
}

void AppController::offerServer(const QString& address)
{
    m_login->form()->setServerText(address);
    m_signup->form()->setServerText(address);
}

void AppController::start()
{
    QSettings settings;
    const QString username = settings.value(UsernameKey).toString();
    if (!m_keepSignedIn || username.isEmpty())
        return showLogin();
    const QUrl server = m_login->form()->serverUrl();
    if (m_session->showCached(server, username)) {
        // Start instantly: the window paints what the local cache kept while the keychain and the server answer.
        m_resuming = true;
        showMainWindow();
        m_tokens->load(account(), this, [this, server](const QString& token) {
            if (!token.isEmpty())
                return m_session->resumeFromCache(server, token);
            m_resuming = false;
            m_session->reset();
            m_window->retire();
            showLogin();
        });
        return;
    }
    m_login->setBusy(true, tr("Looking for your saved session…"));
    m_login->show();
    m_tokens->load(account(), this, [this](const QString& token) {
        if (token.isEmpty())
            return showLogin();
        m_login->setBusy(true);
        m_resuming = true;
        m_session->resume(m_login->form()->serverUrl(), token);
    });
}

QString AppController::account() const
{
    const QUrl url = m_session->serverUrl().isValid() && !m_session->serverUrl().isEmpty()
        ? m_session->serverUrl()
        : m_login->form()->serverUrl();
    const QString username = m_session->currentUser().username.isEmpty() ? QSettings().value(UsernameKey).toString()
                                                                         : m_session->currentUser().username;
    return username + QLatin1Char('@') + url.host() + QLatin1Char(':') + QString::number(url.port(7447));
}

void AppController::showLogin(const QString& message)
{
    m_signup->hide();
    m_login->setBusy(false);
    m_login->form()->passwordEdit()->clear();
    if (!message.isEmpty())
        m_login->form()->showError(message);
    m_login->show();
    m_login->raise();
    m_login->activateWindow();
    focusLogin();
}

void AppController::focusLogin()
{
    CredentialsForm* form = m_login->form();
    QLineEdit* field = form->usernameEdit()->text().isEmpty() ? form->usernameEdit() : form->passwordEdit();
    field->setFocus();
    field->selectAll();
}

void AppController::showSignup()
{
    m_signup->form()->setServerText(m_login->form()->serverText());
    m_signup->form()->setKeepSignedIn(m_login->form()->keepSignedIn());
    m_signup->form()->clearError();
    m_signup->setBusy(false);
    m_login->hide();
    m_signup->show();
    m_signup->raise();
    m_signup->activateWindow();
    m_signup->form()->usernameEdit()->setFocus();
}

void AppController::onSignedIn()
{
    QSettings settings;
    settings.setValue(ServerKey, m_session->serverUrl().toString());
    settings.setValue(UsernameKey, m_session->currentUser().username);
    settings.setValue(KeepKey, m_keepSignedIn);
    if (m_keepSignedIn)
        m_tokens->save(account(), m_session->token());
    else
        m_tokens->remove(account());
    m_login->form()->setUsername(m_session->currentUser().username);
    m_login->form()->setServerText(m_session->serverUrl().toString());
    m_login->setBusy(false);
    m_signup->setBusy(false);
    m_login->hide();
    m_signup->hide();
    showMainWindow();
}

void AppController::showMainWindow()
{
    m_window->restoreLayout();
    if (m_resuming && m_window->startsInTray())
        return; // started with a saved session: the tray icon is there, its menu or a click opens the window
    m_window->show();
    m_window->raise();
    m_window->activateWindow();
}

void AppController::onSignInFailed(const RpcError& error)
{
    if (error.reason == CertificateTrust::UntrustedReason)
        askToTrustCertificate(error);
    const QString message = AuthErrorText::describe(error, m_session->serverUrl());
    if (m_signup->isVisible()) {
        m_signup->setBusy(false);
        m_signup->form()->showError(message);
        const bool passwordAtFault = error.reason == reason::WeakPassword;
        QLineEdit* field = passwordAtFault ? m_signup->form()->passwordEdit() : m_signup->form()->usernameEdit();
        field->setFocus();
        field->selectAll();
        return;
    }
    if (m_resuming) {
        m_resuming = false;
        if (error.reason == reason::TokenInvalid)
            m_tokens->remove(account());
    }
    m_login->setBusy(false);
    m_login->show();
    m_login->form()->showError(message);
    focusLogin(); // not the next enabled button (Quit), where disabling the fields left it
}

CertificatePrompt* AppController::certificatePrompt() const
{
    return m_certificatePrompt;
}

void AppController::askToTrustCertificate(const RpcError& error)
{
    if (m_certificatePrompt)
        return;
    QWidget* over = m_signup->isVisible() ? static_cast<QWidget*>(m_signup) : m_login;
    const QUrl server = m_session->serverUrl();
    const bool signingUp = m_signup->isVisible();
    const bool resuming = m_resuming;
    const QString fingerprint = error.extra.value(CertificateTrust::FingerprintKey).toString();
    m_certificatePrompt = new CertificatePrompt(CertificateTrust::placeOf(server), fingerprint, error.message, over);
    m_certificatePrompt->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_certificatePrompt, &QMessageBox::accepted, this, [this, server, fingerprint, signingUp, resuming] {
        CertificateTrust().trust(server, fingerprint);
        // Once more, the way it was tried: the same form, or the saved session.
        if (signingUp)
            m_signup->createButton()->click();
        else if (resuming)
            start();
        else
            m_login->signInButton()->click();
    });
    m_certificatePrompt->open();
}

void AppController::warnAboutCertificate(const RpcError& error)
{
    // Every reconnect meets it again: say it once (until a connection succeeds), in a box, as it may be an attack.
    const QString text = AuthErrorText::describe(error, m_session->serverUrl());
    m_window->showNotice(text);
    if (m_certificateWarning == text || !m_window->isVisible())
        return;
    m_certificateWarning = text;
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Certificate changed"), text, QMessageBox::Ok, m_window);
    box->setObjectName(QStringLiteral("certificateWarning"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    box->open();
}

void AppController::logout()
{
    m_tokens->remove(account());
    m_session->signOut();
}

} // namespace chat::client
