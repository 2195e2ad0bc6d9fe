#include "Emoji.h"

#include "Protocol.h"

#include <QList>
#include <QTextBoundaryFinder>

#include <unicode/uchar.h>

namespace chat::emoji {

namespace {

constexpr uint VariationSelector16 = 0xFE0F;
constexpr uint ZeroWidthJoiner = 0x200D;
constexpr uint CombiningKeycap = 0x20E3;
constexpr uint BlackFlag = 0x1F3F4; // the base of tag sequences (subdivision flags)
constexpr uint TagFirst = 0xE0020;
constexpr uint CancelTag = 0xE007F;

bool has(uint c, UProperty property)
{
    return u_hasBinaryProperty(static_cast<UChar32>(c), property);
}

bool isOneGraphemeCluster(const QString& text)
{
    QTextBoundaryFinder finder(QTextBoundaryFinder::Grapheme, text);
    return finder.toNextBoundary() == text.size();
}

bool isKeycap(const QList<uint>& cps)
{
    const uint base = cps.first();
    const bool keycapBase = (base >= '0' && base <= '9') || base == '#' || base == '*';
    if (!keycapBase)
        return false;
    return (cps.size() == 2 && cps[1] == CombiningKeycap)
        || (cps.size() == 3 && cps[1] == VariationSelector16 && cps[2] == CombiningKeycap);
}

bool isFlag(const QList<uint>& cps)
{
    return cps.size() == 2 && has(cps[0], UCHAR_REGIONAL_INDICATOR) && has(cps[1], UCHAR_REGIONAL_INDICATOR);
}

bool isTagSequence(const QList<uint>& cps)
{
    if (cps.size() < 3 || cps.first() != BlackFlag || cps.last() != CancelTag)
        return false;
    for (qsizetype i = 1; i + 1 < cps.size(); ++i) {
        if (cps[i] < TagFirst || cps[i] >= CancelTag)
            return false;
    }
    return true;
}

// One element of a ZWJ sequence, from `i`: a pictograph, then an optional U+FE0F or skin tone. Returns the
// index after it and whether it presents as emoji, or -1 when cps[i] starts no element.
qsizetype element(const QList<uint>& cps, qsizetype i, bool& presentsAsEmoji)
{
    const uint base = cps[i];
    if (base < 0x80 || !has(base, UCHAR_EMOJI) || has(base, UCHAR_REGIONAL_INDICATOR)
        || has(base, UCHAR_EMOJI_MODIFIER))
        return -1;
    presentsAsEmoji = has(base, UCHAR_EMOJI_PRESENTATION);
    ++i;
    if (i < cps.size() && cps[i] == VariationSelector16) {
        presentsAsEmoji = true;
        ++i;
    } else if (i < cps.size() && has(cps[i], UCHAR_EMOJI_MODIFIER)) {
        presentsAsEmoji = has(base, UCHAR_EMOJI_MODIFIER_BASE);
        ++i;
    }
    return i;
}

bool isZwjSequence(const QList<uint>& cps)
{
    qsizetype i = 0;
    while (true) {
        bool presentsAsEmoji = false;
        i = element(cps, i, presentsAsEmoji);
        if (i < 0 || !presentsAsEmoji)
            return false;
        if (i == cps.size())
            return true;
        if (cps[i] != ZeroWidthJoiner || i + 1 == cps.size())
            return false;
        ++i;
    }
}

} // namespace

bool isSingleEmoji(const QString& text)
{
    if (text.isEmpty() || text.size() > protocol::MaxEmojiUtf16 || !isOneGraphemeCluster(text))
        return false;
    const QList<uint> cps = text.toUcs4();
    return isKeycap(cps) || isFlag(cps) || isTagSequence(cps) || isZwjSequence(cps);
}

} // namespace chat::emoji
