#include "SidebarDelegate.h"

#include "Avatar.h"

#include <QApplication>
#include <QPainter>

namespace chat::client {

SidebarDelegate::SidebarDelegate(int unreadRole, int onlineRole, int avatarIdRole, QObject* parent)
    : QStyledItemDelegate(parent)
    , m_unreadRole(unreadRole)
    , m_onlineRole(onlineRole)
    , m_avatarIdRole(avatarIdRole)
{
}

QSize SidebarDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const int height = option.fontMetrics.height() + (m_avatarIdRole >= 0 ? 16 : 12);
    return { 160, height };
}

void SidebarDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString name = opt.text;
    opt.text.clear();
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget); // background, selection, focus

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRect rect = option.rect.adjusted(10, 0, -8, 0);
    const bool selected = option.state & QStyle::State_Selected;
    const QPalette::ColorGroup group = option.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
    const bool muted = m_isMuted && m_isMuted(index);
    QColor textColor = option.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    if (muted && !selected)
        textColor = option.palette.color(group, QPalette::PlaceholderText);
    painter->setOpacity(muted && !selected ? 0.75 : 1.0);

    int x = rect.left();
    const int dot = 9;
    if (m_onlineRole >= 0) {
        const bool online = index.data(m_onlineRole).toBool();
        const QRect dotRect(x, rect.center().y() - dot / 2, dot, dot);
        painter->setPen(online ? Qt::NoPen : QPen(option.palette.color(group, QPalette::PlaceholderText), 1.5));
        painter->setBrush(online ? QBrush(QColor(0x2e, 0xa0, 0x43)) : QBrush(Qt::NoBrush));
        painter->drawEllipse(dotRect.adjusted(1, 1, -1, -1));
        x += dot + 8;
    }
    if (m_avatarIdRole >= 0) {
        const int size = option.rect.height() - 8;
        Avatar::paint(
            painter, QRect(x, rect.center().y() - size / 2, size, size), name, index.data(m_avatarIdRole).toLongLong());
        x += size + 8;
    }

    const qint64 unread = index.data(m_unreadRole).toLongLong();
    QFont font = option.font;
    if (unread > 0 && !muted)
        font.setBold(true);
    int right = rect.right();
    if (unread > 0) {
        QFont badgeFont = option.font;
        badgeFont.setBold(true);
        badgeFont.setPointSizeF(badgeFont.pointSizeF() * 0.85);
        const QString count = unread > 99 ? QStringLiteral("99+") : QString::number(unread);
        const QFontMetrics metrics(badgeFont);
        const int height = metrics.height() + 2;
        const int width = std::max(height, metrics.horizontalAdvance(count) + 10);
        const QRect badge(right - width, rect.center().y() - height / 2, width, height);
        painter->setPen(Qt::NoPen);
        const QColor badgeColor
            = muted ? option.palette.color(group, QPalette::PlaceholderText) : QColor(0xd9, 0x3f, 0x3f);
        painter->setBrush(selected ? option.palette.color(group, QPalette::HighlightedText) : badgeColor);
        painter->drawRoundedRect(badge, height / 2.0, height / 2.0);
        painter->setPen(selected ? option.palette.color(group, QPalette::Highlight) : Qt::white);
        painter->setFont(badgeFont);
        painter->drawText(badge, Qt::AlignCenter, count);
        right = badge.left() - 6;
    }

    painter->setFont(font);
    painter->setPen(textColor);
    const QRect textRect(x, rect.top(), right - x, rect.height());
    painter->drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft,
        QFontMetrics(font).elidedText(name, Qt::ElideRight, textRect.width()));
    painter->restore();
}

} // namespace chat::client
