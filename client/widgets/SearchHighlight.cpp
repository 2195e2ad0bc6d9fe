#include "SearchHighlight.h"

#include <QPalette>
#include <QTextCursor>
#include <QTextDocument>

namespace chat::client {

QTextCharFormat SearchHighlight::format(const QPalette& palette)
{
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    QTextCharFormat format;
    format.setBackground(dark ? QColor(0x7a, 0x5c, 0x0e) : QColor(0xfc, 0xdc, 0x6c));
    format.setForeground(dark ? QColor(0xff, 0xf2, 0xc9) : QColor(0x2b, 0x20, 0x00));
    return format;
}

QList<QAbstractTextDocumentLayout::Selection> SearchHighlight::selections(
    QTextDocument* document, const QList<search::TextRange>& ranges, const QPalette& palette)
{
    // The document holds the body as text, character for character (links and emoji only add formatting), so a
    // range of the body is the same range of the document.
    QList<QAbstractTextDocumentLayout::Selection> marked;
    const int end = document->characterCount() - 1;
    for (const search::TextRange& range : ranges) {
        if (range.start + range.length > end)
            break;
        QTextCursor cursor(document);
        cursor.setPosition(range.start);
        cursor.setPosition(range.start + range.length, QTextCursor::KeepAnchor);
        marked.append({ cursor, format(palette) });
    }
    return marked;
}

} // namespace chat::client
