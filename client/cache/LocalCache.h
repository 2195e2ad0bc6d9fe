#pragma once

#include <QStringList>

#include "Types.h"

#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

namespace chat::client {

// The client's own copy of what it last knew, one SQLite file per profile, server and user: the user, the
// people, the rooms, the newest messages of each room (as the protocol writes them: edits, tombstones,
// reactions, quotes) with the change number they are up to date with, and the messages not yet acknowledged
// (the outbox).
// It lets the window paint the last conversation before the server answers and keeps a message typed offline
// across a restart. Everything here can be thrown away: the server has the truth, and a bad or old file is
// recreated.
class LocalCache {
public:
    struct OutboxEntry {
        QString clientId;
        qint64 roomId = 0;
        QString body;
        qint64 queuedAtMs = 0;
        qint64 replyTo = 0; // the message it answers, 0: none
        QStringList attachments {}; // file ids uploaded for it
        friend bool operator==(const OutboxEntry&, const OutboxEntry&) = default;
    };

    static constexpr int MessagesPerRoom = 200;

    LocalCache();
    ~LocalCache();
    LocalCache(const LocalCache&) = delete;
    LocalCache& operator=(const LocalCache&) = delete;

    // <AppLocalDataLocation>/cache/<host>_<port>-<username>.sqlite3; the profile is in the application name,
    // and so already in the folder.
    static QString fileFor(const QUrl& server, const QString& username);

    bool open(const QString& path); // creates the file and its tables when needed, replaces an unusable file
    void close();
    void discard(); // closes and deletes the file (signing out)
    bool isOpen() const { return !m_connectionName.isEmpty(); }
    QString path() const { return m_path; }

    std::optional<User> me() const;
    void saveMe(const User& me);

    QList<User> users() const;
    void saveUsers(const QList<User>& users); // replaces every user
    void saveUser(const User& user);

    QList<Room> rooms() const;
    void saveRooms(const QList<Room>& rooms); // replaces every room

    // The newest run of consecutive seqs of the room, ascending, at most `limit` long: a live message stored
    // while older ones are missing never makes a hole in what a timeline shows.
    QList<Message> latestMessages(qint64 roomId, int limit = MessagesPerRoom) const;
    // Keeps the newest MessagesPerRoom of each room; never replaces a copy by one with a lower change number.
    void saveMessages(const QList<Message>& messages);
    // Changed messages (message.changed, messages.changes): replace the cached copies that are older; a
    // message not cached is not added (it would make a hole).
    void saveChanges(const QList<Message>& changed);

    // held_change of a room (docs/protocol.md "Changes and catch-up"): the cached messages hold every change
    // up to it. None for a room whose messages were never loaded.
    std::optional<qint64> heldChange(qint64 roomId) const;
    void saveHeldChange(qint64 roomId, qint64 heldChange);

    QList<OutboxEntry> outbox() const; // oldest first
    void saveOutboxEntry(const OutboxEntry& entry);
    void removeOutboxEntry(const QString& clientId);

private:
    bool openFile(const QString& path);
    bool createSchema();

    QString m_connectionName;
    QString m_path;
};

} // namespace chat::client
