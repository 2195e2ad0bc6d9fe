#include "TokenStore.h"

#include "ClientLogging.h"

#include <QPointer>
#include <QSettings>
#include <QTimer>

#include <qt6keychain/keychain.h>

#include <memory>

namespace chat::client {

namespace {
const QString Service = QStringLiteral("chat-client");

// Jobs have no parent: one that answers after this store is gone (a keychain that was slow at exit)
// still finds itself alive and deletes itself.
// A keychain job's answer, or the timeout that stands in for it: whichever comes first counts.
struct Once {
    bool done = false;
    bool claim() { return !std::exchange(done, true); }
};
} // namespace

TokenStore::TokenStore(Backend backend, QObject* parent)
    : QObject(parent)
    , m_backend(backend)
{
}

TokenStore::Backend TokenStore::backendFromEnvironment()
{
    return qEnvironmentVariable("CHAT_CLIENT_TOKEN_STORE") == QLatin1String("settings") ? Backend::Settings
                                                                                        : Backend::Keychain;
}

QString TokenStore::settingsKey(const QString& account)
{
    QString escaped = account;
    escaped.replace(QLatin1Char('/'), QLatin1Char('_'));
    return QStringLiteral("tokens/") + escaped;
}

void TokenStore::fallBack(const QString& why)
{
    qCWarning(lcSession) << "keychain unavailable, using the settings file:" << why;
    if (!std::exchange(m_fellBack, true))
        Q_EMIT keychainUnavailable(why);
}

void TokenStore::load(const QString& account, QObject* context, std::function<void(const QString&)> done)
{
    QPointer<QObject> guard(context);
    const QString key = settingsKey(account);
    if (m_backend == Backend::Settings) {
        const QString token = QSettings().value(key).toString();
        QTimer::singleShot(0, context, [done, token] { done(token); });
        return;
    }
    auto once = std::make_shared<Once>();
    auto* job = new QKeychain::ReadPasswordJob(Service);
    job->setKey(account);
    connect(job, &QKeychain::Job::finished, this, [this, guard, done, once, key](QKeychain::Job* finished) {
        if (!once->claim())
            return;
        auto* read = static_cast<QKeychain::ReadPasswordJob*>(finished);
        QString token = read->error() == QKeychain::NoError ? read->textData() : QString();
        if (read->error() != QKeychain::NoError && read->error() != QKeychain::EntryNotFound)
            fallBack(read->errorString());
        if (token.isEmpty()) // saved there while the keychain was away
            token = QSettings().value(key).toString();
        if (guard)
            done(token);
    });
    QTimer::singleShot(m_timeoutMs, this, [this, guard, done, once, key] {
        if (!once->claim())
            return;
        fallBack(tr("The keychain did not answer within %n second(s).", nullptr, m_timeoutMs / 1000));
        if (guard)
            done(QSettings().value(key).toString());
    });
    job->start();
}

void TokenStore::save(const QString& account, const QString& token)
{
    const QString key = settingsKey(account);
    if (m_backend == Backend::Settings) {
        QSettings().setValue(key, token);
        Q_EMIT saved(account);
        return;
    }
    auto once = std::make_shared<Once>();
    auto toSettings = [this, account, key, token](const QString& why) {
        fallBack(why);
        QSettings().setValue(key, token);
        Q_EMIT saved(account);
    };
    auto* job = new QKeychain::WritePasswordJob(Service);
    job->setKey(account);
    job->setTextData(token);
    connect(job, &QKeychain::Job::finished, this, [this, account, key, once, toSettings](QKeychain::Job* finished) {
        if (!once->claim())
            return;
        if (finished->error() != QKeychain::NoError)
            return toSettings(finished->errorString());
        QSettings().remove(key); // the keychain has it: no copy in a file
        Q_EMIT saved(account);
    });
    QTimer::singleShot(m_timeoutMs, this, [this, once, toSettings] {
        if (once->claim())
            toSettings(tr("The keychain did not answer within %n second(s).", nullptr, m_timeoutMs / 1000));
    });
    job->start();
}

void TokenStore::remove(const QString& account)
{
    QSettings().remove(settingsKey(account));
    if (m_backend == Backend::Settings)
        return;
    auto* job = new QKeychain::DeletePasswordJob(Service);
    job->setKey(account);
    job->start();
}

} // namespace chat::client
