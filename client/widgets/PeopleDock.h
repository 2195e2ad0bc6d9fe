#pragma once

#include <QDockWidget>

class QLineEdit;
class QListView;
class QMenu;
class QSortFilterProxyModel;
class QToolButton;

namespace chat::client {

class ChatSession;
class PeopleFilterModel;

// The sidebar: everyone on the server (presence, unread badge, filter box) and the group rooms the user
// is in, with create / join / leave. Each conversation's context menu sets its notification level (all
// messages, mentions only, nothing); muted ones are dimmed.
class PeopleDock : public QDockWidget {
    Q_OBJECT
public:
    explicit PeopleDock(ChatSession* session, QWidget* parent = nullptr);

    QLineEdit* filterEdit() const { return m_filter; }
    QListView* peopleView() const { return m_people; }
    QListView* roomsView() const { return m_rooms; }
    QModelIndex indexOfUser(qint64 userId) const; // in peopleView's model; invalid when filtered out
    QModelIndex indexOfRoom(qint64 roomId) const; // in roomsView's model

    void selectRoom(qint64 roomId);
    void openAdjacent(int step); // the conversation `step` rows below the open one (rooms, then people), wrapping
    QMenu* menuForRoom(qint64 roomId); // the context menu of a conversation (the caller shows it)
    bool isMuted(qint64 roomId) const;

Q_SIGNALS:
    void createRoomWanted();
    void joinRoomWanted();
    void leaveRoomWanted(qint64 roomId);

private:
    void showMenu(QListView* view, const QPoint& pos);
    qint64 roomAt(QListView* view, const QModelIndex& index) const; // a person's row stands for the direct room

    ChatSession* m_session;
    QLineEdit* m_filter;
    QListView* m_people;
    QListView* m_rooms;
    PeopleFilterModel* m_peopleModel;
    QSortFilterProxyModel* m_roomsModel;
    QToolButton* m_leave;
};

} // namespace chat::client
