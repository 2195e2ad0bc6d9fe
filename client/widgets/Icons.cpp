#include "Icons.h"

#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QPixmap>

namespace chat::client {

namespace {
QPixmap canvas(int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    return pixmap;
}
} // namespace

QIcon Icons::app()
{
    QIcon icon;
    for (int size : { 16, 24, 32, 48, 64, 128 }) {
        QPixmap pixmap = canvas(size);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.scale(size / 64.0, size / 64.0);
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(0x35, 0x84, 0xe4));
        painter.drawRoundedRect(QRectF(4, 6, 48, 36), 9, 9);
        painter.drawPolygon(QPolygonF({ QPointF(14, 40), QPointF(12, 54), QPointF(26, 40) }));
        painter.setBrush(QColor(0x2e, 0xc2, 0x7e));
        painter.drawRoundedRect(QRectF(20, 20, 40, 30), 8, 8);
        painter.drawPolygon(QPolygonF({ QPointF(48, 48), QPointF(52, 60), QPointF(40, 48) }));
        painter.setBrush(Qt::white);
        for (int x : { 30, 40, 50 })
            painter.drawEllipse(QPointF(x, 35), 3, 3);
        icon.addPixmap(pixmap);
    }
    return icon;
}

QIcon Icons::sidebar(const QPalette& palette)
{
    QIcon icon;
    const QColor ink = palette.color(QPalette::WindowText);
    for (int size : { 16, 22, 24, 32, 48 }) {
        QPixmap pixmap = canvas(size);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.scale(size / 24.0, size / 24.0);
        painter.setPen(QPen(ink, 1.8));
        painter.setBrush(Qt::NoBrush);
        painter.drawRoundedRect(QRectF(2, 3, 20, 18), 2.5, 2.5);
        painter.setPen(Qt::NoPen);
        painter.setBrush(ink);
        painter.drawRoundedRect(QRectF(2, 3, 7, 18), 2, 2);
        painter.drawEllipse(QPointF(15.5, 10), 2.4, 2.4);
        QPainterPath shoulders;
        shoulders.moveTo(11.5, 17);
        shoulders.arcTo(QRectF(11.5, 13.8, 8, 6.4), 180, -180);
        shoulders.closeSubpath();
        painter.drawPath(shoulders);
        icon.addPixmap(pixmap);
    }
    return icon;
}

} // namespace chat::client
