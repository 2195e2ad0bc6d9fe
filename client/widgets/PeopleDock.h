#pragma once

#include <QDockWidget>

class QLineEdit;
class QListView;
class QSortFilterProxyModel;
class QToolButton;

namespace chat::client {

class ChatSession;
class PeopleFilterModel;

// The sidebar: everyone on the server (presence, unread badge, filter box) and the group rooms the user
// is in, with create / join / leave.
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

Q_SIGNALS:
    void createRoomWanted();
    void joinRoomWanted();
    void leaveRoomWanted(qint64 roomId);

private:
    ChatSession* m_session;
    QLineEdit* m_filter;
    QListView* m_people;
    QListView* m_rooms;
    PeopleFilterModel* m_peopleModel;
    QSortFilterProxyModel* m_roomsModel;
    QToolButton* m_leave;
};

} // namespace chat::client
