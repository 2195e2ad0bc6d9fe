#pragma once

#include <QLocale>
#include <QTranslator>

namespace chat::client {

// The app's translations for a locale, installed into the running application for as long as this
// object lives: Qt's own strings, English plural forms ("1 member", "2 members": the sources say
// "%n member(s)"), and the client's strings in the locale's language when there is a translation.
class Translations {
public:
    explicit Translations(const QLocale& locale = QLocale());
    ~Translations();
    Translations(const Translations&) = delete;
    Translations& operator=(const Translations&) = delete;

private:
    QTranslator m_qt;
    QTranslator m_plurals;
    QTranslator m_client;
};

} // namespace chat::client
