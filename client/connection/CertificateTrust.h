#pragma once

#include <QLatin1String>
#include <QSslCertificate>
#include <QString>
#include <QUrl>

namespace chat::client {

// Trust on first use, for wss:// servers whose certificate no authority this system trusts has signed (a
// team's own server with a self-signed certificate). The user accepts a certificate by its SHA-256
// fingerprint once per host and port; from then on exactly that certificate is accepted there and any other
// is refused. Certificates that verify against the system's CAs need nothing from here. Kept in QSettings,
// so per profile.
class CertificateTrust {
public:
    enum class Verdict {
        Trusted, // the certificate the user accepted for this host and port
        Unknown, // nothing accepted here yet: ask the user
        Changed, // another certificate was accepted here: refuse
    };

    // Why a connection was refused, as RpcError reasons (the client's own; the server never sends them).
    static constexpr QLatin1String UntrustedReason { "untrusted_certificate" };
    static constexpr QLatin1String ChangedReason { "certificate_changed" };
    // What such an error carries in RpcError::extra: the certificate's fingerprint and "host:port".
    static constexpr QLatin1String FingerprintKey { "fingerprint" };
    static constexpr QLatin1String ServerKey { "server" };

    static QString fingerprintOf(const QSslCertificate& certificate); // "AB:CD:…", SHA-256 of the DER form
    static QString placeOf(const QUrl& server); // "host:port"

    Verdict judge(const QUrl& server, const QSslCertificate& certificate) const;
    void trust(const QUrl& server, const QString& fingerprint);
};

} // namespace chat::client
