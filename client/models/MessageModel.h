#pragma once

#include "Outbox.h"
#include "Types.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QHash>

namespace chat::client {

class ChatConnection;
class UsersModel;

// The timeline of one open room: stored messages ascending by seq, then my sends the server has not
// acknowledged yet ("sending…"). Starts with the newest page; older pages come through fetchMore().
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
    };

    static constexpr int PageSize = 50;

    MessageModel(qint64 roomId, ChatConnection* connection, const UsersModel* users, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    qint64 roomId() const { return m_roomId; }
    void loadLatest();
    void fillGap(); // after a reconnect: everything after our last seq
    void reloadLatest(); // too far behind for fillGap(): drops what is shown and loads the newest page
    bool isLoaded() const { return m_loaded; }
    bool hasOlder() const { return m_hasOlder; }
    bool isFetchingOlder() const { return m_fetchingOlder; }
    qint64 lastSeq() const { return m_messages.isEmpty() ? 0 : m_messages.last().seq; }
    qint64 firstSeq() const { return m_messages.isEmpty() ? 0 : m_messages.first().seq; }
    int storedCount() const { return int(m_messages.size()); }
    int pendingCount() const { return int(m_pending.size()); }

    // Qt's views ask for more whenever their last row is visible, which in a chat is the newest message:
    // the pane allows fetching older pages only while the reader is at the top.
    void setOlderFetchingAllowed(bool allowed) { m_olderAllowed = allowed; }

    void setLatestPage(const QList<Message>& page, bool hasMore); // what loadLatest() received
    // The newest messages the local cache kept: shown at once, completed with fillGap() once online.
    void setCachedPage(const QList<Message>& page);
    void addMessages(const QList<Message>& messages); // live or fetched; ignores what is already here
    void addPending(const Outbox::Item& item);
    void removePending(const QString& clientId);

Q_SIGNALS:
    void latestLoaded();
    void olderLoaded(int count);
    void messagesAppended(int count);
    void loadFailed(const QString& message);
    void pageFetched(const QList<chat::Message>& messages); // from the server, for the local cache

private:
    struct Pending {
        QString clientId;
        QString body;
        qint64 ts = 0;
    };
    struct RowView {
        qint64 senderId = 0;
        qint64 ts = 0;
    };
    RowView viewOf(int row) const;
    bool startsDay(int row) const;
    qint64 localDayOf(qint64 ts) const;
    bool startsGroup(int row) const;
    void appendInOrder(const QList<Message>& messages);
    void dropPendingFor(const QList<Message>& messages);
    void requestAfter(qint64 after);

    qint64 m_roomId;
    ChatConnection* m_connection;
    const UsersModel* m_users;
    QList<Message> m_messages;
    QList<Pending> m_pending;
    bool m_loaded = false;
    bool m_loading = false;
    bool m_hasOlder = false;
    bool m_fetchingOlder = false;
    bool m_olderAllowed = true;
    bool m_fillingGap = false;
    bool m_gapSeenWhileFilling = false;
    mutable QHash<qint64, qint64> m_offsetByHour; // UTC hour -> local offset in ms
};

} // namespace chat::client
