#pragma once

#include "ChatConnection.h"
#include "LocalCache.h"
#include "MessageActions.h"
#include "Outbox.h"
#include "RoomsModel.h"
#include "Types.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <optional>

namespace chat::client {

class FileTransfers;
class MessageModel;
class RoomTimeline;
class SearchResultsModel;
class UsersModel;

// What the UI shows of one signed-in session: the people and rooms models, one message model per open
// room, the outbox, read markers and typing. It keeps them in step with the connection's notifications
// and re-syncs after a reconnect. Widgets talk to this and to the models, never to the connection.
class ChatSession : public QObject {
    Q_OBJECT
public:
    explicit ChatSession(ChatConnection* connection, QObject* parent = nullptr);
    ~ChatSession() override;

    ChatConnection* connection() const { return m_connection; } // for tests and benchmarks; the UI uses the session

    void signIn(const QUrl& server, ChatConnection::AuthMode mode, const params::Credentials& credentials)
    {
        m_connection->signIn(server, mode, credentials);
    }
    void resume(const QUrl& server, const QString& token) { m_connection->resume(server, token); }
    void signOut() { m_connection->signOut(); }
    QUrl serverUrl() const { return m_connection->url(); }
    QString token() const { return m_connection->token(); }
    static QString describe(ChatConnection::State state) { return ChatConnection::describe(state); }
    UsersModel* users() const { return m_users; }
    RoomsModel* rooms() const { return m_rooms; }
    Outbox* outbox() const { return m_outbox; }
    // messages.search (issue 13): results for the search panel; offer it only when hasFeature(feature::Search).
    SearchResultsModel* searchResults() const { return m_search; }
    // Files (issue 14): uploads for a message, downloads of attachments; offer them only when
    // hasFeature(feature::Files).
    FileTransfers* files() const { return m_files; }
    qint64 me() const;
    const User& currentUser() const { return m_connection->me().id ? m_connection->me() : m_cachedMe; }
    ChatConnection::State state() const { return m_connection->state(); }
    const Limits& limits() const { return m_connection->limits(); }
    bool canReconnectNow() const { return m_connection->canReconnectNow(); }
    void reconnectNow() { m_connection->reconnectNow(); }
    bool isSynced() const { return m_synced; }

    RoomTimeline* timeline(qint64 roomId); // created and loading on first use
    MessageModel* messages(qint64 roomId); // a list model over timeline(roomId), for a view
    void forgetMessages(qint64 roomId); // drops the cached timeline (benchmarks, leaving a room)

    void openDirect(qint64 userId); // finds or creates the direct room, then makes it active
    void openRoom(qint64 roomId);
    qint64 activeRoom() const { return m_activeRoom; }
    void setReading(bool reading); // the active room is visible and scrolled to its newest message

    // The body is trimmed; an empty one sends nothing. `replyToMessageId` (0: none) goes out as reply_to, and
    // the outbox keeps it across a restart.
    void sendMessage(qint64 roomId, const QString& body, qint64 replyToMessageId = 0);
    void send(qint64 roomId, const QString& body) { sendMessage(roomId, body); }

    // Message actions (docs/protocol.md, "Message actions"). A refusal (or being offline) is actionFailed();
    // success shows in the message model, as the server's answer and its message.changed arrive.
    void editMessage(qint64 roomId, qint64 messageId, const QString& body) { m_actions->edit(roomId, messageId, body); }
    void deleteMessage(qint64 roomId, qint64 messageId) { m_actions->remove(roomId, messageId); }
    // Adds the reaction unless it is mine already, else removes it.
    void toggleReaction(qint64 roomId, qint64 messageId, const QString& emoji)
    {
        m_actions->toggleReaction(roomId, messageId, emoji);
    }
    // My newest message held in the room that can still be edited ("Up edits the last one"); none: nullopt.
    std::optional<chat::Message> lastOwnMessage(qint64 roomId) const { return m_actions->lastEditable(roomId); }
    // Mine, not deleted, within limits().editWindowS, and the server edits.
    bool canEdit(qint64 roomId, qint64 messageId) const { return m_actions->canEdit(roomId, messageId); }
    bool canDelete(qint64 roomId, qint64 messageId) const { return m_actions->canDelete(roomId, messageId); }
    // Loads the messages around `seq` when the timeline does not hold it; jumpReady() once it is in the model.
    void jumpTo(qint64 roomId, qint64 seq);

    // "all", "mentions" or "none" (protocol::notify); kept by the server for every device of the user.
    void setNotifyLevel(qint64 roomId, const QString& level);
    QString notifyLevel(qint64 roomId) const { return m_rooms->notifyLevelOf(roomId); }
    // Whether a message that just arrived deserves a desktop notification, by its room's level (the window's
    // own focus rules come on top of this).
    bool shouldNotify(const chat::Message& message) const;

    // From server.hello (protocol::feature): hide what the server does not speak.
    QStringList serverFeatures() const { return m_connection->features(); }
    bool hasFeature(const QString& feature) const { return serverFeatures().contains(feature); }
    void sendTyping(qint64 roomId);
    void markRead(qint64 roomId);

    void createRoom(const QString& name);
    void joinRoom(qint64 roomId);
    void leaveRoom(qint64 roomId);
    void fetchPublicRooms();

    void reset(); // signed out: forget everything

    // Start instantly: fills the models from the local cache of this server and user, if there is one with
    // a known user (true). The caller then shows the window and calls resumeFromCache() with the token.
    bool showCached(const QUrl& server, const QString& username);
    void resumeFromCache(const QUrl& server, const QString& token);
    QString cachePath() const { return m_cache.path(); }

Q_SIGNALS:
    void stateChanged(chat::client::ChatConnection::State state);
    void signedIn(const chat::User& me);
    void signInFailed(const chat::RpcError& error);
    void certificateRefused(const chat::RpcError& error); // while reconnecting: not the certificate trusted before
    void signedOut(const QString& reason); // logout, or a token the server no longer accepts
    void synced(); // users and rooms are loaded (after sign-in and after every reconnect)
    void cacheLoaded(); // users, rooms and the outbox as the local cache kept them; the server may not know yet
    void activeRoomChanged(qint64 roomId);
    void messageArrived(const chat::Message& message, bool mine);
    void typing(qint64 roomId, qint64 userId);
    void publicRoomsFetched(const QList<chat::PublicRoom>& rooms);
    void failed(const QString& message); // a request the user made could not be done
    void sendRejected(qint64 roomId, const QString& body, const QString& message);
    void actionFailed(qint64 roomId, const QString& text); // an edit, delete, reaction or notify level refused
    void jumpReady(qint64 roomId, qint64 seq); // after jumpTo(): the message is in messages(roomId)

private:
    void onSignedIn(const User& me);
    bool openCache(const QUrl& server, const QString& username);
    void loadCache();
    void writeRooms();
    enum class CatchUp { Nothing, OpenTimelines };
    void sync(CatchUp catchUp);
    void catchUpTimelines();
    void onMessage(const Message& message);
    void onMessageChanged(const Message& message);
    void onRoomUpdated(const RoomUpdate& update);
    void updateReceiptsShown(RoomTimeline* timeline);
    void fetchReceipts(RoomTimeline* timeline);
    void onRoomResult(const RpcResult& result, bool activate);
    void updatePeerUnread(qint64 roomId, qint64 unread);
    void setActiveRoom(qint64 roomId);

    ChatConnection* m_connection;
    UsersModel* m_users;
    RoomsModel* m_rooms;
    Outbox* m_outbox;
    MessageActions* m_actions;
    SearchResultsModel* m_search;
    FileTransfers* m_files;
    QHash<qint64, RoomTimeline*> m_timelines;
    QHash<QString, QString> m_pendingBodies; // client_id -> body, to tell the user which send failed
    qint64 m_activeRoom = 0;
    bool m_reading = false;
    bool m_synced = false;
    int m_syncsInFlight = 0;
    QHash<qint64, qint64> m_lastTypingSentMs;
    QTimer m_readTimer;
    LocalCache m_cache;
    User m_cachedMe;
    QTimer m_roomsWriteTimer; // many room changes (a burst of messages) become one write
};

} // namespace chat::client
