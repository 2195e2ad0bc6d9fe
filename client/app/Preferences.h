#pragma once

#include <QString>

namespace chat::client {

// What the Settings dialog changes, kept in QSettings (so per --profile).
struct Preferences {
    enum class Theme { System, Light, Dark };

    QString server; // offered in the sign-in dialogs; used from the next sign-in
    bool popups = true; // a desktop notification for a message out of view
    bool sound = false;
    bool onlyWhenUnfocused = true; // nothing while the window has the focus
    bool startMinimized = false; // to the tray, when the desktop has one
    bool closeToTray = true;
    Theme theme = Theme::System;
    int messageFontPoints = 0; // 0: the system's size

    static Preferences load();
    void save() const;
};

} // namespace chat::client
