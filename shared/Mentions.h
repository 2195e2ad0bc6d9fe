#pragma once

#include <QList>
#include <QString>

namespace chat::mentions {

// One `@name` in a message body: where it is (the '@' included) and the name without the '@'.
struct Span {
    qsizetype start = 0;
    qsizetype length = 0;
    QString name;
};

// Every `@name` in a body, by the rule in docs/protocol.md: '@' at the start or after a character that is
// not a letter, digit or '_'; the name is the longest run of ASCII letters, digits, '_', '.', '-' after it,
// without a trailing '.' or '-'. The server resolves names to room members; clients highlight with it.
QList<Span> spans(const QString& body);

// The names of spans(), each once (compared as usernames are: ASCII case-insensitively), in order.
QStringList names(const QString& body);

} // namespace chat::mentions
