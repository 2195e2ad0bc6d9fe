#pragma once

#include "Preferences.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;

namespace chat::client {

// Chat > Settings: server address, notifications, tray, theme and message font size.
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget* parent = nullptr);

    void setPreferences(const Preferences& preferences);
    Preferences preferences() const;

    QLineEdit* serverEdit() const { return m_server; }
    QCheckBox* popupsBox() const { return m_popups; }
    QCheckBox* soundBox() const { return m_sound; }
    QCheckBox* unfocusedBox() const { return m_unfocused; }
    QCheckBox* startMinimizedBox() const { return m_startMinimized; }
    QCheckBox* closeToTrayBox() const { return m_closeToTray; }
    QComboBox* themeBox() const { return m_theme; }
    QSpinBox* fontSizeBox() const { return m_fontSize; }

private:
    QLineEdit* m_server;
    QCheckBox* m_popups;
    QCheckBox* m_sound;
    QCheckBox* m_unfocused;
    QCheckBox* m_startMinimized;
    QCheckBox* m_closeToTray;
    QComboBox* m_theme;
    QSpinBox* m_fontSize;
};

} // namespace chat::client
