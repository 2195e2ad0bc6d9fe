#pragma once

#include "BenchProcess.h"

#include <QList>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>

// The product under measurement: a data folder seeded directly through the store (fast, no protocol)
// and a chat-server process on it, with limits opened wide so that the load is never throttled.
class BenchSetup {
public:
    static inline const QString password = QStringLiteral("benchmark password");

    BenchSetup();

    QString databasePath() const { return m_dir.filePath(QStringLiteral("chat.sqlite3")); }
    // Seeds `users` accounts named user0, user1, ... (password above) with one session each; returns
    // their tokens (index = user id - 1).
    QStringList seedUsers(int users);
    // The direct room of each pair (user ids 1+2, 3+4, ...); returns the room ids in pair order.
    QList<qint64> seedDirectRooms(int pairs);
    // A group room of `members` holding `messages` messages sent by the first member; returns its id.
    qint64 seedRoom(const QString& name, qint64 messages, const QList<qint64>& members);

    bool startServer(const QString& extraIni = {});
    void stopServer() { m_server.stop(); }
    QUrl url() const { return m_server.url(); }
    const BenchProcess& server() const { return m_server; }
    qint64 serverRssKiB() const { return m_server.rssKiB(); }

private:
    QTemporaryDir m_dir;
    BenchProcess m_server;
};
