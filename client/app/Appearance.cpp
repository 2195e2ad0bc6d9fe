#include "Appearance.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

namespace chat::client {

namespace {
QPalette darkPalette()
{
    QPalette palette;
    const QColor window(0x2b, 0x2d, 0x31);
    const QColor base(0x1e, 0x1f, 0x22);
    const QColor text(0xe6, 0xe6, 0xe6);
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, window);
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, window);
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::ToolTipBase, base);
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::PlaceholderText, QColor(0x8e, 0x90, 0x96));
    palette.setColor(QPalette::Highlight, QColor(0x35, 0x74, 0xf0));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Link, QColor(0x6c, 0xa8, 0xff));
    palette.setColor(QPalette::Mid, QColor(0x4a, 0x4c, 0x52));
    // The bevels of frames and lines: the light default would draw white rules across the dark window.
    palette.setColor(QPalette::Light, QColor(0x45, 0x47, 0x4d));
    palette.setColor(QPalette::Midlight, QColor(0x3a, 0x3c, 0x42));
    palette.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1c));
    palette.setColor(QPalette::Shadow, QColor(0x10, 0x10, 0x12));
    palette.setColor(QPalette::Disabled, QPalette::Text, QColor(0x7a, 0x7c, 0x82));
    palette.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x7a, 0x7c, 0x82));
    palette.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x7a, 0x7c, 0x82));
    return palette;
}
} // namespace

void Appearance::apply(Preferences::Theme theme)
{
    switch (theme) {
    case Preferences::Theme::System:
        QApplication::setPalette(QPalette()); // nothing set: the platform theme's palette
        return;
    case Preferences::Theme::Light:
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(QApplication::style()->standardPalette());
        return;
    case Preferences::Theme::Dark:
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(darkPalette());
        return;
    }
}

} // namespace chat::client
