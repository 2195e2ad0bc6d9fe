#pragma once

#include <QString>

namespace chat::emoji {

// True when text is exactly one emoji as a reaction may carry it: one extended grapheme cluster that is a
// fully-qualified emoji sequence (a pictograph that presents as emoji by default or with U+FE0F, with an
// optional skin tone; a flag of two regional indicators; a keycap; a ZWJ sequence of those; a tag sequence),
// at most protocol::MaxEmojiUtf16 UTF-16 code units. Letters, digits, spaces and two emoji are not.
bool isSingleEmoji(const QString& text);

} // namespace chat::emoji
