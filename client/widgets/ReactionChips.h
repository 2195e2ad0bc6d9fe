#pragma once

#include <QFont>
#include <QList>
#include <QRect>
#include <QString>
#include <QStringList>
#include <QVariant>

class QPainter;
class QPalette;

namespace chat::client {

// The reactions under a message as chips ("👍 2"), wrapped to the body's width: the one the user has is
// outlined in the accent colour. Placed once per layout, then painted and hit-tested from the same rects.
class ReactionChips {
public:
    struct Chip {
        QRect rect;
        QString emoji;
        int count = 0;
        QStringList names;
        bool mine = false;
    };

    // `reactions`: MessageModel's ReactionsRole, a list of {emoji, count, names, mine}.
    static QList<Chip> place(const QVariantList& reactions, const QFont& font, const QPoint& topLeft, int width);
    static int heightOf(const QList<Chip>& chips, int top); // 0 without chips
    static void paint(QPainter* painter, const QList<Chip>& chips, const QFont& font, const QPalette& palette,
        const QString& hoveredEmoji);
    static const Chip* at(const QList<Chip>& chips, const QPoint& pos);
    static QString toolTip(const Chip& chip); // who reacted

private:
    static QFont emojiFont(const QFont& font);
    static QFont countFont(const QFont& font);
};

} // namespace chat::client
