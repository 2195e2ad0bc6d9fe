#include "AuthErrorText.h"

#include "CertificateTrust.h"
#include "Protocol.h"

namespace chat::client {

QString AuthErrorText::describe(const RpcError& error, const QUrl& server)
{
    const QString& why = error.reason;
    if (why == reason::BadCredentials)
        return tr("Wrong username or password.");
    if (why == reason::UsernameTaken)
        return tr("That username is already taken. Please choose another one.");
    if (why == reason::WeakPassword)
        return tr("That password is too weak: %1").arg(error.message);
    if (why == reason::InvalidUsername)
        return tr("That username cannot be used: %1").arg(error.message);
    if (why == reason::AccountDisabled)
        return tr("This account has been disabled. Ask the server's administrator.");
    if (why == protocol::revoked::PasswordChanged)
        return tr("Your password was changed, so you were signed out everywhere. Sign in with the new one.");
    if (why == reason::TokenInvalid)
        return tr("Your saved session has expired. Please sign in again.");
    if (why == reason::RateLimited) {
        const qint64 seconds = (error.extra.value(protocol::key::RetryAfterMs).toInteger(1000) + 999) / 1000;
        return tr("Too many attempts. Please try again in %n second(s).", nullptr, int(seconds));
    }
    if (why == reason::Unavailable)
        return tr("Cannot reach the server at %1. Check the address and that the server is running.")
            .arg(server.toDisplayString());
    if (why == CertificateTrust::UntrustedReason)
        return tr("The certificate of %1 is not signed by an authority this computer trusts (%2).")
            .arg(error.extra.value(CertificateTrust::ServerKey).toString(), error.message);
    if (why == CertificateTrust::ChangedReason)
        return tr("The certificate of %1 has changed since you trusted it, so Chat did not connect. Someone may be "
                  "intercepting the connection. If your administrator replaced the certificate, compare its "
                  "fingerprint with theirs: %2")
            .arg(error.extra.value(CertificateTrust::ServerKey).toString(),
                error.extra.value(CertificateTrust::FingerprintKey).toString());
    if (why == reason::InvalidParams)
        return tr("The server refused the request: %1").arg(error.message);
    return error.message.isEmpty() ? tr("Something went wrong (%1).").arg(why) : error.message;
}

} // namespace chat::client
