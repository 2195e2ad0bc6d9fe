#pragma once

#include <QMessageBox>

namespace chat::client {

// Asks whether to trust a server's certificate that no authority this computer trusts has signed,
// showing its SHA-256 fingerprint to compare with the one the server's administrator gives out.
// Window-modal and non-blocking: open() it and watch accepted()/rejected().
class CertificatePrompt : public QMessageBox {
    Q_OBJECT
public:
    CertificatePrompt(const QString& server, const QString& fingerprint, const QString& details, QWidget* parent);

    QAbstractButton* trustButton() const { return m_trust; }
    QString fingerprint() const { return m_fingerprint; }

private:
    QAbstractButton* m_trust;
    QString m_fingerprint;
};

} // namespace chat::client
