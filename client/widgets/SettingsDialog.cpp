#include "SettingsDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

namespace chat::client {

SettingsDialog::SettingsDialog(QWidget* parent)
    : QDialog(parent)
    , m_server(new QLineEdit(this))
    , m_popups(new QCheckBox(tr("Show a &pop-up for new messages"), this))
    , m_sound(new QCheckBox(tr("Play a &sound"), this))
    , m_unfocused(new QCheckBox(tr("Only while the window is &not focused"), this))
    , m_startMinimized(new QCheckBox(tr("Start &minimised to the tray"), this))
    , m_closeToTray(new QCheckBox(tr("&Closing the window keeps Chat in the tray"), this))
    , m_theme(new QComboBox(this))
    , m_fontSize(new QSpinBox(this))
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings — Chat"));
    m_server->setPlaceholderText(tr("ws://chat.example.org:7447"));
    m_server->setToolTip(tr("Used from the next sign-in"));
    m_theme->addItem(tr("System"), int(Preferences::Theme::System));
    m_theme->addItem(tr("Light"), int(Preferences::Theme::Light));
    m_theme->addItem(tr("Dark"), int(Preferences::Theme::Dark));
    m_fontSize->setRange(0, 40);
    m_fontSize->setSpecialValueText(tr("System"));
    m_fontSize->setSuffix(tr(" pt"));

    auto* account = new QFormLayout;
    account->addRow(tr("Ser&ver:"), m_server);
    auto* notifications = new QGroupBox(tr("Notifications"), this);
    auto* notificationsLayout = new QVBoxLayout(notifications);
    for (QCheckBox* box : { m_popups, m_sound, m_unfocused })
        notificationsLayout->addWidget(box);
    auto* window = new QGroupBox(tr("Window"), this);
    auto* windowLayout = new QVBoxLayout(window);
    windowLayout->addWidget(m_startMinimized);
    windowLayout->addWidget(m_closeToTray);
    auto* appearance = new QFormLayout;
    appearance->addRow(tr("&Theme:"), m_theme);
    appearance->addRow(tr("Message &font size:"), m_fontSize);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(account);
    layout->addWidget(notifications);
    layout->addWidget(window);
    layout->addLayout(appearance);
    layout->addWidget(buttons);
}

void SettingsDialog::setPreferences(const Preferences& preferences)
{
    m_server->setText(preferences.server);
    m_popups->setChecked(preferences.popups);
    m_sound->setChecked(preferences.sound);
    m_unfocused->setChecked(preferences.onlyWhenUnfocused);
    m_startMinimized->setChecked(preferences.startMinimized);
    m_closeToTray->setChecked(preferences.closeToTray);
    m_theme->setCurrentIndex(m_theme->findData(int(preferences.theme)));
    m_fontSize->setValue(preferences.messageFontPoints);
}

Preferences SettingsDialog::preferences() const
{
    Preferences preferences;
    preferences.server = m_server->text().trimmed();
    preferences.popups = m_popups->isChecked();
    preferences.sound = m_sound->isChecked();
    preferences.onlyWhenUnfocused = m_unfocused->isChecked();
    preferences.startMinimized = m_startMinimized->isChecked();
    preferences.closeToTray = m_closeToTray->isChecked();
    preferences.theme = Preferences::Theme(m_theme->currentData().toInt());
    preferences.messageFontPoints = m_fontSize->value();
    return preferences;
}

} // namespace chat::client
