#include "SearchSnippet.h"

#include <algorithm>

namespace chat::client {

namespace {
const QChar Ellipsis(0x2026);

// Never cut between the two halves of a character beyond U+FFFF.
qsizetype onCharacterBoundary(const QString& text, qsizetype at)
{
    return at > 0 && at < text.size() && text.at(at).isLowSurrogate() ? at + 1 : at;
}
} // namespace

SearchSnippet SearchSnippet::around(
    const QString& body, const QList<search::TextRange>& highlights, int leadChars, int maxChars)
{
    QString flat = body;
    for (QChar& c : flat) {
        if (c == QLatin1Char('\n') || c == QLatin1Char('\r') || c == QLatin1Char('\t') || c == QChar::LineSeparator
            || c == QChar::ParagraphSeparator)
            c = QLatin1Char(' '); // one for one, so the ranges stay where they are
    }
    qsizetype start = 0;
    if (!highlights.isEmpty() && highlights.first().start > leadChars) {
        const qsizetype first = highlights.first().start;
        start = first - leadChars;
        // Begin at a word when one begins in the lead, rather than in the middle of one.
        const qsizetype space = flat.indexOf(QLatin1Char(' '), start);
        if (space >= 0 && space + 1 < first)
            start = space + 1;
        start = onCharacterBoundary(flat, start);
    }
    const bool cutBefore = start > 0;
    const qsizetype firstStart = highlights.isEmpty() ? flat.size() : highlights.first().start;
    while (start < firstStart && start < flat.size() && flat.at(start) == QLatin1Char(' '))
        ++start;
    const qsizetype end = onCharacterBoundary(flat, std::min<qsizetype>(flat.size(), start + maxChars));

    SearchSnippet snippet;
    const qsizetype shift = cutBefore ? 1 : 0; // the leading ellipsis
    snippet.text = (cutBefore ? QString(Ellipsis) : QString()) + flat.mid(start, end - start);
    if (end < flat.size())
        snippet.text += Ellipsis;
    for (const search::TextRange& range : highlights) {
        const qsizetype from = std::max<qsizetype>(range.start, start);
        const qsizetype to = std::min<qsizetype>(range.start + range.length, end);
        if (to > from)
            snippet.highlights.append({ int(from - start + shift), int(to - from) });
    }
    return snippet;
}

} // namespace chat::client
