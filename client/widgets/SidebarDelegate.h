#pragma once

#include <QStyledItemDelegate>

#include <functional>

namespace chat::client {

// A row of the dock: an optional presence dot, the name, and an unread badge on the right. A muted room
// (notification level "nothing") is dimmed, its badge grey.
class SidebarDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    // onlineRole < 0: the rows have no presence (rooms) and get a '#' glyph's room instead of a dot.
    // avatarIdRole >= 0: each row is a person with that id, shown with their avatar.
    SidebarDelegate(int unreadRole, int onlineRole, int avatarIdRole = -1, QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    void setMutedTest(std::function<bool(const QModelIndex&)> isMuted) { m_isMuted = std::move(isMuted); }

private:
    int m_unreadRole;
    int m_onlineRole;
    int m_avatarIdRole;
    std::function<bool(const QModelIndex&)> m_isMuted;
};

} // namespace chat::client
