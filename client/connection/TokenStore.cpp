#include "TokenStore.h"

#include "ClientLogging.h"

#include <QPointer>
#include <QSettings>
#include <QTimer>

#include <qt6keychain/keychain.h>

namespace chat::client {

namespace {
const QString Service = QStringLiteral("chat-client");
}

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

void TokenStore::load(const QString& account, QObject* context, std::function<void(const QString&)> done)
{
    QPointer<QObject> guard(context);
    if (m_backend == Backend::Settings) {
        const QString token = QSettings().value(settingsKey(account)).toString();
        QTimer::singleShot(0, context, [done, token] { done(token); });
        return;
    }
    auto* job = new QKeychain::ReadPasswordJob(Service, this);
    job->setInsecureFallback(true);
    job->setKey(account);
    connect(job, &QKeychain::Job::finished, this, [guard, done](QKeychain::Job* finished) {
        auto* read = static_cast<QKeychain::ReadPasswordJob*>(finished);
        if (read->error() != QKeychain::NoError && read->error() != QKeychain::EntryNotFound)
            qCInfo(lcSession) << "keychain read failed:" << read->errorString();
        if (guard)
            done(read->error() == QKeychain::NoError ? read->textData() : QString());
    });
    job->start();
}

void TokenStore::save(const QString& account, const QString& token)
{
    if (m_backend == Backend::Settings) {
        QSettings().setValue(settingsKey(account), token);
        return;
    }
    auto* job = new QKeychain::WritePasswordJob(Service, this);
    job->setInsecureFallback(true);
    job->setKey(account);
    job->setTextData(token);
    connect(job, &QKeychain::Job::finished, this, [](QKeychain::Job* finished) {
        if (finished->error() != QKeychain::NoError)
            qCWarning(lcSession) << "keychain write failed:" << finished->errorString();
    });
    job->start();
}

void TokenStore::remove(const QString& account)
{
    if (m_backend == Backend::Settings) {
        QSettings().remove(settingsKey(account));
        return;
    }
    auto* job = new QKeychain::DeletePasswordJob(Service, this);
    job->setInsecureFallback(true);
    job->setKey(account);
    job->start();
}

} // namespace chat::client
