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

namespace {
// Each drawing on a 24x24 grid with a round 1.8 pen, as the sidebar icon.
void drawAction(QPainter& painter, Icons::Action action, const QColor& ink)
{
    painter.setPen(QPen(ink, 1.8, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.setBrush(Qt::NoBrush);
    QPainterPath path;
    switch (action) {
    case Icons::Action::Reply:
        path.moveTo(10, 5);
        path.lineTo(4, 11);
        path.lineTo(10, 17);
        path.moveTo(4, 11);
        path.lineTo(14, 11);
        path.cubicTo(18, 11, 20, 14, 20, 19);
        painter.drawPath(path);
        break;
    case Icons::Action::React:
        painter.drawEllipse(QPointF(12, 12), 8.5, 8.5);
        painter.setBrush(ink);
        painter.setPen(Qt::NoPen);
        painter.drawEllipse(QPointF(9, 10), 1.3, 1.3);
        painter.drawEllipse(QPointF(15, 10), 1.3, 1.3);
        painter.setPen(QPen(ink, 1.8, Qt::SolidLine, Qt::RoundCap));
        painter.setBrush(Qt::NoBrush);
        painter.drawArc(QRectF(7.5, 9, 9, 7.5), 200 * 16, 140 * 16);
        break;
    case Icons::Action::Edit:
        path.moveTo(4, 20);
        path.lineTo(5, 15.5);
        path.lineTo(15.5, 5);
        path.lineTo(19, 8.5);
        path.lineTo(8.5, 19);
        path.closeSubpath();
        path.moveTo(13, 7.5);
        path.lineTo(16.5, 11);
        painter.drawPath(path);
        break;
    case Icons::Action::Delete:
        painter.drawLine(QPointF(4, 6.5), QPointF(20, 6.5));
        path.moveTo(9, 6.5);
        path.lineTo(9, 4);
        path.lineTo(15, 4);
        path.lineTo(15, 6.5);
        path.moveTo(6, 6.5);
        path.lineTo(7, 20);
        path.lineTo(17, 20);
        path.lineTo(18, 6.5);
        path.moveTo(10, 10);
        path.lineTo(10, 16.5);
        path.moveTo(14, 10);
        path.lineTo(14, 16.5);
        painter.drawPath(path);
        break;
    case Icons::Action::Copy:
        painter.drawRoundedRect(QRectF(8, 8, 12, 12), 2, 2);
        path.moveTo(5, 15.5);
        path.lineTo(4, 15.5);
        path.lineTo(4, 4);
        path.lineTo(15.5, 4);
        path.lineTo(15.5, 5);
        painter.drawPath(path);
        break;
    case Icons::Action::Close:
        painter.drawLine(QPointF(6, 6), QPointF(18, 18));
        painter.drawLine(QPointF(18, 6), QPointF(6, 18));
        break;
    case Icons::Action::Search:
        painter.drawEllipse(QPointF(10.5, 10.5), 6, 6);
        painter.drawLine(QPointF(15, 15), QPointF(20, 20));
        break;
    case Icons::Action::Attach: // a paper clip at 45°: three straight wires joined by half circles
        painter.translate(12, 12);
        painter.rotate(45);
        path.moveTo(6.5, -7.75);
        path.lineTo(6.5, 5.25);
        path.arcTo(QRectF(-6.5, -1.25, 13, 13), 0, -180);
        path.lineTo(-6.5, -7.75);
        path.arcTo(QRectF(-6.5, -11.75, 8, 8), 180, -180);
        path.lineTo(1.5, 5.25);
        path.arcTo(QRectF(-2.5, 3.25, 4, 4), 0, -180);
        path.lineTo(-2.5, -6.75);
        painter.drawPath(path);
        break;
    }
}
} // namespace

QIcon Icons::action(Action action, const QPalette& palette)
{
    QIcon icon;
    for (const QPalette::ColorGroup group : { QPalette::Normal, QPalette::Disabled }) {
        const QColor ink = palette.color(group, QPalette::WindowText);
        for (int size : { 16, 20, 24, 32, 48 }) {
            QPixmap pixmap = canvas(size);
            QPainter painter(&pixmap);
            painter.setRenderHint(QPainter::Antialiasing);
            painter.scale(size / 24.0, size / 24.0);
            drawAction(painter, action, ink);
            icon.addPixmap(pixmap, group == QPalette::Normal ? QIcon::Normal : QIcon::Disabled);
        }
    }
    return icon;
}

} // namespace chat::client
