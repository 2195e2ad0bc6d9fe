#include "AdminEventTail.h"

#include "store/Store.h"

#include <QLoggingCategory>

namespace chat::server {

Q_DECLARE_LOGGING_CATEGORY(lcEvents)

namespace {

struct ReadEvent {
    AdminEvent event;
    std::optional<UserRecord> user;
    QList<RoomRecord> rooms; // user.added: the rooms the account joined
};

constexpr int BatchSize = 100;

QList<ClusterEvent> clusterEventsOf(const ReadEvent& read)
{
    if (!read.user)
        return {};
    const UserRecord& user = *read.user;
    const QString kind = read.event.kind;
    if (kind == adminevent::UserAdded) {
        QList<ClusterEvent> events { events::userAdded(user) };
        for (const RoomRecord& room : read.rooms)
            events.append(events::roomChanged(room));
        return events;
    }
    if (kind == adminevent::UserDisabled)
        return { events::userChanged(user), events::sessionsRevoked(user.id, revocation::AccountDisabled) };
    if (kind == adminevent::UserEnabled)
        return { events::userChanged(user) };
    if (kind == adminevent::PasswordChanged)
        return { events::sessionsRevoked(user.id, revocation::PasswordChanged) };
    return {};
}

} // namespace

AdminEventTail::AdminEventTail(Store& store, Apply apply, QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_apply(std::move(apply))
{
    m_timer.setInterval(PollIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &AdminEventTail::poll);
}

void AdminEventTail::start(qint64 afterId)
{
    m_lastSeenId = afterId;
    m_timer.start();
}

void AdminEventTail::stop()
{
    m_timer.stop();
}

void AdminEventTail::poll()
{
    if (m_polling)
        return;
    m_polling = true;
    const qint64 after = m_lastSeenId;
    m_store.read<QList<ReadEvent>>(
        [after](StoreDb& db) -> StoreDb::Result<QList<ReadEvent>> {
            auto rows = db.adminEventsAfter(after, BatchSize);
            if (!rows)
                return rows.error();
            QList<ReadEvent> read;
            for (const AdminEvent& row : std::as_const(*rows)) {
                auto user = db.userById(row.userId);
                if (!user)
                    return user.error();
                ReadEvent entry { row, *user, {} };
                if (row.kind == adminevent::UserAdded) {
                    auto rooms = db.roomsOf(row.userId);
                    if (!rooms)
                        return rooms.error();
                    entry.rooms = *rooms;
                }
                read.append(entry);
            }
            return read;
        },
        this,
        [this](StoreDb::Result<QList<ReadEvent>> read) {
            m_polling = false;
            if (!read) {
                qCWarning(lcEvents) << "cannot read admin events:" << read.error().message;
                return; // the next tick tries again
            }
            for (const ReadEvent& entry : std::as_const(*read)) {
                m_lastSeenId = entry.event.id;
                qCInfo(lcEvents) << "admin change" << entry.event.kind << "of user" << entry.event.userId;
                const QList<ClusterEvent> events = clusterEventsOf(entry);
                for (const ClusterEvent& event : events)
                    m_apply(event);
            }
            if (read->size() == BatchSize)
                poll();
        });
}

} // namespace chat::server
