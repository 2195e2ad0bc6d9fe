#include "Avatar.h"

#include <QPainter>
#include <QRegularExpression>

namespace chat::client {

QString Avatar::initialsOf(const QString& name)
{
    static const QRegularExpression separators(QStringLiteral("[\\s._\\-]+"));
    const QStringList words = name.split(separators, Qt::SkipEmptyParts);
    QString initials;
    for (const QString& word : words) {
        initials += word.at(0).toUpper();
        if (initials.size() == 2)
            break;
    }
    return initials.isEmpty() ? QStringLiteral("?") : initials;
}

QColor Avatar::colorOf(qint64 userId)
{
    // Hues spread by the golden angle: neighbouring ids get clearly different colours.
    const int hue = int((quint64(userId) * 137) % 360);
    return QColor::fromHsl(hue, 140, 105);
}

void Avatar::paint(QPainter* painter, const QRect& rect, const QString& name, qint64 userId)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(colorOf(userId));
    painter->drawEllipse(rect);
    QFont font = painter->font();
    font.setBold(true);
    font.setPixelSize(std::max(6, rect.height() * 2 / 5));
    painter->setFont(font);
    painter->setPen(Qt::white);
    painter->drawText(rect, Qt::AlignCenter, initialsOf(name));
    painter->restore();
}

} // namespace chat::client
