#pragma once

#include <QString>

namespace chat::client {

// Quick-switcher matching: the typed letters must appear in order (case-insensitive); the score rewards
// letters that follow each other and letters at the start of the name or of a word, so "gen" ranks
// "#general" above "#design-engineering". -1 means no match.
class FuzzyMatch {
public:
    static int score(const QString& pattern, const QString& text);
};

} // namespace chat::client
