#include "StrictJson.h"

#include <vector>

namespace chat::json {

namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

class Checker {
public:
    explicit Checker(QByteArrayView text)
        : m_text(text)
    {
    }

    StrictCheck run()
    {
        if (!m_text.isEmpty() && !m_text.isValidUtf8())
            return failAt(0, QStringLiteral("the text is not valid UTF-8"));
        skipWhitespace();
        m_result.topLevelIsContainer = m_pos < m_text.size() && (peek() == '{' || peek() == '[');
        enum class Expect { Value, ValueOrEnd, KeyOrEnd, Key, Colon, CommaOrEnd };
        Expect expect = Expect::Value;
        for (;;) {
            skipWhitespace();
            if (m_result.errorOffset)
                return m_result;
            if (expect == Expect::CommaOrEnd && m_open.empty()) {
                if (m_pos != m_text.size())
                    return failAt(m_pos, QStringLiteral("unexpected text after the end of the JSON value"));
                return m_result;
            }
            if (m_pos >= m_text.size())
                return failAt(m_pos, QStringLiteral("the JSON text ends too early"));
            const char c = peek();
            switch (expect) {
            case Expect::ValueOrEnd:
                if (c == ']') {
                    ++m_pos;
                    m_open.pop_back();
                    expect = Expect::CommaOrEnd;
                    break;
                }
                [[fallthrough]];
            case Expect::Value:
                if (c == '{' || c == '[') {
                    if (int(m_open.size()) >= MaxNestingDepth)
                        return failAt(m_pos, QStringLiteral("nesting deeper than %1").arg(MaxNestingDepth));
                    m_open.push_back(c);
                    ++m_pos;
                    expect = c == '{' ? Expect::KeyOrEnd : Expect::ValueOrEnd;
                    break;
                }
                scalar();
                expect = Expect::CommaOrEnd;
                break;
            case Expect::KeyOrEnd:
                if (c == '}') {
                    ++m_pos;
                    m_open.pop_back();
                    expect = Expect::CommaOrEnd;
                    break;
                }
                [[fallthrough]];
            case Expect::Key:
                if (c != '"')
                    return failAt(m_pos, QStringLiteral("an object key must be a string in double quotes"));
                string();
                expect = Expect::Colon;
                break;
            case Expect::Colon:
                if (c != ':')
                    return failAt(m_pos, QStringLiteral("expected ':' after an object key"));
                ++m_pos;
                expect = Expect::Value;
                break;
            case Expect::CommaOrEnd: {
                const char open = m_open.back();
                if (c == ',') {
                    ++m_pos;
                    expect = open == '{' ? Expect::Key : Expect::Value;
                } else if ((open == '{' && c == '}') || (open == '[' && c == ']')) {
                    ++m_pos;
                    m_open.pop_back();
                } else {
                    return failAt(m_pos,
                        QStringLiteral("expected ',' or the end of the %1")
                            .arg(open == '{' ? QStringLiteral("object") : QStringLiteral("array")));
                }
                break;
            }
            }
        }
    }

private:
    char peek() const { return m_text.at(m_pos); }

    StrictCheck failAt(qsizetype offset, const QString& what)
    {
        if (!m_result.errorOffset) {
            m_result.errorOffset = offset;
            m_result.error = what;
        }
        return m_result;
    }

    void skipWhitespace()
    {
        while (m_pos < m_text.size()) {
            const char c = peek();
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                return;
            ++m_pos;
        }
    }

    void scalar()
    {
        const char c = peek();
        if (c == '"')
            return string();
        if (c == '-' || isDigit(c))
            return number();
        for (const char* literal : { "true", "false", "null" }) {
            if (m_text.sliced(m_pos).startsWith(QByteArrayView(literal))) {
                m_pos += qstrlen(literal);
                return;
            }
        }
        failAt(m_pos, QStringLiteral("expected a JSON value"));
    }

    // number = [ "-" ] ( "0" / 1-9 *DIGIT ) [ "." 1*DIGIT ] [ ( "e" / "E" ) [ "+" / "-" ] 1*DIGIT ]
    void number()
    {
        const qsizetype start = m_pos;
        if (peek() == '-')
            ++m_pos;
        if (m_pos < m_text.size() && peek() == '0')
            ++m_pos;
        else if (!digits())
            return (void)failAt(start, QStringLiteral("a number needs digits before any '.'"));
        if (m_pos < m_text.size() && peek() == '.') {
            ++m_pos;
            if (!digits())
                return (void)failAt(start, QStringLiteral("a number needs digits after its '.'"));
        }
        if (m_pos < m_text.size() && (peek() == 'e' || peek() == 'E')) {
            ++m_pos;
            if (m_pos < m_text.size() && (peek() == '+' || peek() == '-'))
                ++m_pos;
            if (!digits())
                return (void)failAt(start, QStringLiteral("a number needs digits in its exponent"));
        }
        if (m_pos < m_text.size() && (isDigit(peek()) || peek() == '.'))
            failAt(start, QStringLiteral("a number may not have leading zeros"));
    }

    bool digits()
    {
        const qsizetype start = m_pos;
        while (m_pos < m_text.size() && isDigit(peek()))
            ++m_pos;
        return m_pos > start;
    }

    std::optional<char16_t> unicodeEscape(qsizetype at)
    {
        // at points to the backslash of "\uXXXX"
        if (at + 6 > m_text.size() || m_text.at(at + 1) != 'u')
            return std::nullopt;
        char16_t value = 0;
        for (qsizetype i = at + 2; i < at + 6; ++i) {
            const int digit = hexValue(m_text.at(i));
            if (digit < 0)
                return std::nullopt;
            value = char16_t(value * 16 + digit);
        }
        return value;
    }

    void string()
    {
        const qsizetype start = m_pos++;
        while (m_pos < m_text.size()) {
            const auto c = static_cast<unsigned char>(peek());
            if (c == '"') {
                ++m_pos;
                return;
            }
            if (c < 0x20)
                return (void)failAt(m_pos, QStringLiteral("control characters in strings must be escaped"));
            if (c == 0xef && m_text.sliced(m_pos).startsWith("\xef\xbf") && m_pos + 2 < m_text.size()
                && (uchar(m_text.at(m_pos + 2)) & 0xfe) == 0xbe)
                noteNonCharacter(m_pos);
            if (c != '\\') {
                ++m_pos;
                continue;
            }
            if (m_pos + 1 >= m_text.size())
                break;
            const char escaped = m_text.at(m_pos + 1);
            if (QByteArrayView("\"\\/bfnrt").contains(escaped)) {
                m_pos += 2;
                continue;
            }
            const std::optional<char16_t> unit = unicodeEscape(m_pos);
            if (!unit)
                return (void)failAt(m_pos, QStringLiteral("invalid escape in a string"));
            const qsizetype escapeAt = m_pos;
            m_pos += 6;
            if (QChar::isLowSurrogate(*unit))
                noteLoneSurrogate(escapeAt);
            if (*unit == 0xfffe || *unit == 0xffff)
                noteNonCharacter(escapeAt);
            if (!QChar::isHighSurrogate(*unit))
                continue;
            const std::optional<char16_t> low
                = m_pos < m_text.size() && peek() == '\\' ? unicodeEscape(m_pos) : std::nullopt;
            if (low && QChar::isLowSurrogate(*low))
                m_pos += 6;
            else
                noteLoneSurrogate(escapeAt);
        }
        failAt(start, QStringLiteral("a string is not closed"));
    }

    void noteLoneSurrogate(qsizetype offset)
    {
        if (!m_result.loneSurrogateOffset)
            m_result.loneSurrogateOffset = offset;
    }

    void noteNonCharacter(qsizetype offset)
    {
        if (!m_result.nonCharacterOffset)
            m_result.nonCharacterOffset = offset;
    }

    QByteArrayView m_text;
    qsizetype m_pos = 0;
    std::vector<char> m_open; // '{' and '[' of the containers not yet closed
    StrictCheck m_result;
};

} // namespace

StrictCheck checkStrict(QByteArrayView utf8)
{
    return Checker(utf8).run();
}

QByteArray escapeByteOrderMarks(const QByteArray& utf8)
{
    static const QByteArray bom("\xEF\xBB\xBF");
    if (!utf8.contains(bom))
        return utf8;
    QByteArray escaped = utf8;
    return escaped.replace(bom, QByteArrayLiteral("\\ufeff"));
}

} // namespace chat::json
