#pragma once

#include <QList>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>

// What every server benchmark needs: a data folder seeded directly through the store (fast, no
// protocol), a chat-server process on it, and a way to read that process's memory.
class BenchSetup {
public:
    BenchSetup();
    ~BenchSetup();

    QString databasePath() const { return m_dir.filePath(QStringLiteral("chat.sqlite3")); }
    // Seeds `users` accounts with one session each; returns their tokens (index = user id - 1).
    QStringList seedUsers(int users);
    // Seeds a group room of the first user holding `messages` messages; returns its id.
    qint64 seedRoom(const QString& name, qint64 messages, const QList<qint64>& members);

    bool startServer(const QString& extraIni = {});
    void stopServer();
    QUrl url() const { return m_url; }
    qint64 serverRssKiB() const;

private:
    QTemporaryDir m_dir;
    QProcess m_server;
    QUrl m_url;
};

struct Percentiles {
    double p50 = 0, p90 = 0, p99 = 0, p999 = 0, max = 0;
    static Percentiles of(QList<double> samples);
    QString toString(const QString& unit) const;
};
