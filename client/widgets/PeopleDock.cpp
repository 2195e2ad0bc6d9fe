#include "PeopleDock.h"

#include "ChatSession.h"
#include "PeopleFilterModel.h"
#include "Protocol.h"
#include "RoomsModel.h"
#include "SidebarDelegate.h"
#include "UsersModel.h"

#include <QActionGroup>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QSortFilterProxyModel>
#include <QToolButton>
#include <QVBoxLayout>

namespace chat::client {

namespace {
QLabel* sectionLabel(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    label->setContentsMargins(4, 6, 0, 2);
    return label;
}

QListView* sidebarList(QWidget* parent)
{
    auto* view = new QListView(parent);
    view->setFrameShape(QFrame::NoFrame);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setUniformItemSizes(true);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    return view;
}
} // namespace

PeopleDock::PeopleDock(ChatSession* session, QWidget* parent)
    : QDockWidget(tr("People"), parent)
    , m_session(session)
    , m_peopleModel(new PeopleFilterModel(this))
    , m_roomsModel(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("peopleDock"));
    setAccessibleName(tr("People and rooms"));
    setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);

    auto* content = new QWidget(this);
    m_filter = new QLineEdit(content);
    m_filter->setPlaceholderText(tr("Filter people…"));
    m_filter->setAccessibleName(tr("Filter people"));
    m_filter->setClearButtonEnabled(true);

    m_peopleModel->setSourceModel(session->users());
    m_people = sidebarList(content);
    m_people->setObjectName(QStringLiteral("peopleView"));
    m_people->setAccessibleName(tr("People"));
    m_people->setModel(m_peopleModel);
    auto* peopleDelegate
        = new SidebarDelegate(UsersModel::UnreadRole, UsersModel::OnlineRole, UsersModel::IdRole, m_people);
    peopleDelegate->setMutedTest([this](const QModelIndex& index) { return isMuted(roomAt(m_people, index)); });
    m_people->setItemDelegate(peopleDelegate);
    connect(m_filter, &QLineEdit::textChanged, m_peopleModel, &QSortFilterProxyModel::setFilterFixedString);

    m_roomsModel->setSourceModel(session->rooms());
    m_roomsModel->setFilterRole(RoomsModel::KindRole);
    m_roomsModel->setFilterFixedString(protocol::roomkind::Group);
    m_roomsModel->setSortRole(RoomsModel::NameRole);
    m_roomsModel->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_roomsModel->setDynamicSortFilter(true);
    m_roomsModel->sort(0);
    m_rooms = sidebarList(content);
    m_rooms->setObjectName(QStringLiteral("roomsView"));
    m_rooms->setAccessibleName(tr("Rooms"));
    m_rooms->setModel(m_roomsModel);
    auto* roomsDelegate = new SidebarDelegate(RoomsModel::UnreadRole, -1, -1, m_rooms);
    roomsDelegate->setMutedTest([this](const QModelIndex& index) { return isMuted(roomAt(m_rooms, index)); });
    m_rooms->setItemDelegate(roomsDelegate);
    for (QListView* view : { m_people, m_rooms }) {
        view->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(
            view, &QWidget::customContextMenuRequested, this, [this, view](const QPoint& pos) { showMenu(view, pos); });
    }
    // A person's row shows their direct room's level: repaint people when a room changes.
    connect(session->rooms(), &QAbstractItemModel::dataChanged, m_people->viewport(), qOverload<>(&QWidget::update));
    auto fitRooms = [this] {
        // As tall as its rooms (up to six), so that people get the rest of the dock.
        const int rows = std::clamp(m_roomsModel->rowCount(), 1, 6);
        const int rowHeight = m_rooms->sizeHintForRow(0) > 0 ? m_rooms->sizeHintForRow(0) : fontMetrics().height() + 12;
        m_rooms->setFixedHeight(rows * rowHeight + 2 * m_rooms->frameWidth() + 2);
    };
    connect(m_roomsModel, &QAbstractItemModel::rowsInserted, this, fitRooms);
    connect(m_roomsModel, &QAbstractItemModel::rowsRemoved, this, fitRooms);
    connect(m_roomsModel, &QAbstractItemModel::modelReset, this, fitRooms);
    connect(m_roomsModel, &QAbstractItemModel::layoutChanged, this, fitRooms);
    fitRooms();

    auto toolButton = [content](const QString& text, const QString& tip) {
        auto* button = new QToolButton(content);
        button->setText(text);
        button->setToolTip(tip);
        button->setAccessibleName(tip);
        button->setAutoRaise(true);
        return button;
    };
    auto* create = toolButton(tr("New"), tr("Create a room"));
    auto* join = toolButton(tr("Join"), tr("Join a room"));
    m_leave = toolButton(tr("Leave"), tr("Leave the selected room"));
    m_leave->setEnabled(false);
    connect(create, &QToolButton::clicked, this, &PeopleDock::createRoomWanted);
    connect(join, &QToolButton::clicked, this, &PeopleDock::joinRoomWanted);
    connect(m_leave, &QToolButton::clicked, this, [this] {
        const QModelIndex current = m_rooms->currentIndex();
        if (current.isValid())
            Q_EMIT leaveRoomWanted(current.data(RoomsModel::IdRole).toLongLong());
    });

    auto* roomsHeader = new QHBoxLayout;
    roomsHeader->addWidget(sectionLabel(tr("Rooms"), content), 1);
    roomsHeader->addWidget(create);
    roomsHeader->addWidget(join);
    roomsHeader->addWidget(m_leave);

    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(4);
    layout->addWidget(m_filter);
    layout->addLayout(roomsHeader);
    layout->addWidget(m_rooms);
    layout->addWidget(sectionLabel(tr("People"), content));
    layout->addWidget(m_people, 1);
    setWidget(content);

    auto openUser = [this](const QModelIndex& index) {
        m_rooms->clearSelection();
        m_session->openDirect(index.data(UsersModel::IdRole).toLongLong());
    };
    auto openRoom = [this](const QModelIndex& index) {
        m_people->clearSelection();
        m_session->openRoom(index.data(RoomsModel::IdRole).toLongLong());
    };
    connect(m_people, &QListView::clicked, this, openUser);
    connect(m_people, &QListView::activated, this, openUser);
    connect(m_rooms, &QListView::clicked, this, openRoom);
    connect(m_rooms, &QListView::activated, this, openRoom);
    connect(m_rooms->selectionModel(), &QItemSelectionModel::currentChanged, this,
        [this](const QModelIndex& current) { m_leave->setEnabled(current.isValid()); });
    connect(m_session, &ChatSession::activeRoomChanged, this, &PeopleDock::selectRoom);
    // A newly created/joined room may arrive after it became active, and every sync (sign-in, reconnect)
    // resets both lists, which drops their selection: highlight the open conversation again each time.
    auto reselect = [this] { selectRoom(m_session->activeRoom()); };
    connect(m_roomsModel, &QAbstractItemModel::rowsInserted, this, reselect);
    connect(m_roomsModel, &QAbstractItemModel::modelReset, this, reselect);
    connect(m_peopleModel, &QAbstractItemModel::rowsInserted, this, reselect);
    connect(m_peopleModel, &QAbstractItemModel::modelReset, this, reselect);
}

QModelIndex PeopleDock::indexOfUser(qint64 userId) const
{
    for (int row = 0; row < m_peopleModel->rowCount(); ++row) {
        const QModelIndex index = m_peopleModel->index(row, 0);
        if (index.data(UsersModel::IdRole).toLongLong() == userId)
            return index;
    }
    return {};
}

QModelIndex PeopleDock::indexOfRoom(qint64 roomId) const
{
    for (int row = 0; row < m_roomsModel->rowCount(); ++row) {
        const QModelIndex index = m_roomsModel->index(row, 0);
        if (index.data(RoomsModel::IdRole).toLongLong() == roomId)
            return index;
    }
    return {};
}

void PeopleDock::openAdjacent(int step)
{
    // One list as the dock shows it: rooms, then people. A person stands for the direct room with them.
    struct Entry {
        qint64 roomId;
        qint64 userId;
    };
    QList<Entry> entries;
    for (int row = 0; row < m_roomsModel->rowCount(); ++row)
        entries.append({ m_roomsModel->index(row, 0).data(RoomsModel::IdRole).toLongLong(), 0 });
    for (int row = 0; row < m_peopleModel->rowCount(); ++row)
        entries.append({ 0, m_peopleModel->index(row, 0).data(UsersModel::IdRole).toLongLong() });
    if (entries.isEmpty())
        return;
    const qint64 active = m_session->activeRoom();
    const qint64 peer = m_session->rooms()->peerOf(active);
    qsizetype current = -1;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        if ((peer && entries.at(i).userId == peer) || (!peer && active && entries.at(i).roomId == active))
            current = i;
    }
    const qsizetype count = entries.size();
    const qsizetype next = current < 0 ? (step > 0 ? 0 : count - 1) : ((current + step) % count + count) % count;
    const Entry& entry = entries.at(next);
    if (entry.roomId)
        m_session->openRoom(entry.roomId);
    else
        m_session->openDirect(entry.userId);
}

qint64 PeopleDock::roomAt(QListView* view, const QModelIndex& index) const
{
    if (!index.isValid())
        return 0;
    if (view == m_rooms)
        return index.data(RoomsModel::IdRole).toLongLong();
    return m_session->rooms()->directRoomWith(index.data(UsersModel::IdRole).toLongLong());
}

bool PeopleDock::isMuted(qint64 roomId) const
{
    return roomId && m_session->notifyLevel(roomId) == protocol::notify::None;
}

QMenu* PeopleDock::menuForRoom(qint64 roomId)
{
    auto* menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("roomMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addSection(tr("Notify me about"));
    auto* levels = new QActionGroup(menu);
    const QString current = roomId ? m_session->notifyLevel(roomId) : QString();
    const QList<std::pair<QString, QString>> choices = { { protocol::notify::All, tr("&All messages") },
        { protocol::notify::Mentions, tr("&Mentions only") }, { protocol::notify::None, tr("&Nothing (mute)") } };
    for (const auto& [level, text] : choices) {
        QAction* action = menu->addAction(text);
        action->setObjectName(QStringLiteral("notify-") + level);
        action->setCheckable(true);
        action->setChecked(level == current);
        action->setEnabled(roomId != 0 && m_session->hasFeature(protocol::feature::Notify)); // 0: no direct room yet
        action->setActionGroup(levels);
        connect(action, &QAction::triggered, this,
            [this, roomId, level = level] { m_session->setNotifyLevel(roomId, level); });
    }
    const Room* room = roomId ? m_session->rooms()->room(roomId) : nullptr;
    if (room && room->kind == Room::Kind::Group) {
        menu->addSeparator();
        connect(menu->addAction(tr("&Leave room…")), &QAction::triggered, this,
            [this, roomId] { Q_EMIT leaveRoomWanted(roomId); });
    }
    return menu;
}

void PeopleDock::showMenu(QListView* view, const QPoint& pos)
{
    const QModelIndex index = view->indexAt(pos);
    if (!index.isValid())
        return;
    menuForRoom(roomAt(view, index))->popup(view->viewport()->mapToGlobal(pos));
}

void PeopleDock::selectRoom(qint64 roomId)
{
    const qint64 peer = m_session->rooms()->peerOf(roomId);
    const QModelIndex user = peer ? indexOfUser(peer) : QModelIndex();
    const QModelIndex room = peer ? QModelIndex() : indexOfRoom(roomId);
    if (user.isValid())
        m_people->setCurrentIndex(user);
    else
        m_people->clearSelection();
    if (room.isValid())
        m_rooms->setCurrentIndex(room);
    else
        m_rooms->clearSelection();
}

} // namespace chat::client
