#include "ReactionChips.h"

#include "ColorEmoji.h"

#include <QCoreApplication>
#include <QFontMetrics>
#include <QLocale>
#include <QPainter>
#include <QPalette>

namespace chat::client {

namespace {
constexpr int PaddingX = 7;
constexpr int InnerGap = 5;
constexpr int ChipGap = 6;
constexpr int RowGap = 4;
} // namespace

QFont ReactionChips::emojiFont(const QFont& font)
{
    QFont emoji = font;
    const QString family = emoji::colorFamily();
    if (!family.isEmpty())
        emoji.setFamilies({ family, font.family() });
    return emoji;
}

QFont ReactionChips::countFont(const QFont& font)
{
    QFont count = font;
    count.setPointSizeF(font.pointSizeF() * 0.9);
    count.setBold(true);
    return count;
}

QList<ReactionChips::Chip> ReactionChips::place(
    const QVariantList& reactions, const QFont& font, const QPoint& topLeft, int width)
{
    QList<Chip> chips;
    if (reactions.isEmpty())
        return chips;
    chips.reserve(reactions.size());
    const QFontMetrics emojiMetrics(emojiFont(font));
    const QFontMetrics countMetrics(countFont(font));
    const int height = std::max(emojiMetrics.height(), countMetrics.height()) + 6;
    int x = topLeft.x();
    int y = topLeft.y();
    for (const QVariant& value : reactions) {
        const QVariantMap reaction = value.toMap();
        Chip chip;
        chip.emoji = reaction.value(QStringLiteral("emoji")).toString();
        chip.count = reaction.value(QStringLiteral("count")).toInt();
        chip.names = reaction.value(QStringLiteral("names")).toStringList();
        chip.mine = reaction.value(QStringLiteral("mine")).toBool();
        const int chipWidth = PaddingX + emojiMetrics.horizontalAdvance(chip.emoji) + InnerGap
            + countMetrics.horizontalAdvance(QString::number(chip.count)) + PaddingX;
        if (x > topLeft.x() && x + chipWidth > topLeft.x() + width) {
            x = topLeft.x();
            y += height + RowGap;
        }
        chip.rect = QRect(x, y, chipWidth, height);
        x += chipWidth + ChipGap;
        chips.append(chip);
    }
    return chips;
}

int ReactionChips::heightOf(const QList<Chip>& chips, int top)
{
    return chips.isEmpty() ? 0 : chips.last().rect.bottom() + 1 - top;
}

void ReactionChips::paint(QPainter* painter, const QList<Chip>& chips, const QFont& font, const QPalette& palette,
    const QString& hoveredEmoji)
{
    if (chips.isEmpty())
        return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QFont emoji = emojiFont(font);
    const QFont count = countFont(font);
    const QFontMetrics emojiMetrics(emoji);
    const QColor accent = palette.color(QPalette::Highlight);
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    QColor mineFill = accent;
    mineFill.setAlpha(dark ? 70 : 38);
    const QColor plainFill = palette.color(QPalette::AlternateBase);
    for (const Chip& chip : chips) {
        const QRectF box = QRectF(chip.rect).adjusted(0.5, 0.5, -0.5, -0.5);
        const bool hovered = chip.emoji == hoveredEmoji;
        painter->setPen(QPen(chip.mine ? accent : palette.color(hovered ? QPalette::Dark : QPalette::Mid), 1));
        painter->setBrush(chip.mine ? mineFill : plainFill);
        painter->drawRoundedRect(box, box.height() / 2, box.height() / 2);
        QRect text = chip.rect.adjusted(PaddingX, 0, -PaddingX, 0);
        painter->setFont(emoji);
        painter->setPen(palette.color(QPalette::Text));
        painter->drawText(text, Qt::AlignLeft | Qt::AlignVCenter, chip.emoji);
        text.setLeft(text.left() + emojiMetrics.horizontalAdvance(chip.emoji) + InnerGap);
        painter->setFont(count);
        painter->setPen(chip.mine ? (dark ? accent.lighter(150) : accent.darker(130)) : palette.color(QPalette::Text));
        painter->drawText(text, Qt::AlignLeft | Qt::AlignVCenter, QString::number(chip.count));
    }
    painter->restore();
}

const ReactionChips::Chip* ReactionChips::at(const QList<Chip>& chips, const QPoint& pos)
{
    for (const Chip& chip : chips) {
        if (chip.rect.contains(pos))
            return &chip;
    }
    return nullptr;
}

QString ReactionChips::toolTip(const Chip& chip)
{
    return QCoreApplication::translate("chat::client::ReactionChips", "%1 reacted with %2")
        .arg(QLocale().createSeparatedList(chip.names), chip.emoji);
}

} // namespace chat::client
