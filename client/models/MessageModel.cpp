#include "MessageModel.h"

#include "ChatConnection.h"
#include "Params.h"
#include "Protocol.h"
#include "UsersModel.h"

#include <QJsonArray>

namespace chat::client {

namespace key = protocol::key;

namespace {
constexpr qint64 GroupPauseMs = 5 * 60 * 1000;

QList<Message> messagesOf(const QJsonObject& result)
{
    QList<Message> messages;
    const QJsonArray array = result.value(key::Messages).toArray();
    messages.reserve(array.size());
    for (const QJsonValue& value : array)
        messages.append(Message::fromJson(value.toObject()));
    return messages;
}
} // namespace

MessageModel::MessageModel(qint64 roomId, ChatConnection* connection, const UsersModel* users, QObject* parent)
    : QAbstractListModel(parent)
    , m_roomId(roomId)
    , m_connection(connection)
    , m_users(users)
{
}

int MessageModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_messages.size() + m_pending.size());
}

MessageModel::RowView MessageModel::viewOf(int row) const
{
    if (row < m_messages.size())
        return { m_messages.at(row).senderId, m_messages.at(row).ts };
    return { m_users->me(), m_pending.at(row - m_messages.size()).ts };
}

qint64 MessageModel::localDayOf(qint64 ts) const
{
    // Views ask for every row's size on each layout: time zone conversions per row add up, so remember the
    // UTC offset per hour (offsets change on hour boundaries).
    const qint64 hour = ts / 3600000;
    auto it = m_offsetByHour.constFind(hour);
    if (it == m_offsetByHour.constEnd())
        it = m_offsetByHour.insert(hour, QDateTime::fromMSecsSinceEpoch(ts).offsetFromUtc() * qint64(1000));
    const qint64 local = ts + *it;
    return local >= 0 ? local / 86400000 : (local - 86399999) / 86400000;
}

bool MessageModel::startsDay(int row) const
{
    if (row == 0)
        return true;
    return localDayOf(viewOf(row).ts) != localDayOf(viewOf(row - 1).ts);
}

bool MessageModel::startsGroup(int row) const
{
    if (startsDay(row))
        return true;
    const RowView here = viewOf(row);
    const RowView before = viewOf(row - 1);
    return here.senderId != before.senderId || here.ts - before.ts > GroupPauseMs;
}

QVariant MessageModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const bool pending = row >= m_messages.size();
    const Message* message = pending ? nullptr : &m_messages.at(row);
    const Pending* queued = pending ? &m_pending.at(row - m_messages.size()) : nullptr;
    const qint64 senderId = pending ? m_users->me() : message->senderId;
    switch (role) {
    case Qt::DisplayRole:
    case BodyRole:
        return pending ? queued->body : message->body;
    case Qt::AccessibleTextRole:
        return tr("%1 at %2: %3")
            .arg(m_users->nameOf(senderId),
                QLocale().toString(QDateTime::fromMSecsSinceEpoch(viewOf(row).ts), QLocale::ShortFormat),
                pending ? queued->body : message->body);
    case SenderIdRole:
        return senderId;
    case SenderNameRole:
        return m_users->nameOf(senderId);
    case TimestampRole:
        return QDateTime::fromMSecsSinceEpoch(viewOf(row).ts);
    case SeqRole:
        return pending ? 0 : message->seq;
    case PendingRole:
        return pending;
    case MineRole:
        return senderId == m_users->me();
    case StartsDayRole:
        return startsDay(row);
    case StartsGroupRole:
        return startsGroup(row);
    case ClientIdRole:
        return pending ? queued->clientId : message->clientId;
    default:
        return {};
    }
}

QHash<int, QByteArray> MessageModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(BodyRole, "body");
    names.insert(SenderIdRole, "senderId");
    names.insert(SenderNameRole, "senderName");
    names.insert(TimestampRole, "timestamp");
    names.insert(SeqRole, "seq");
    names.insert(PendingRole, "pending");
    names.insert(MineRole, "mine");
    names.insert(StartsDayRole, "startsDay");
    names.insert(StartsGroupRole, "startsGroup");
    names.insert(ClientIdRole, "clientId");
    return names;
}

bool MessageModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && m_loaded && m_hasOlder && !m_fetchingOlder && m_olderAllowed;
}

void MessageModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent))
        return;
    m_fetchingOlder = true;
    params::History history;
    history.roomId = m_roomId;
    history.before = firstSeq();
    history.limit = PageSize;
    m_connection->call(protocol::method::MessagesHistory, history.toJson(), this, [this](const RpcResult& result) {
        m_fetchingOlder = false;
        if (!result.ok()) {
            Q_EMIT loadFailed(result.error->message);
            return;
        }
        QList<Message> page = messagesOf(result.result);
        const qint64 first = firstSeq();
        page.erase(
            std::remove_if(page.begin(), page.end(), [first](const Message& m) { return m.seq >= first; }), page.end());
        m_hasOlder = result.result.value(key::HasMore).toBool() && !page.isEmpty();
        if (!page.isEmpty()) {
            beginInsertRows({}, 0, int(page.size()) - 1);
            m_messages = page + m_messages;
            endInsertRows();
            // The old first row may no longer start its day or its sender's group.
            const QModelIndex oldFirst = index(int(page.size()));
            if (oldFirst.isValid())
                Q_EMIT dataChanged(oldFirst, oldFirst, { StartsDayRole, StartsGroupRole });
        }
        Q_EMIT olderLoaded(int(page.size()));
        Q_EMIT pageFetched(page);
    });
}

void MessageModel::loadLatest()
{
    if (m_loading || m_loaded)
        return;
    m_loading = true;
    params::History history;
    history.roomId = m_roomId;
    history.limit = PageSize;
    m_connection->call(protocol::method::MessagesHistory, history.toJson(), this, [this](const RpcResult& result) {
        m_loading = false;
        if (!result.ok()) {
            Q_EMIT loadFailed(result.error->message);
            return;
        }
        const QList<Message> page = messagesOf(result.result);
        setLatestPage(page, result.result.value(key::HasMore).toBool());
        Q_EMIT pageFetched(page);
    });
}

void MessageModel::setLatestPage(const QList<Message>& page, bool hasMore)
{
    m_loading = false;
    // Live messages that arrived while the page was on its way are newer than it: keep them after it.
    QList<Message> live;
    const qint64 pageLast = page.isEmpty() ? 0 : page.last().seq;
    for (const Message& message : std::as_const(m_messages)) {
        if (message.seq > pageLast)
            live.append(message);
    }
    beginResetModel();
    m_messages = page;
    m_hasOlder = hasMore;
    m_loaded = true;
    endResetModel();
    dropPendingFor(page);
    if (!live.isEmpty())
        addMessages(live);
    Q_EMIT latestLoaded();
}

void MessageModel::setCachedPage(const QList<Message>& page)
{
    if (page.isEmpty() || m_loaded)
        return;
    setLatestPage(page, page.first().seq > 1);
}

void MessageModel::addMessages(const QList<Message>& messages)
{
    if (!m_loaded) {
        // Held until the first page arrives; setLatestPage() merges them.
        for (const Message& message : messages) {
            if (message.roomId == m_roomId)
                m_messages.append(message);
        }
        return;
    }
    QList<Message> fresh;
    qint64 expected = lastSeq() + 1;
    bool gap = false;
    for (const Message& message : messages) {
        if (message.roomId != m_roomId || message.seq < expected)
            continue;
        if (message.seq > expected) {
            gap = true;
            break;
        }
        fresh.append(message);
        expected = message.seq + 1;
    }
    if (!fresh.isEmpty())
        appendInOrder(fresh);
    if (gap)
        fillGap();
}

void MessageModel::appendInOrder(const QList<Message>& messages)
{
    dropPendingFor(messages);
    const int first = int(m_messages.size());
    beginInsertRows({}, first, first + int(messages.size()) - 1);
    m_messages.append(messages);
    endInsertRows();
    // A pending row right after them may now continue their group.
    if (!m_pending.isEmpty())
        Q_EMIT dataChanged(index(int(m_messages.size())), index(rowCount() - 1), { StartsDayRole, StartsGroupRole });
    Q_EMIT messagesAppended(int(messages.size()));
}

void MessageModel::dropPendingFor(const QList<Message>& messages)
{
    if (m_pending.isEmpty())
        return;
    for (const Message& message : messages) {
        if (message.senderId == m_users->me() && !message.clientId.isEmpty())
            removePending(message.clientId);
    }
}

void MessageModel::addPending(const Outbox::Item& item)
{
    const int row = rowCount();
    beginInsertRows({}, row, row);
    m_pending.append(Pending { item.clientId, item.body, item.queuedAtMs });
    endInsertRows();
    Q_EMIT messagesAppended(1);
}

void MessageModel::removePending(const QString& clientId)
{
    for (int i = 0; i < m_pending.size(); ++i) {
        if (m_pending.at(i).clientId == clientId) {
            const int row = int(m_messages.size()) + i;
            beginRemoveRows({}, row, row);
            m_pending.removeAt(i);
            endRemoveRows();
            return;
        }
    }
}

void MessageModel::fillGap()
{
    if (!m_loaded) {
        loadLatest();
        return;
    }
    if (m_fillingGap) {
        m_gapSeenWhileFilling = true; // the answer in flight may predate it: ask again when it lands
        return;
    }
    requestAfter(lastSeq());
}

void MessageModel::reloadLatest()
{
    if (m_loading)
        return;
    beginResetModel();
    m_messages.clear();
    m_loaded = false;
    m_hasOlder = false;
    endResetModel();
    loadLatest();
}

void MessageModel::requestAfter(qint64 after)
{
    m_fillingGap = true;
    params::History history;
    history.roomId = m_roomId;
    history.after = after;
    history.limit = 200;
    m_connection->call(protocol::method::MessagesHistory, history.toJson(), this, [this](const RpcResult& result) {
        m_fillingGap = false;
        const bool again = m_gapSeenWhileFilling;
        m_gapSeenWhileFilling = false;
        if (!result.ok())
            return; // a reconnect calls fillGap() again
        const QList<Message> page = messagesOf(result.result);
        if (!page.isEmpty()) {
            addMessages(page);
            Q_EMIT pageFetched(page);
        }
        if (!m_fillingGap && (again || (result.result.value(key::HasMore).toBool() && !page.isEmpty())))
            requestAfter(lastSeq());
    });
}

} // namespace chat::client
