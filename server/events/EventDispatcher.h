#pragma once

#include "ClusterEvent.h"
#include "config/ServerConfig.h"

#include <QHash>
#include <QMap>
#include <QObject>
#include <QSet>
#include <QTimer>

namespace chat::server {

class Directory;
class PresenceTracker;
class SessionHub;
class Store;

// Applies each event to this node's picture of the world (Directory, PresenceTracker) and sends the
// notification it means to this node's sessions, encoded once. Messages reach each room's members in seq
// order, exactly once: a message seen before is dropped, one that arrives ahead of a missing seq waits
// briefly and the gap is then read from the store, which is also how a node catches up after a lost link.
// Changes to messages reach each connection in increasing change number per room: one older than the room's
// last delivered change is dropped (a client that saw the hole it left reads it with messages.changes), and
// changes missed while the link was down are read from the store on catch-up.
class EventDispatcher : public QObject {
    Q_OBJECT
public:
    EventDispatcher(const ServerConfig& config, Directory& directory, SessionHub& hub, PresenceTracker& presence,
        Store& store, const QString& instance, QObject* parent = nullptr);

    void apply(const ClusterEvent& event);
    // Compares users, rooms and each room's last seq with the store and delivers what was missed.
    void catchUp();

    qint64 messagesFilledFromStore() const { return m_filledFromStore; }

Q_SIGNALS:
    void caughtUp();
    void messageDelivered();
    void changeDelivered(); // a message.changed went out

private:
    void applyMessage(const Message& message);
    void deliverMessage(const Message& message);
    void drainEarly(qint64 roomId); // delivers what waited and is now next in line
    void applyRoom(const RoomRecord& room, const QList<qint64>& alsoTell);
    void applyMembership(const RoomRecord& room, const QJsonObject& body);
    void applyUserAdded(const UserRecord& user);
    void applyReadMarker(const ClusterEvent& event);
    void applyMessageChanged(const Message& message);
    void applyNotifyLevel(const ClusterEvent& event);
    void fillChanges(qint64 roomId, qint64 upTo); // delivers changes the store has and this node missed
    void applyTyping(qint64 roomId, qint64 userId);
    void fillGap(qint64 roomId);
    void fillPendingGaps();
    qint64 missingUpTo(qint64 roomId) const;

    const ServerConfig& m_config;
    Directory& m_directory;
    SessionHub& m_hub;
    PresenceTracker& m_presence;
    Store& m_store;
    const QString m_instance;

    QHash<qint64, QMap<qint64, Message>> m_early; // by room, by seq: arrived before a missing seq
    QHash<qint64, qint64> m_storeSeq; // by room: the last seq the store had at the last catch-up
    QSet<qint64> m_filling; // rooms with a store read in flight
    QSet<qint64> m_fillingChanges; // rooms with a read of missed changes in flight
    QTimer m_gapTimer;
    bool m_catchingUp = false;
    bool m_catchUpAgain = false;
    qint64 m_filledFromStore = 0;
};

} // namespace chat::server
