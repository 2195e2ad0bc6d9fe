#pragma once

#include <QList>
#include <QString>

// How message text is matched by messages.search (protocol.md, "Search"): one folding rule for the index the
// server keeps, the query it receives and the highlight ranges it answers with, so that the three agree.
namespace chat::search {

// Queries need this many characters (code points, after folding) for the trigram index; shorter ones are served
// only when every character is of a dense script (see isDense).
inline constexpr int MinQueryChars = 3;
// The longest query, in characters (code points) as sent.
inline constexpr int MaxQueryChars = 256;
// Results per page: when `limit` is left out, and the most it may ask for.
inline constexpr int DefaultResults = 20;
inline constexpr int MaxResults = 50;
// The most highlight ranges one result carries.
inline constexpr int MaxHighlights = 32;

// A range of a message body in UTF-16 code units, as QString and JavaScript index strings.
struct TextRange {
    int start = 0;
    int length = 0;
    friend bool operator==(const TextRange&, const TextRange&) = default;
};

// Text folded for matching: case folded; accents and other Latin/Greek/Cyrillic combining marks removed;
// compatibility forms unified (full-width Latin, ligatures, half-width kana); typographic quotes straight; variation
// selectors and invisible
// format characters (zero-width space, direction marks, BOM; not the emoji joiner) dropped; every run of
// whitespace one space. Kana voicing marks and Hangul syllables are kept as they are.
QString fold(const QString& text);

// fold() with where each folded code unit came from: the source range [sourceStart, sourceEnd) in UTF-16.
struct FoldedText {
    QString text;
    QList<int> sourceStart;
    QList<int> sourceEnd;
};
FoldedText foldWithOrigins(const QString& text);

// Chinese, Japanese and Korean characters and emoji: a word may be one or two of them, too short for trigrams.
bool isDense(char32_t codePoint);

// The second indexed column: each run of dense characters of fold(body), every character written three times
// ("猫が好き" -> "猫猫猫がががが好好好きききき"), runs separated by a space; empty when there is none. A trigram
// index over it finds one or two dense characters: "猫" is "猫猫猫", "好き" is "好好好ききき", and such a
// tripled pattern only matches where the characters really are adjacent.
QString denseText(const QString& body);

struct Query {
    enum class Kind {
        Substring, // at least MinQueryChars characters: a substring of the folded body
        Dense, // one or two dense characters: a substring of denseText(body)
        TooShort,
        Empty,
    };
    Kind kind = Kind::Empty;
    QString folded; // fold(text), trimmed
    QString pattern; // what the index is asked for: `folded` (Substring) or it tripled (Dense)
};
// The text is taken literally: quotes, *, -, :, OR and NEAR are characters like any other.
Query parseQuery(const QString& text);

// Every place `foldedQuery` (Query::folded) occurs in fold(body), as ranges of `body`, in order, at most
// MaxHighlights; touching or overlapping occurrences are merged into one range.
QList<TextRange> highlights(const QString& body, const QString& foldedQuery);

} // namespace chat::search
