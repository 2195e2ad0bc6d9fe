#include "LocalCache.h"

#include "CacheSchema.h"
#include "ClientLogging.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QVariant>

namespace chat::client {

namespace {
using cachesql::exec;
const QString MeKey = QStringLiteral("me");

QString safeName(QString text)
{
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9._-]"));
    return text.replace(unsafe, QStringLiteral("_"));
}

QString nextConnectionName()
{
    static QAtomicInteger<int> counter;
    return QStringLiteral("chat-client-cache-%1").arg(counter.fetchAndAddRelaxed(1));
}

QString compact(const QJsonObject& json)
{
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

// Runs `work` in one transaction: many rows, one fsync.
template<typename Work> void inTransaction(const QString& connectionName, Work work)
{
    if (connectionName.isEmpty())
        return;
    QSqlDatabase db = QSqlDatabase::database(connectionName, false);
    db.transaction();
    if (work(db))
        db.commit();
    else
        db.rollback();
}
} // namespace

LocalCache::LocalCache() = default;

LocalCache::~LocalCache()
{
    close();
}

QString LocalCache::fileFor(const QUrl& server, const QString& username)
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    const QString name = safeName(server.host()) + QLatin1Char('_') + QString::number(server.port(7447))
        + QLatin1Char('-') + safeName(username) + QStringLiteral(".sqlite3");
    return folder + QStringLiteral("/cache/") + name;
}

bool LocalCache::open(const QString& path)
{
    if (openFile(path))
        return true;
    // Not a database (a crash mid-write, another program's file): the cache is disposable, start a new one.
    qCWarning(lcCache) << "recreating an unusable cache file";
    for (const QString& suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") })
        QFile::remove(path + suffix);
    return openFile(path);
}

bool LocalCache::openFile(const QString& path)
{
    close();
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        qCWarning(lcCache) << "cannot create the cache folder for" << path;
        return false;
    }
    const QString name = nextConnectionName();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (!db.open()) {
            qCWarning(lcCache) << "cannot open the cache:" << db.lastError().text();
            db = {};
            QSqlDatabase::removeDatabase(name);
            return false;
        }
    }
    m_connectionName = name;
    m_path = path;
    if (!createSchema()) {
        close();
        m_path.clear();
        return false;
    }
    return true;
}

bool LocalCache::createSchema()
{
    return cachesql::prepareSchema(QSqlDatabase::database(m_connectionName, false));
}

void LocalCache::close()
{
    if (m_connectionName.isEmpty())
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    m_connectionName.clear();
}

void LocalCache::discard()
{
    const QString path = m_path;
    close();
    m_path.clear();
    if (path.isEmpty())
        return;
    for (const QString& suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") })
        QFile::remove(path + suffix);
}

std::optional<User> LocalCache::me() const
{
    if (!isOpen())
        return std::nullopt;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    query.addBindValue(MeKey);
    if (!exec(query) || !query.next())
        return std::nullopt;
    const User me = User::fromJson(QJsonDocument::fromJson(query.value(0).toString().toUtf8()).object());
    if (me.id == 0)
        return std::nullopt;
    return me;
}

void LocalCache::saveMe(const User& me)
{
    inTransaction(m_connectionName, [&](const QSqlDatabase& db) {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"));
        query.addBindValue(MeKey);
        User stored = me;
        stored.online = false;
        query.addBindValue(compact(stored.toJson()));
        return exec(query);
    });
}

QList<User> LocalCache::users() const
{
    QList<User> users;
    if (!isOpen())
        return users;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral("SELECT id, username FROM users ORDER BY id"));
    if (!exec(query))
        return users;
    while (query.next())
        users.append(User { query.value(0).toLongLong(), query.value(1).toString(), false });
    return users;
}

void LocalCache::saveUsers(const QList<User>& users)
{
    inTransaction(m_connectionName, [&](const QSqlDatabase& db) {
        if (!exec(db, QStringLiteral("DELETE FROM users")))
            return false;
        QSqlQuery insert(db);
        insert.prepare(QStringLiteral("INSERT OR REPLACE INTO users (id, username) VALUES (?, ?)"));
        for (const User& user : users) {
            insert.addBindValue(user.id);
            insert.addBindValue(user.username);
            if (!exec(insert))
                return false;
        }
        return true;
    });
}

void LocalCache::saveUser(const User& user)
{
    inTransaction(m_connectionName, [&](const QSqlDatabase& db) {
        QSqlQuery insert(db);
        insert.prepare(QStringLiteral("INSERT OR REPLACE INTO users (id, username) VALUES (?, ?)"));
        insert.addBindValue(user.id);
        insert.addBindValue(user.username);
        return exec(insert);
    });
}

QList<Room> LocalCache::rooms() const
{
    QList<Room> rooms;
    if (!isOpen())
        return rooms;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral("SELECT json FROM rooms ORDER BY id"));
    if (!exec(query))
        return rooms;
    while (query.next())
        rooms.append(Room::fromJson(QJsonDocument::fromJson(query.value(0).toString().toUtf8()).object()));
    return rooms;
}

void LocalCache::saveRooms(const QList<Room>& rooms)
{
    inTransaction(m_connectionName, [&](const QSqlDatabase& db) {
        if (!exec(db, QStringLiteral("DELETE FROM rooms")))
            return false;
        QSqlQuery insert(db);
        insert.prepare(QStringLiteral("INSERT OR REPLACE INTO rooms (id, json) VALUES (?, ?)"));
        for (const Room& room : rooms) {
            insert.addBindValue(room.id);
            insert.addBindValue(compact(room.toJson()));
            if (!exec(insert))
                return false;
        }
        // Messages of rooms the user left go with them.
        return exec(db, QStringLiteral("DELETE FROM messages WHERE room_id NOT IN (SELECT id FROM rooms)"))
            && exec(db, QStringLiteral("DELETE FROM room_changes WHERE room_id NOT IN (SELECT id FROM rooms)"));
    });
}

QList<Message> LocalCache::latestMessages(qint64 roomId, int limit) const
{
    QList<Message> newestFirst;
    if (!isOpen() || limit <= 0)
        return newestFirst;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT seq, json FROM messages WHERE room_id = ? ORDER BY seq DESC LIMIT ?"));
    query.addBindValue(roomId);
    query.addBindValue(limit);
    if (!exec(query))
        return newestFirst;
    while (query.next()) {
        const qint64 seq = query.value(0).toLongLong();
        if (!newestFirst.isEmpty() && seq != newestFirst.last().seq - 1)
            break; // a hole: what lies below it is not shown until the server fills it
        newestFirst.append(Message::fromJson(QJsonDocument::fromJson(query.value(1).toString().toUtf8()).object()));
    }
    return QList<Message>(newestFirst.crbegin(), newestFirst.crend());
}

void LocalCache::saveMessages(const QList<Message>& messages)
{
    if (messages.isEmpty())
        return;
    inTransaction(m_connectionName, [&](const QSqlDatabase& db) {
        // A copy with a lower change number (a page read before an edit that is already here) changes nothing.
        QSqlQuery insert(db);
        insert.prepare(QStringLiteral("INSERT INTO messages (room_id, seq, id, change, json) VALUES (?, ?, ?, ?, ?) "
                                      "ON CONFLICT (room_id, seq) DO UPDATE SET id = excluded.id, "
                                      "change = excluded.change, json = excluded.json "
                                      "WHERE excluded.change >= messages.change OR excluded.id != messages.id"));
        QList<qint64> touched;
        for (const Message& message : messages) {
            insert.addBindValue(message.roomId);
            insert.addBindValue(message.seq);
            insert.addBindValue(message.id);
            insert.addBindValue(message.change);
            insert.addBindValue(compact(message.toJson()));
            if (!exec(insert))
                return false;
            if (!touched.contains(message.roomId))
                touched.append(message.roomId);
        }
        QSqlQuery trim(db);
        trim.prepare(QStringLiteral("DELETE FROM messages WHERE room_id = ? AND seq <= "
                                    "(SELECT MAX(seq) FROM messages WHERE room_id = ?) - ?"));
        for (const qint64 roomId : std::as_const(touched)) {
            trim.addBindValue(roomId);
            trim.addBindValue(roomId);
            trim.addBindValue(MessagesPerRoom);
            if (!exec(trim))
                return false;
        }
        return true;
    });
}

void LocalCache::saveChanges(const QList<Message>& changed)
{
    if (changed.isEmpty())
        return;
    inTransaction(m_connectionName, [&](const QSqlDatabase& db) {
        QSqlQuery update(db);
        update.prepare(QStringLiteral("UPDATE messages SET change = ?, json = ? "
                                      "WHERE room_id = ? AND seq = ? AND id = ? AND change < ?"));
        for (const Message& message : changed) {
            update.addBindValue(message.change);
            update.addBindValue(compact(message.toJson()));
            update.addBindValue(message.roomId);
            update.addBindValue(message.seq);
            update.addBindValue(message.id);
            update.addBindValue(message.change);
            if (!exec(update))
                return false;
        }
        return true;
    });
}

std::optional<qint64> LocalCache::heldChange(qint64 roomId) const
{
    if (!isOpen())
        return std::nullopt;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral("SELECT held_change FROM room_changes WHERE room_id = ?"));
    query.addBindValue(roomId);
    if (!exec(query) || !query.next())
        return std::nullopt;
    return query.value(0).toLongLong();
}

void LocalCache::saveHeldChange(qint64 roomId, qint64 heldChange)
{
    inTransaction(m_connectionName, [&](const QSqlDatabase& db) {
        QSqlQuery upsert(db);
        upsert.prepare(QStringLiteral("INSERT OR REPLACE INTO room_changes (room_id, held_change) VALUES (?, ?)"));
        upsert.addBindValue(roomId);
        upsert.addBindValue(heldChange);
        return exec(upsert);
    });
}

QList<LocalCache::OutboxEntry> LocalCache::outbox() const
{
    QList<OutboxEntry> entries;
    if (!isOpen())
        return entries;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral("SELECT client_id, room_id, body, queued_at, reply_to, attachments FROM outbox "
                                 "ORDER BY queued_at, rowid"));
    if (!exec(query))
        return entries;
    while (query.next()) {
        entries.append(OutboxEntry { query.value(0).toString(), query.value(1).toLongLong(), query.value(2).toString(),
            query.value(3).toLongLong(), query.value(4).toLongLong(),
            query.value(5).toString().split(QLatin1Char(','), Qt::SkipEmptyParts) });
    }
    return entries;
}

void LocalCache::saveOutboxEntry(const OutboxEntry& entry)
{
    // The one write that must survive a crash: a message the user typed and we have not delivered.
    inTransaction(m_connectionName, [&](const QSqlDatabase& db) {
        QSqlQuery insert(db);
        insert.prepare(QStringLiteral("INSERT OR REPLACE INTO outbox (client_id, room_id, body, queued_at, reply_to, "
                                      "attachments) VALUES (?, ?, ?, ?, ?, ?)"));
        insert.addBindValue(entry.clientId);
        insert.addBindValue(entry.roomId);
        insert.addBindValue(entry.body);
        insert.addBindValue(entry.queuedAtMs);
        insert.addBindValue(entry.replyTo);
        insert.addBindValue(entry.attachments.join(QLatin1Char(',')));
        return exec(insert);
    });
}

void LocalCache::removeOutboxEntry(const QString& clientId)
{
    inTransaction(m_connectionName, [&](const QSqlDatabase& db) {
        QSqlQuery remove(db);
        remove.prepare(QStringLiteral("DELETE FROM outbox WHERE client_id = ?"));
        remove.addBindValue(clientId);
        return exec(remove);
    });
}

} // namespace chat::client
