#include "CertificateTrust.h"

#include <QSettings>

namespace chat::client {

namespace {
QString settingsKey(const QUrl& server)
{
    // QSettings treats '/' as a group separator and ini files dislike ':' in keys less than '/' in values.
    return QStringLiteral("trustedCertificates/") + CertificateTrust::placeOf(server).replace(u':', u'_');
}
} // namespace

QString CertificateTrust::fingerprintOf(const QSslCertificate& certificate)
{
    return QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
}

QString CertificateTrust::placeOf(const QUrl& server)
{
    return server.host() + QLatin1Char(':') + QString::number(server.port(443));
}

CertificateTrust::Verdict CertificateTrust::judge(const QUrl& server, const QSslCertificate& certificate) const
{
    const QString trusted = QSettings().value(settingsKey(server)).toString();
    if (trusted.isEmpty())
        return Verdict::Unknown;
    return !certificate.isNull() && trusted == fingerprintOf(certificate) ? Verdict::Trusted : Verdict::Changed;
}

void CertificateTrust::trust(const QUrl& server, const QString& fingerprint)
{
    QSettings().setValue(settingsKey(server), fingerprint);
}

} // namespace chat::client
