#pragma once

#include <QDir>
#include <QString>

namespace chat::client {

// Names of downloaded files: what the server sent is untrusted, so it is cleaned again here (files::sanitizeFileName),
// names that Windows reserves for devices (CON, NUL, COM1 … with any extension) are changed, and nothing already in
// the folder is ever overwritten.
class SafeFileName {
public:
    // A name that is safe to create in any folder on any system.
    static QString clean(const QString& name);
    static bool isReservedOnWindows(const QString& name);
    // `name`, cleaned, in `folder`; "a (1).txt", "a (2).txt" … when the name is taken.
    static QString uniquePathIn(const QDir& folder, const QString& name, int attempt = 0);
};

} // namespace chat::client
