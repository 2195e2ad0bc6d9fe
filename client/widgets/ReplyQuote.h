#pragma once

#include <QFont>
#include <QRect>
#include <QVariantMap>

class QPainter;
class QPalette;

namespace chat::client {

// The quote of the message a reply answers, above the reply's body: an accent bar, the original's sender
// and the first line of its text as it is now ("Original message deleted" once it is gone). Clicking it
// jumps to the original.
class ReplyQuote {
public:
    // The rect the quote takes at `topLeft`, at most `width` wide; `reply` is MessageModel's ReplyRole.
    static QRect place(const QVariantMap& reply, const QFont& font, const QPoint& topLeft, int width);
    static void paint(QPainter* painter, const QRect& rect, const QVariantMap& reply, const QFont& font,
        const QPalette& palette, bool hovered);
    static QString excerptText(const QVariantMap& reply); // the excerpt's first line, or "Original message deleted"

private:
    static QFont smallFont(const QFont& font);
};

} // namespace chat::client
