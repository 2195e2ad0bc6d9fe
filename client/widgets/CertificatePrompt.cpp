#include "CertificatePrompt.h"

#include <QPushButton>

namespace chat::client {

CertificatePrompt::CertificatePrompt(
    const QString& server, const QString& fingerprint, const QString& details, QWidget* parent)
    : QMessageBox(parent)
    , m_fingerprint(fingerprint)
{
    setObjectName(QStringLiteral("certificatePrompt"));
    setWindowModality(Qt::WindowModal);
    setIcon(QMessageBox::Warning);
    setWindowTitle(tr("Unknown certificate"));
    setText(tr("<b>%1 has a certificate that no authority this computer trusts has signed.</b>")
                .arg(server.toHtmlEscaped()));
    // Grouped in fours on two lines, so that comparing it with the administrator's copy is practical.
    QString grouped = fingerprint;
    grouped.replace(47, 1, QLatin1Char('\n'));
    setInformativeText(tr("That is usual for a team's own server with a self-signed certificate. Trust it only if its "
                          "SHA-256 fingerprint is the one your administrator gave you:\n\n%1\n\nChat will remember "
                          "it and refuse any other certificate from this server.")
                           .arg(grouped));
    setDetailedText(details);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_trust = addButton(tr("&Trust and Connect"), QMessageBox::AcceptRole);
    setDefaultButton(addButton(QMessageBox::Cancel));
}

} // namespace chat::client
