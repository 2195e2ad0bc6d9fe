#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>

namespace chat::client::cachesql {

bool exec(QSqlQuery& query); // logs a failure
bool exec(const QSqlDatabase& db, const QString& sql);

// Creates the local cache's tables, or brings an older file to this version: version 1 (before message
// actions) keeps its people, rooms and outbox and loses its messages, which the next sync loads again with
// their edits, deletions and reactions. A file of any other version starts empty.
bool prepareSchema(const QSqlDatabase& db);

} // namespace chat::client::cachesql
