#include "ReplyQuote.h"

#include <QCoreApplication>
#include <QFontMetrics>
#include <QPainter>
#include <QPalette>

namespace chat::client {

namespace {
constexpr int BarWidth = 3;
constexpr int PaddingX = 10;
constexpr int PaddingY = 4;
constexpr int MaxWidth = 520;
} // namespace

QFont ReplyQuote::smallFont(const QFont& font)
{
    QFont small = font;
    small.setPointSizeF(font.pointSizeF() * 0.9);
    return small;
}

QString ReplyQuote::excerptText(const QVariantMap& reply)
{
    if (reply.value(QStringLiteral("deleted")).toBool())
        return QCoreApplication::translate("chat::client::ReplyQuote", "Original message deleted");
    const QString excerpt = reply.value(QStringLiteral("excerpt")).toString();
    const qsizetype newline = excerpt.indexOf(QLatin1Char('\n'));
    return newline < 0 ? excerpt : excerpt.left(newline) + QStringLiteral(" \u2026");
}

QRect ReplyQuote::place(const QVariantMap& reply, const QFont& font, const QPoint& topLeft, int width)
{
    const QFont small = smallFont(font);
    QFont bold = small;
    bold.setBold(true);
    const QFontMetrics metrics(small);
    const int textWidth
        = std::max(QFontMetrics(bold).horizontalAdvance(reply.value(QStringLiteral("sender_name")).toString()),
            metrics.horizontalAdvance(excerptText(reply)));
    const int quoteWidth = std::min({ width, MaxWidth, BarWidth + 2 * PaddingX + textWidth });
    return { topLeft, QSize(quoteWidth, 2 * metrics.height() + 2 * PaddingY) };
}

void ReplyQuote::paint(QPainter* painter, const QRect& rect, const QVariantMap& reply, const QFont& font,
    const QPalette& palette, bool hovered)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    QColor fill = palette.color(QPalette::WindowText);
    fill.setAlpha(hovered ? (dark ? 36 : 22) : (dark ? 22 : 12));
    painter->setPen(Qt::NoPen);
    painter->setBrush(fill);
    painter->drawRoundedRect(rect, 4, 4);
    painter->setBrush(palette.color(QPalette::Highlight));
    painter->drawRoundedRect(QRect(rect.left(), rect.top(), BarWidth, rect.height()), 1.5, 1.5);

    const QFont small = smallFont(font);
    QFont bold = small;
    bold.setBold(true);
    const QFontMetrics metrics(small);
    const QRect text = rect.adjusted(BarWidth + PaddingX, PaddingY, -PaddingX, -PaddingY);
    const QRect senderLine(text.left(), text.top(), text.width(), metrics.height());
    const QRect excerptLine(text.left(), senderLine.bottom() + 1, text.width(), metrics.height());
    painter->setFont(bold);
    painter->setPen(palette.color(QPalette::Text));
    painter->drawText(senderLine, Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetrics(bold).elidedText(
            reply.value(QStringLiteral("sender_name")).toString(), Qt::ElideRight, text.width()));
    QFont excerptFont = small;
    const bool deleted = reply.value(QStringLiteral("deleted")).toBool();
    excerptFont.setItalic(deleted);
    painter->setFont(excerptFont);
    painter->setPen(palette.color(QPalette::PlaceholderText));
    painter->drawText(excerptLine, Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetrics(excerptFont).elidedText(excerptText(reply), Qt::ElideRight, text.width()));
    painter->restore();
}

} // namespace chat::client
