#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QThreadPool>

#include <functional>

namespace chat::server {

// Argon2id through libsodium (OWASP parameters: 19 MiB, 2 passes). Hashing is deliberately slow, so the
// asynchronous calls run on a pool of their own and answer on the caller's thread through `context`.
class PasswordHasher : public QObject {
    Q_OBJECT
public:
    explicit PasswordHasher(int threads = 0, QObject* parent = nullptr);
    ~PasswordHasher() override;

    static bool initialize(); // sodium_init(); true when the library is usable
    static QString hash(const QString& password); // empty on failure (out of memory)
    static bool verify(const QString& encodedHash, const QString& password);
    // A valid hash of a random password: verifying against it costs the same as a real account,
    // so a login for an unknown user takes as long as one with a wrong password.
    static const QString& decoyHash();

    void hashAsync(const QString& password, QObject* context, std::function<void(QString hash)> done);
    void verifyAsync(
        const QString& encodedHash, const QString& password, QObject* context, std::function<void(bool matches)> done);

private:
    void answer(std::function<void()> call);

    QThreadPool m_pool;
};

} // namespace chat::server
