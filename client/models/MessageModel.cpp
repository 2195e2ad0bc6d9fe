#include "MessageModel.h"

#include "MessageChanges.h"
#include "ReactionSummary.h"
#include "UsersModel.h"

#include <QDateTime>
#include <QLocale>

namespace chat::client {

namespace {
constexpr qint64 GroupPauseMs = 5 * 60 * 1000;
} // namespace

MessageModel::MessageModel(RoomTimeline* timeline, const UsersModel* users, QObject* parent)
    : QAbstractListModel(parent)
    , m_timeline(timeline)
    , m_users(users)
{
    connect(timeline, &RoomTimeline::aboutToReset, this, &MessageModel::beginResetModel);
    connect(timeline, &RoomTimeline::resetDone, this, &MessageModel::endResetModel);
    connect(timeline, &RoomTimeline::aboutToInsertRows, this,
        [this](int first, int last) { beginInsertRows({}, first, last); });
    connect(timeline, &RoomTimeline::rowsInserted, this, &MessageModel::endInsertRows);
    connect(timeline, &RoomTimeline::aboutToRemoveRows, this,
        [this](int first, int last) { beginRemoveRows({}, first, last); });
    connect(timeline, &RoomTimeline::rowsRemoved, this, &MessageModel::endRemoveRows);
    connect(timeline, &RoomTimeline::neighboursChanged, this, [this](int first, int last) {
        if (first <= last && last < rowCount())
            Q_EMIT dataChanged(index(first), index(last), { StartsDayRole, StartsGroupRole });
    });
    connect(timeline, &RoomTimeline::rowsChanged, this, [this](int first, int last) {
        if (first <= last && last < rowCount())
            Q_EMIT dataChanged(index(first), index(last));
    });
    connect(timeline, &RoomTimeline::jumpReady, this, [this](qint64 seq) { Q_EMIT jumpReady(rowOfSeq(seq), seq); });
    connect(timeline, &RoomTimeline::latestLoaded, this, &MessageModel::latestLoaded);
    connect(timeline, &RoomTimeline::olderLoaded, this, &MessageModel::olderLoaded);
    connect(timeline, &RoomTimeline::messagesAppended, this, &MessageModel::messagesAppended);
    connect(timeline, &RoomTimeline::loadFailed, this, &MessageModel::loadFailed);
}

int MessageModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_timeline->rowCount();
}

MessageModel::RowView MessageModel::viewOf(int row) const
{
    const QList<Message>& messages = m_timeline->messages();
    if (row < messages.size())
        return { messages.at(row).senderId, messages.at(row).ts };
    return { m_users->me(), m_timeline->pending().at(row - messages.size()).ts };
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

QString MessageModel::accessibleBody(const Message& message)
{
    QStringList parts;
    if (!message.body.isEmpty())
        parts.append(message.body);
    for (const Attachment& attachment : message.attachments)
        parts.append(tr("attached: %1").arg(attachment.name));
    return parts.join(QStringLiteral("; "));
}

QVariant MessageModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const QList<Message>& messages = m_timeline->messages();
    const bool pending = row >= messages.size();
    const Message* message = pending ? nullptr : &messages.at(row);
    const RoomTimeline::Pending* queued = pending ? &m_timeline->pending().at(row - messages.size()) : nullptr;
    const qint64 senderId = pending ? m_users->me() : message->senderId;
    switch (role) {
    case Qt::DisplayRole:
    case BodyRole:
        return pending ? queued->body : message->body;
    case Qt::AccessibleTextRole:
        return tr("%1 at %2: %3")
            .arg(m_users->nameOf(senderId),
                QLocale().toString(QDateTime::fromMSecsSinceEpoch(viewOf(row).ts), QLocale::ShortFormat),
                pending ? queued->body : accessibleBody(*message));
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
    case MessageIdRole:
        return pending ? 0 : message->id;
    case EditedRole:
        return !pending && message->editedTs > 0;
    case DeletedRole:
        return !pending && message->deleted;
    case ReplyRole:
        return replyOf(pending ? nullptr : message, pending ? queued->replyTo : 0);
    case ReactionsRole:
        return pending ? QVariantList() : reactionsummary::describe(message->reactions, *m_users, m_users->me());
    case MentionsMeRole:
        return !pending && message->mentions.contains(m_users->me());
    case SeenByRole:
        return pending ? QStringList() : seenBy(row);
    case AttachmentsRole:
        return pending || message->attachments.isEmpty() ? QVariant() : QVariant::fromValue(message->attachments);
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
    names.insert(EditedRole, "edited");
    names.insert(DeletedRole, "deleted");
    names.insert(MessageIdRole, "messageId");
    names.insert(ReplyRole, "reply");
    names.insert(ReactionsRole, "reactions");
    names.insert(MentionsMeRole, "mentionsMe");
    names.insert(SeenByRole, "seenBy");
    names.insert(AttachmentsRole, "attachments");
    return names;
}

QVariant MessageModel::replyOf(const Message* message, qint64 pendingReplyTo) const
{
    std::optional<MessageReply> quote;
    if (message)
        quote = message->reply;
    else if (const Message* original = m_timeline->messageWithId(pendingReplyTo))
        quote = messagechanges::quoteOf(*original); // a pending reply quotes what is shown
    if (!quote)
        return {};
    return QVariantMap { { QStringLiteral("id"), quote->id }, { QStringLiteral("seq"), quote->seq },
        { QStringLiteral("sender_name"), m_users->nameOf(quote->senderId) },
        { QStringLiteral("excerpt"), quote->excerpt }, { QStringLiteral("deleted"), quote->deleted } };
}

QStringList MessageModel::seenBy(int row) const
{
    if (!m_timeline->showsReceipts() || row != m_timeline->storedCount() - 1)
        return {};
    const Message& newest = m_timeline->messages().at(row);
    QStringList names;
    const QList<qint64> users = m_timeline->receipts().seenBy(newest.seq, newest.senderId, m_users->me());
    for (const qint64 user : users)
        names.append(m_users->nameOf(user));
    names.sort(Qt::CaseInsensitive);
    return names;
}

int MessageModel::rowOfSeq(qint64 seq) const
{
    const Message* message = m_timeline->messageWithSeq(seq);
    return message ? int(message - m_timeline->messages().constData()) : -1;
}

bool MessageModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && m_olderAllowed && m_timeline->isLoaded() && m_timeline->hasOlder()
        && !m_timeline->isFetchingOlder();
}

void MessageModel::fetchMore(const QModelIndex& parent)
{
    if (canFetchMore(parent))
        m_timeline->fetchOlder();
}

} // namespace chat::client
