#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace chat::client {

// Where "keep me signed in" keeps the session token. The system keychain through QtKeychain (Secret
// Service/KWallet, Windows Credential Manager, macOS Keychain); where none exists QtKeychain's insecure
// fallback writes it to the app's settings file, readable by the user's account only. Settings mode
// skips the keychain entirely (tests, or CHAT_CLIENT_TOKEN_STORE=settings).
class TokenStore : public QObject {
    Q_OBJECT
public:
    enum class Backend { Keychain, Settings };

    explicit TokenStore(Backend backend, QObject* parent = nullptr);
    static Backend backendFromEnvironment();

    // `done` gets the token, or an empty string when none is stored.
    void load(const QString& account, QObject* context, std::function<void(const QString&)> done);
    void save(const QString& account, const QString& token);
    void remove(const QString& account);

    Backend backend() const { return m_backend; }

private:
    static QString settingsKey(const QString& account);
    Backend m_backend;
};

} // namespace chat::client
