#pragma once

#include "RoomTimeline.h"

#include <QAbstractListModel>
#include <QHash>

namespace chat::client {

class UsersModel;

// A list model over one RoomTimeline, for a view: it adds what is presentation (names, local days,
// sender runs) and forwards the timeline's changes as they happen. Paging and gap fill live in the
// timeline; fetchMore() only asks it for the older page.
class MessageModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        BodyRole = Qt::UserRole + 1,
        SenderIdRole,
        SenderNameRole,
        TimestampRole, // QDateTime, local time
        SeqRole,
        PendingRole,
        MineRole,
        StartsDayRole, // first message of its (local) day: the delegate draws a separator above it
        StartsGroupRole, // sender or a pause changed: the delegate draws sender and time
        ClientIdRole,
        EditedRole, // bool
        DeletedRole, // bool: a tombstone, its body is empty
        MessageIdRole, // qint64, 0 for a pending row
        ReplyRole, // QVariantMap {id, seq, sender_name, excerpt, deleted}, or an invalid QVariant when not a reply
        ReactionsRole, // QVariantList of QVariantMap {emoji: QString, count: int, names: QStringList, mine: bool}
        MentionsMeRole, // bool: the message mentions the signed-in user
        SeenByRole, // QStringList of usernames: only on the room's newest message, and only where receipts are shown
        AttachmentsRole, // QList<chat::Attachment>, in the order sent; an invalid QVariant when it has none
    };

    static constexpr int PageSize = RoomTimeline::PageSize;

    MessageModel(RoomTimeline* timeline, const UsersModel* users, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    RoomTimeline* timeline() const { return m_timeline; }
    int rowOfSeq(qint64 seq) const; // -1 when the message is not in the model
    qint64 roomId() const { return m_timeline->roomId(); }

    // Qt's views ask for more whenever their last row is visible, which in a chat is the newest message:
    // the pane allows fetching older pages only while the reader is at the top.
    void setOlderFetchingAllowed(bool allowed) { m_olderAllowed = allowed; }

Q_SIGNALS:
    void latestLoaded();
    void olderLoaded(int count);
    void messagesAppended(int count);
    void loadFailed(const QString& message);
    void jumpReady(int row, qint64 seq); // after RoomTimeline::jumpTo(): the message is at `row`, scroll to it

private:
    struct RowView {
        qint64 senderId = 0;
        qint64 ts = 0;
    };
    RowView viewOf(int row) const;
    bool startsDay(int row) const;
    qint64 localDayOf(qint64 ts) const;
    bool startsGroup(int row) const;
    QVariant replyOf(const Message* message, qint64 pendingReplyTo) const;
    QStringList seenBy(int row) const;
    static QString accessibleBody(const Message& message); // the caption and the attachments' names

    RoomTimeline* m_timeline;
    const UsersModel* m_users;
    bool m_olderAllowed = true;
    mutable QHash<qint64, qint64> m_offsetByHour; // UTC hour -> local offset in ms
};

} // namespace chat::client
