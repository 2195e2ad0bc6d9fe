#include "FuzzyMatch.h"

namespace chat::client {

namespace {
bool startsWord(const QString& text, qsizetype at)
{
    if (at == 0)
        return true;
    const QChar before = text.at(at - 1);
    return !before.isLetterOrNumber() || (before.isLower() && text.at(at).isUpper());
}
} // namespace

int FuzzyMatch::score(const QString& pattern, const QString& text)
{
    const QString wanted = pattern.trimmed();
    if (wanted.isEmpty())
        return 0;
    int total = 0;
    qsizetype from = 0;
    qsizetype previous = -2;
    for (const QChar letter : wanted) {
        qsizetype at = -1;
        for (qsizetype i = from; i < text.size(); ++i) {
            if (text.at(i).toCaseFolded() == letter.toCaseFolded()) {
                at = i;
                break;
            }
        }
        if (at < 0)
            return -1;
        total += 1;
        if (at == previous + 1)
            total += 5; // consecutive
        if (startsWord(text, at))
            total += 8;
        previous = at;
        from = at + 1;
    }
    return total * 100 - int(text.size()); // among equals, the shorter name
}

} // namespace chat::client
