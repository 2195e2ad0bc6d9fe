// StoreDb: users and sessions.
#include "StoreDb.h"

#include "SqlDialect.h"
#include "SqlStatements.h"
#include "Validation.h"

#include <QSqlQuery>

namespace chat::server {

namespace {

const QString UserColumns = QStringLiteral("id, username, password_hash, disabled, created_at");

UserRecord userFrom(const QSqlQuery& q)
{
    return { q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toBool(),
        q.value(4).toLongLong() };
}

QString keyOf(const QString& username)
{
    return validation::usernameKey(username);
}

QString hexOf(const QByteArray& tokenHash)
{
    return QString::fromLatin1(tokenHash.toHex());
}

} // namespace

StoreDb::Result<UserRecord> StoreDb::createUser(const QString& username, const QString& passwordHash, qint64 nowMs)
{
    const QString sql
        = m_dialect->insertIgnoring(QStringLiteral("users"),
              { QStringLiteral("username"), QStringLiteral("username_key"), QStringLiteral("password_hash"),
                  QStringLiteral("created_at"), QStringLiteral("disabled") })
        + QStringLiteral(" RETURNING id");
    auto query = m_sql->run(sql, { username, keyOf(username), passwordHash, nowMs, m_dialect->boolValue(false) });
    if (!query)
        return query.error();
    ScopedFinish finish(*query);
    if (!(*query)->next())
        return StoreError::conflict(QStringLiteral("the username is taken"));
    return UserRecord { (*query)->value(0).toLongLong(), username, passwordHash, false, nowMs };
}

StoreDb::Result<std::optional<UserRecord>> StoreDb::userByName(const QString& username)
{
    auto query = m_sql->run(
        QStringLiteral("SELECT %1 FROM users WHERE username_key = ?").arg(UserColumns), { keyOf(username) });
    if (!query)
        return query.error();
    ScopedFinish finish(*query);
    if (!(*query)->next())
        return std::optional<UserRecord>();
    return std::optional<UserRecord>(userFrom(**query));
}

StoreDb::Result<std::optional<UserRecord>> StoreDb::userById(qint64 id)
{
    auto query = m_sql->run(QStringLiteral("SELECT %1 FROM users WHERE id = ?").arg(UserColumns), { id });
    if (!query)
        return query.error();
    ScopedFinish finish(*query);
    if (!(*query)->next())
        return std::optional<UserRecord>();
    return std::optional<UserRecord>(userFrom(**query));
}

StoreDb::Result<QList<UserRecord>> StoreDb::allUsers()
{
    auto query = m_sql->run(QStringLiteral("SELECT %1 FROM users ORDER BY id").arg(UserColumns));
    if (!query)
        return query.error();
    ScopedFinish finish(*query);
    QList<UserRecord> users;
    while ((*query)->next())
        users.append(userFrom(**query));
    return users;
}

StoreDb::Result<bool> StoreDb::setPasswordHash(qint64 userId, const QString& passwordHash)
{
    auto updated
        = m_sql->exec(QStringLiteral("UPDATE users SET password_hash = ? WHERE id = ?"), { passwordHash, userId });
    if (!updated)
        return updated.error();
    if (*updated == 0)
        return StoreError::notFound(QStringLiteral("no user %1").arg(userId));
    return true;
}

StoreDb::Result<bool> StoreDb::setDisabled(qint64 userId, bool disabled)
{
    auto updated = m_sql->exec(
        QStringLiteral("UPDATE users SET disabled = ? WHERE id = ?"), { m_dialect->boolValue(disabled), userId });
    if (!updated)
        return updated.error();
    if (*updated == 0)
        return StoreError::notFound(QStringLiteral("no user %1").arg(userId));
    return true;
}

StoreDb::Result<bool> StoreDb::createSession(const SessionRecord& session)
{
    auto inserted = m_sql->exec(
        QStringLiteral("INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)"),
        { hexOf(session.tokenHash), session.userId, session.createdAt, session.expiresAt });
    if (!inserted)
        return inserted.error();
    return true;
}

StoreDb::Result<std::optional<SessionRecord>> StoreDb::sessionByTokenHash(const QByteArray& tokenHash)
{
    auto query = m_sql->run(QStringLiteral("SELECT user_id, created_at, expires_at FROM sessions WHERE token_hash = ?"),
        { hexOf(tokenHash) });
    if (!query)
        return query.error();
    ScopedFinish finish(*query);
    if (!(*query)->next())
        return std::optional<SessionRecord>();
    return std::optional<SessionRecord>(SessionRecord {
        tokenHash, (*query)->value(0).toLongLong(), (*query)->value(1).toLongLong(), (*query)->value(2).toLongLong() });
}

StoreDb::Result<bool> StoreDb::extendSession(const QByteArray& tokenHash, qint64 expiresAt)
{
    auto updated = m_sql->exec(
        QStringLiteral("UPDATE sessions SET expires_at = ? WHERE token_hash = ?"), { expiresAt, hexOf(tokenHash) });
    if (!updated)
        return updated.error();
    return *updated > 0;
}

StoreDb::Result<bool> StoreDb::deleteSession(const QByteArray& tokenHash)
{
    auto deleted = m_sql->exec(QStringLiteral("DELETE FROM sessions WHERE token_hash = ?"), { hexOf(tokenHash) });
    if (!deleted)
        return deleted.error();
    return *deleted > 0;
}

StoreDb::Result<bool> StoreDb::deleteSessionsOfUser(qint64 userId)
{
    auto deleted = m_sql->exec(QStringLiteral("DELETE FROM sessions WHERE user_id = ?"), { userId });
    if (!deleted)
        return deleted.error();
    return *deleted > 0;
}

StoreDb::Result<int> StoreDb::deleteExpiredSessions(qint64 nowMs)
{
    return m_sql->exec(QStringLiteral("DELETE FROM sessions WHERE expires_at <= ?"), { nowMs });
}

} // namespace chat::server
