#include "SqlStatements.h"

#include <QSqlError>

namespace chat::server {

namespace {

bool isStorageFull(const QSqlDriver* driver, const QString& nativeCode)
{
    if (!driver)
        return false;
    switch (driver->dbmsType()) {
    case QSqlDriver::SQLite:
        return (nativeCode.toInt() & 0xff) == 13; // SQLITE_FULL (the low byte: extended codes keep it)
    case QSqlDriver::PostgreSQL:
        return nativeCode == QLatin1String("53100"); // disk_full
    default:
        return false;
    }
}

} // namespace

StoreError SqlStatements::failureOf(const QSqlQuery& query, const QString& what)
{
    return failureOf(query.lastError(), query.driver(), what);
}

StoreError SqlStatements::failureOf(const QSqlError& error, const QSqlDriver* driver, const QString& what)
{
    QString text = error.text();
    if (!error.nativeErrorCode().isEmpty())
        text += QStringLiteral(" [") + error.nativeErrorCode() + QLatin1Char(']');
    StoreError failure = StoreError::failure(what + QStringLiteral(": ") + text);
    failure.nativeCode = error.nativeErrorCode();
    if (isStorageFull(driver, failure.nativeCode))
        failure.kind = StoreError::Kind::StorageFull;
    return failure;
}

SqlStatements::Result SqlStatements::prepared(const QString& sql)
{
    auto found = m_cache.constFind(sql);
    if (found != m_cache.constEnd())
        return found.value().get();
    auto query = std::make_shared<QSqlQuery>(m_db);
    query->setForwardOnly(true);
    if (!query->prepare(sql))
        return failureOf(*query, QStringLiteral("prepare failed"));
    m_cache.insert(sql, query);
    return query.get();
}

QVariant SqlStatements::bindable(const QVariant& value) const
{
    // QSQLITE binds text as UTF-16 (sqlite3_bind_text16), and SQLite takes a leading U+FEFF (or U+FFFE, which
    // the protocol refuses) for a byte order mark and drops it. One U+FEFF more in front is the mark SQLite
    // eats, so the string is stored as it was.
    if (!m_shieldsLeadingByteOrderMark || value.typeId() != QMetaType::QString)
        return value;
    const QString text = value.toString();
    if (text.isEmpty() || (text.front() != QChar(0xfeff) && text.front() != QChar(0xfffe)))
        return value;
    return QString(QChar(0xfeff) + text);
}

SqlStatements::Result SqlStatements::run(const QString& sql, const QVariantList& values)
{
    auto query = prepared(sql);
    if (!query)
        return query;
    QSqlQuery* q = *query;
    for (int i = 0; i < values.size(); ++i)
        q->bindValue(i, bindable(values.at(i)));
    if (!q->exec()) {
        StoreError error = failureOf(*q, QStringLiteral("query failed"));
        q->finish();
        return error;
    }
    return q;
}

Expected<int, StoreError> SqlStatements::exec(const QString& sql, const QVariantList& values)
{
    auto query = run(sql, values);
    if (!query)
        return query.error();
    const int affected = (*query)->numRowsAffected();
    (*query)->finish();
    return affected;
}

Expected<bool, StoreError> SqlStatements::execDirect(const QString& sql)
{
    QSqlQuery query(m_db);
    if (!query.exec(sql))
        return failureOf(query, QStringLiteral("statement failed"));
    return true;
}

} // namespace chat::server
