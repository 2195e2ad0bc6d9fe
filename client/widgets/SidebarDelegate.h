#pragma once

#include <QStyledItemDelegate>

namespace chat::client {

// A row of the dock: an optional presence dot, the name, and an unread badge on the right.
class SidebarDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    // onlineRole < 0: the rows have no presence (rooms) and get a '#' glyph's room instead of a dot.
    // avatarIdRole >= 0: each row is a person with that id, shown with their avatar.
    SidebarDelegate(int unreadRole, int onlineRole, int avatarIdRole = -1, QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    int m_unreadRole;
    int m_onlineRole;
    int m_avatarIdRole;
};

} // namespace chat::client
