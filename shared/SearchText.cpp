#include "SearchText.h"

#include <QChar>

#include <unicode/uchar.h>

namespace chat::search {

namespace {

constexpr char16_t Space = u' ';
constexpr char32_t ZeroWidthJoiner = 0x200D;

// The combining marks that accents are made of in Latin, Greek and Cyrillic text. Marks of other scripts (the
// kana voicing marks, Indic vowel signs) change the letter and stay.
bool isAccentMark(char32_t c)
{
    return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) || (c >= 0x1DC0 && c <= 0x1DFF)
        || (c >= 0xFE20 && c <= 0xFE2F);
}

bool isDropped(char32_t c)
{
    if ((c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF)) // variation selectors
        return true;
    return c != ZeroWidthJoiner && QChar::category(c) == QChar::Other_Format;
}

// Typographic quotes, as keyboards and autocorrection type them, stand for the straight ones.
char32_t straightQuote(char32_t c)
{
    switch (c) {
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032:
    case 0xFF07:
        return u'\'';
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x2033:
    case 0xFF02:
        return u'"';
    default:
        return 0;
    }
}

bool isAsciiSpace(char32_t c)
{
    return c == u' ' || (c >= u'\t' && c <= u'\r');
}

// Appends folded code units with their origins; `origins` may be null when only the text is wanted.
class Folder {
public:
    Folder(QString& out, FoldedText* origins)
        : m_out(out)
        , m_origins(origins)
    {
    }

    void add(char32_t c, int start, int end)
    {
        if (c < 0x80) {
            if (isAsciiSpace(c))
                return addSpace(start, end);
            return addUnit(char16_t(c >= u'A' && c <= u'Z' ? c + 32 : c), start, end);
        }
        if (QChar::isSpace(c))
            return addSpace(start, end);
        if (isDropped(c) || isAccentMark(c))
            return extendLast(end);
        if (const char32_t quote = straightQuote(c))
            return addUnit(char16_t(quote), start, end);
        const QChar::Decomposition tag = QChar::decompositionTag(c);
        if (tag == QChar::NoDecomposition)
            return addCodePoint(QChar::toCaseFolded(c), start, end);
        QString parts = QString::fromUcs4(&c, 1).normalized(QString::NormalizationForm_KD);
        const qsizetype before = parts.size();
        parts.removeIf([](QChar unit) { return isAccentMark(unit.unicode()); });
        const bool stripped = parts.size() != before;
        if (tag == QChar::Canonical && !stripped) // composed letters that keep their marks: kana with voicing, Hangul
            return addCodePoint(QChar::toCaseFolded(c), start, end);
        if (stripped && parts.size() > 1)
            parts = parts.normalized(QString::NormalizationForm_C);
        parts = parts.toCaseFolded();
        for (QChar unit : std::as_const(parts)) {
            if (unit.isSpace())
                addSpace(start, end);
            else
                addUnit(unit.unicode(), start, end);
        }
    }

private:
    // A mark or invisible character belongs to the character before it: a highlight of that one covers it too.
    void extendLast(int end)
    {
        if (m_origins && !m_origins->sourceEnd.isEmpty())
            m_origins->sourceEnd.back() = end;
    }

    void addCodePoint(char32_t c, int start, int end)
    {
        if (QChar::requiresSurrogates(c)) {
            addUnit(QChar::highSurrogate(c), start, end);
            addUnit(QChar::lowSurrogate(c), start, end);
        } else {
            addUnit(char16_t(c), start, end);
        }
    }

    void addSpace(int start, int end)
    {
        if (!m_out.isEmpty() && m_out.back() == Space) {
            if (m_origins)
                m_origins->sourceEnd.back() = end;
            return;
        }
        addUnit(Space, start, end);
    }

    void addUnit(char16_t unit, int start, int end)
    {
        m_out.append(QChar(unit));
        if (m_origins) {
            m_origins->sourceStart.append(start);
            m_origins->sourceEnd.append(end);
        }
    }

    QString& m_out;
    FoldedText* m_origins;
};

template<typename Visit> void forEachCodePoint(const QString& text, Visit visit)
{
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size;) {
        const char16_t unit = text.at(i).unicode();
        if (QChar::isHighSurrogate(unit) && i + 1 < size && QChar::isLowSurrogate(text.at(i + 1).unicode())) {
            visit(QChar::surrogateToUcs4(unit, text.at(i + 1).unicode()), int(i), int(i + 2));
            i += 2;
        } else {
            visit(char32_t(unit), int(i), int(i + 1));
            ++i;
        }
    }
}

void foldInto(const QString& text, QString& out, FoldedText* origins)
{
    out.reserve(text.size());
    Folder folder(out, origins);
    forEachCodePoint(text, [&folder](char32_t c, int start, int end) { folder.add(c, start, end); });
}

QString tripled(const QString& folded)
{
    QString out;
    forEachCodePoint(folded, [&out, &folded](char32_t, int start, int end) {
        const QStringView unit = QStringView(folded).mid(start, end - start);
        out.append(unit).append(unit).append(unit);
    });
    return out;
}

} // namespace

QString fold(const QString& text)
{
    QString out;
    foldInto(text, out, nullptr);
    return out;
}

FoldedText foldWithOrigins(const QString& text)
{
    FoldedText folded;
    folded.sourceStart.reserve(text.size());
    folded.sourceEnd.reserve(text.size());
    foldInto(text, folded.text, &folded);
    return folded;
}

bool isDense(char32_t c)
{
    if (c < 0x1100)
        return false;
    const bool cjk = (c <= 0x11FF) // Hangul jamo
        || (c >= 0x2E80 && c <= 0x2FDF) // radicals
        || (c >= 0x3001 && c <= 0x33FF) // punctuation, kana, bopomofo, compatibility jamo, enclosed and squared forms
        || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) // ideographs
        || (c >= 0xA960 && c <= 0xA97F) || (c >= 0xAC00 && c <= 0xD7FF) // Hangul
        || (c >= 0xF900 && c <= 0xFAFF) // compatibility ideographs
        || (c >= 0xFF66 && c <= 0xFFDC) // half-width kana and Hangul
        || (c >= 0x20000 && c <= 0x3FFFF); // ideographs beyond the BMP
    if (cjk)
        return true;
    const auto point = static_cast<UChar32>(c);
    return u_hasBinaryProperty(point, UCHAR_EXTENDED_PICTOGRAPHIC)
        || u_hasBinaryProperty(point, UCHAR_REGIONAL_INDICATOR) || u_hasBinaryProperty(point, UCHAR_EMOJI_MODIFIER);
}

QString denseText(const QString& body)
{
    const QString folded = fold(body);
    QString out;
    forEachCodePoint(folded, [&out, &folded](char32_t c, int start, int end) {
        if (isDense(c)) {
            const QStringView unit = QStringView(folded).mid(start, end - start);
            out.append(unit).append(unit).append(unit);
        } else if (!out.isEmpty() && out.back() != Space) {
            out.append(Space);
        }
    });
    if (!out.isEmpty() && out.back() == Space)
        out.chop(1);
    return out;
}

Query parseQuery(const QString& text)
{
    Query query;
    query.folded = fold(text).trimmed();
    if (query.folded.isEmpty())
        return query;
    int characters = 0;
    bool allDense = true;
    forEachCodePoint(query.folded, [&characters, &allDense](char32_t c, int, int) {
        ++characters;
        allDense = allDense && isDense(c);
    });
    if (characters >= MinQueryChars) {
        query.kind = Query::Kind::Substring;
        query.pattern = query.folded;
    } else if (allDense) {
        query.kind = Query::Kind::Dense;
        query.pattern = tripled(query.folded);
    } else {
        query.kind = Query::Kind::TooShort;
    }
    return query;
}

QList<TextRange> highlights(const QString& body, const QString& foldedQuery)
{
    QList<TextRange> ranges;
    if (foldedQuery.isEmpty())
        return ranges;
    const FoldedText folded = foldWithOrigins(body);
    for (qsizetype at = folded.text.indexOf(foldedQuery); at >= 0; at = folded.text.indexOf(foldedQuery, at + 1)) {
        const int start = folded.sourceStart.at(at);
        const int end = folded.sourceEnd.at(at + foldedQuery.size() - 1);
        if (!ranges.isEmpty() && start <= ranges.last().start + ranges.last().length) {
            TextRange& last = ranges.last();
            last.length = std::max(last.length, end - last.start);
            continue;
        }
        if (ranges.size() == MaxHighlights)
            break;
        ranges.append(TextRange { start, end - start });
    }
    return ranges;
}

} // namespace chat::search
