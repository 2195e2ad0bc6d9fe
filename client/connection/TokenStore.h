#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace chat::client {

// Where "keep me signed in" keeps the session token: the system keychain through QtKeychain (Secret
// Service/KWallet, Windows Credential Manager, macOS Keychain). A keychain that fails, is missing or does
// not answer within keychainTimeoutMs() never blocks signing in: the token goes to the app's settings
// file instead (readable by the user's account only), and keychainUnavailable() says so once.
// Settings mode skips the keychain entirely (tests, or CHAT_CLIENT_TOKEN_STORE=settings).
class TokenStore : public QObject {
    Q_OBJECT
public:
    enum class Backend { Keychain, Settings };
    static constexpr int DefaultKeychainTimeoutMs = 3000;

    explicit TokenStore(Backend backend, QObject* parent = nullptr);
    static Backend backendFromEnvironment();

    // `done` gets the token, or an empty string when none is stored.
    void load(const QString& account, QObject* context, std::function<void(const QString&)> done);
    void save(const QString& account, const QString& token);
    void remove(const QString& account);

    Backend backend() const { return m_backend; }
    int keychainTimeoutMs() const { return m_timeoutMs; }
    void setKeychainTimeoutMs(int ms) { m_timeoutMs = ms; }

Q_SIGNALS:
    void saved(const QString& account); // in the keychain or, after a fallback, in the settings file
    void keychainUnavailable(const QString& why); // the first time this run falls back to the settings file

private:
    void fallBack(const QString& why);
    static QString settingsKey(const QString& account);

    Backend m_backend;
    int m_timeoutMs = DefaultKeychainTimeoutMs;
    bool m_fellBack = false;
};

} // namespace chat::client
