#pragma once

#include "Types.h"

#include <QList>
#include <QString>

class QSqlQuery;

namespace chat::server::messagerows {

// The select list and FROM clause of a message as clients see it: its own row and the quote of the
// message it replies to (alias m for the message, r for the original). Append a WHERE on m.
extern const QString Select;
Message from(const QSqlQuery& query); // a row of Select, without its attachments
int attachmentCount(const QSqlQuery& query); // how many attachments the row's message has

// The JSON text kept in messages.mentions and messages.reactions; NULL (an invalid QVariant of type
// QString) when empty, so that unchanged messages carry nothing.
QVariant mentionsColumn(const QList<qint64>& mentions);
QVariant reactionsColumn(const QList<Reaction>& reactions);

} // namespace chat::server::messagerows
