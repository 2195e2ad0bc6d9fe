#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace chat::json {

// QJsonDocument accepts more than RFC 8259 (".5", "26.", "\x", raw control characters), so every frame is
// checked against the RFC's grammar first. The check is iterative: nesting costs memory, never stack.
struct StrictCheck {
    // The first place where the text is not RFC 8259 JSON, and what is wrong there.
    std::optional<qsizetype> errorOffset;
    QString error;
    // Grammatical JSON may still escape half a surrogate pair ("\ud800"), which names no character.
    std::optional<qsizetype> loneSurrogateOffset;
    // The noncharacters U+FFFE and U+FFFF, raw or escaped: SQLite reads them back as U+FFFD, so a string
    // holding one could not be stored as it was sent.
    std::optional<qsizetype> nonCharacterOffset;
    bool topLevelIsContainer = false; // an object or an array, not a scalar

    bool isValid() const { return !errorOffset; }
};

inline constexpr int MaxNestingDepth = 1024;

StrictCheck checkStrict(QByteArrayView utf8);

// QJsonDocument drops a raw U+FEFF from the start of a string ("\xEF\xBB\xBFhi" reads as "hi"), while the
// escaped form survives. For text that passed checkStrict(), where raw U+FEFF can only sit inside strings,
// this writes every one as the escape, so that a string means what its bytes say.
QByteArray escapeByteOrderMarks(const QByteArray& utf8);

} // namespace chat::json
