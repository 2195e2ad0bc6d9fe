#pragma once

#include "SearchText.h"

#include <QList>
#include <QString>

namespace chat::client {

// The part of a message body a search result shows: one line (line breaks become spaces), starting shortly
// before the first highlight so that it is in view, with "…" where the body was cut.
struct SearchSnippet {
    QString text;
    QList<search::TextRange> highlights; // ranges of `text`, in order

    // `leadChars`: how much of the body to keep before the first highlight; `maxChars`: the most of it kept.
    static SearchSnippet around(
        const QString& body, const QList<search::TextRange>& highlights, int leadChars = 32, int maxChars = 300);
};

} // namespace chat::client
