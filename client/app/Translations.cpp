#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>

namespace chat::client {

Translations::Translations(const QLocale& locale)
{
    if (m_qt.load(
            locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&m_qt);
    // Installed first, so that the locale's own translation (searched first) wins where there is one.
    if (m_plurals.load(QStringLiteral(":/i18n/chat-client_en.qm")))
        QCoreApplication::installTranslator(&m_plurals);
    if (locale.language() != QLocale::English
        && m_client.load(locale, QStringLiteral("chat-client"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&m_client);
}

Translations::~Translations()
{
    QCoreApplication::removeTranslator(&m_client);
    QCoreApplication::removeTranslator(&m_plurals);
    QCoreApplication::removeTranslator(&m_qt);
}

} // namespace chat::client
