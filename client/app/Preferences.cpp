#include "Preferences.h"

#include <QSettings>

#include <algorithm>

namespace chat::client {

namespace {
const QString ServerKey = QStringLiteral("account/server");
const QString DefaultServer = QStringLiteral("ws://127.0.0.1:7447");
} // namespace

Preferences Preferences::load()
{
    const QSettings settings;
    Preferences preferences;
    preferences.server = settings.value(ServerKey, DefaultServer).toString();
    preferences.popups = settings.value(QStringLiteral("notifications/popups"), true).toBool();
    preferences.sound = settings.value(QStringLiteral("notifications/sound"), false).toBool();
    preferences.onlyWhenUnfocused = settings.value(QStringLiteral("notifications/onlyWhenUnfocused"), true).toBool();
    preferences.startMinimized = settings.value(QStringLiteral("window/startMinimized"), false).toBool();
    preferences.closeToTray = settings.value(QStringLiteral("window/closeToTray"), true).toBool();
    preferences.theme = Theme(std::clamp(settings.value(QStringLiteral("appearance/theme"), 0).toInt(), 0, 2));
    preferences.messageFontPoints
        = std::clamp(settings.value(QStringLiteral("appearance/messageFontPoints"), 0).toInt(), 0, 40);
    return preferences;
}

void Preferences::save() const
{
    QSettings settings;
    settings.setValue(ServerKey, server);
    settings.setValue(QStringLiteral("notifications/popups"), popups);
    settings.setValue(QStringLiteral("notifications/sound"), sound);
    settings.setValue(QStringLiteral("notifications/onlyWhenUnfocused"), onlyWhenUnfocused);
    settings.setValue(QStringLiteral("window/startMinimized"), startMinimized);
    settings.setValue(QStringLiteral("window/closeToTray"), closeToTray);
    settings.setValue(QStringLiteral("appearance/theme"), int(theme));
    settings.setValue(QStringLiteral("appearance/messageFontPoints"), messageFontPoints);
}

} // namespace chat::client
