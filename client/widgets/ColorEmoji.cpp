#include "ColorEmoji.h"

#include <QFontDatabase>
#include <QStringList>

namespace chat::client::emoji {

namespace {
constexpr char32_t VariationSelector16 = 0xFE0F; // "show as emoji"
constexpr char32_t ZeroWidthJoiner = 0x200D;
constexpr char32_t CombiningKeycap = 0x20E3;

// Code points that are emoji by default (Emoji_Presentation), in the blocks where chat users meet them.
bool isPictograph(char32_t c)
{
    return (c >= 0x1F300 && c <= 0x1F5FF) // symbols and pictographs
        || (c >= 0x1F600 && c <= 0x1F64F) // emoticons
        || (c >= 0x1F680 && c <= 0x1F6FF) // transport and map
        || (c >= 0x1F900 && c <= 0x1FAFF) // supplemental symbols and pictographs, extended-A
        || (c >= 0x1F1E6 && c <= 0x1F1FF) // regional indicators (flags)
        || c == 0x1F004 || c == 0x1F0CF || c == 0x1F18E || (c >= 0x1F191 && c <= 0x1F19A) || c == 0x231A || c == 0x231B
        || (c >= 0x23E9 && c <= 0x23EC) || c == 0x23F0 || c == 0x23F3 || c == 0x25FD || c == 0x25FE || c == 0x2614
        || c == 0x2615 || (c >= 0x2648 && c <= 0x2653) || c == 0x267F || c == 0x2693 || c == 0x26A1 || c == 0x26AA
        || c == 0x26AB || c == 0x26BD || c == 0x26BE || c == 0x26C4 || c == 0x26C5 || c == 0x26CE || c == 0x26D4
        || c == 0x26EA || c == 0x26F2 || c == 0x26F3 || c == 0x26F5 || c == 0x26FA || c == 0x26FD || c == 0x2705
        || c == 0x270A || c == 0x270B || c == 0x2728 || c == 0x274C || c == 0x274E || (c >= 0x2753 && c <= 0x2755)
        || c == 0x2757 || (c >= 0x2795 && c <= 0x2797) || c == 0x27B0 || c == 0x27BF || c == 0x2B1B || c == 0x2B1C
        || c == 0x2B50 || c == 0x2B55;
}

// Symbols shown as text unless a variation selector 16 asks for the emoji (❤ vs ❤️).
bool isTextDefaultSymbol(char32_t c)
{
    return (c >= 0x2190 && c <= 0x21FF) || (c >= 0x2300 && c <= 0x23FF) || (c >= 0x2460 && c <= 0x27BF)
        || (c >= 0x2900 && c <= 0x2BFF) || c == 0x00A9 || c == 0x00AE || c == 0x203C || c == 0x2049 || c == 0x2122
        || c == 0x2139 || c == 0x3030 || c == 0x303D || c == 0x3297 || c == 0x3299 || (c >= u'0' && c <= u'9')
        || c == u'#' || c == u'*';
}

// The code point at `at` and where the next one starts; a lone surrogate stands for itself.
char32_t codePointAt(QStringView text, qsizetype at, qsizetype* next)
{
    const QChar c = text.at(at);
    if (c.isHighSurrogate() && at + 1 < text.size() && text.at(at + 1).isLowSurrogate()) {
        *next = at + 2;
        return QChar::surrogateToUcs4(c, text.at(at + 1));
    }
    *next = at + 1;
    return c.unicode();
}

// What may follow inside one sequence: selectors, skin tones, joiners, keycaps, tag characters.
bool continuesSequence(char32_t c)
{
    return c == VariationSelector16 || c == ZeroWidthJoiner || c == CombiningKeycap || (c >= 0x1F3FB && c <= 0x1F3FF)
        || (c >= 0xE0020 && c <= 0xE007F);
}
} // namespace

QString colorFamily()
{
    static const QString family = [] {
        const QStringList installed = QFontDatabase::families();
        for (const QString candidate : { QStringLiteral("Noto Color Emoji"), QStringLiteral("Segoe UI Emoji"),
                 QStringLiteral("Apple Color Emoji"), QStringLiteral("Twemoji") }) {
            if (installed.contains(candidate))
                return candidate;
        }
        return QString();
    }();
    return family;
}

QString wrapRuns(QStringView text, const QString& family)
{
    if (family.isEmpty())
        return text.toString();
    const QString open = QLatin1String("<span style=\"font-family:'") + family + QLatin1String("'\">");
    static const QString close = QStringLiteral("</span>");
    QString out;
    out.reserve(text.size() + 16);
    bool inRun = false;
    qsizetype at = 0;
    while (at < text.size()) {
        qsizetype end = 0;
        const char32_t c = codePointAt(text, at, &end);
        bool emoji = isPictograph(c) || (inRun && continuesSequence(c));
        if (!emoji && isTextDefaultSymbol(c) && end < text.size()) {
            qsizetype ignored = 0;
            const char32_t next = codePointAt(text, end, &ignored);
            emoji = next == VariationSelector16 || next == CombiningKeycap;
        }
        // After a joiner, the next symbol belongs to the same sequence (🏳️‍⚧️).
        if (!emoji && inRun && at > 0 && text.at(at - 1).unicode() == ZeroWidthJoiner)
            emoji = isTextDefaultSymbol(c);
        if (emoji != inRun) {
            out += emoji ? open : close;
            inRun = emoji;
        }
        out += text.mid(at, end - at);
        at = end;
    }
    if (inRun)
        out += close;
    return out;
}

} // namespace chat::client::emoji
