#pragma once

#include "SearchText.h"

#include <QAbstractTextDocumentLayout>
#include <QList>
#include <QTextCharFormat>

class QPalette;
class QTextDocument;

namespace chat::client {

// How a search match is marked, in the result list and in the chat pane alike: an amber ground that reads in
// light and dark palettes.
class SearchHighlight {
public:
    static QTextCharFormat format(const QPalette& palette);
    // The ranges as selections over a laid-out message body whose text is the body it was matched in.
    static QList<QAbstractTextDocumentLayout::Selection> selections(
        QTextDocument* document, const QList<search::TextRange>& ranges, const QPalette& palette);
};

} // namespace chat::client
