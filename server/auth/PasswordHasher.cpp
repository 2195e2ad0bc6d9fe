#include "PasswordHasher.h"

#include <QByteArray>
#include <QMetaObject>

#include <QThread>

#include <sodium.h>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace chat::server {

namespace {
constexpr unsigned long long OpsLimit = 2;
constexpr size_t MemLimit = 19 * 1024 * 1024;

// Hashing yields the core to the socket thread: a login storm slows logins, not the chat. Nice 10, not
// SCHED_IDLE, so logins still progress on a fully loaded machine.
void yieldToSocketThread()
{
    thread_local bool lowered = false;
    if (lowered)
        return;
    lowered = true;
#ifdef Q_OS_LINUX
    setpriority(PRIO_PROCESS, id_t(gettid()), 10); // Linux: a thread's nice value is its own
#else
    QThread::currentThread()->setPriority(QThread::LowPriority);
#endif
}

} // namespace

PasswordHasher::PasswordHasher(int threads, QObject* parent)
    : QObject(parent)
{
    initialize();
    if (threads > 0)
        m_pool.setMaxThreadCount(threads);
    m_pool.setObjectName(QStringLiteral("password-hasher"));
}

PasswordHasher::~PasswordHasher()
{
    m_pool.waitForDone();
}

bool PasswordHasher::initialize()
{
    return sodium_init() >= 0;
}

QString PasswordHasher::hash(const QString& password)
{
    const QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, utf8.constData(), utf8.size(), OpsLimit, MemLimit, crypto_pwhash_ALG_ARGON2ID13)
        != 0)
        return {};
    return QString::fromLatin1(out);
}

bool PasswordHasher::verify(const QString& encodedHash, const QString& password)
{
    const QByteArray stored = encodedHash.toLatin1();
    const QByteArray utf8 = password.toUtf8();
    return crypto_pwhash_str_verify(stored.constData(), utf8.constData(), utf8.size()) == 0;
}

const QString& PasswordHasher::decoyHash()
{
    static const QString decoy = [] {
        initialize();
        unsigned char random[24];
        randombytes_buf(random, sizeof random);
        return hash(QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(random), sizeof random).toHex()));
    }();
    return decoy;
}

void PasswordHasher::hashAsync(const QString& password, QObject* context, std::function<void(QString)> done)
{
    QPointer<QObject> guard(context);
    m_pool.start([this, password, guard, done = std::move(done)] {
        yieldToSocketThread();
        QString encoded = hash(password);
        answer([guard, done, encoded] {
            if (guard)
                done(encoded);
        });
    });
}

void PasswordHasher::verifyAsync(
    const QString& encodedHash, const QString& password, QObject* context, std::function<void(bool)> done)
{
    QPointer<QObject> guard(context);
    m_pool.start([this, encodedHash, password, guard, done = std::move(done)] {
        yieldToSocketThread();
        const bool matches = verify(encodedHash, password);
        answer([guard, done, matches] {
            if (guard)
                done(matches);
        });
    });
}

// The hasher lives on the caller's thread, and `context` is checked there, where it can be deleted.
void PasswordHasher::answer(std::function<void()> call)
{
    QMetaObject::invokeMethod(this, std::move(call), Qt::QueuedConnection);
}

} // namespace chat::server
