#pragma once

#include "Types.h"

#include <QCoreApplication>
#include <QFont>
#include <QList>
#include <QPixmap>
#include <QRect>

class QPainter;
class QPalette;

namespace chat::client {

class FileTransfers;

// A message's attachments in the timeline: an image as its server-made thumbnail at up to 320 px (its aspect kept),
// any other file as a card (an icon by type, the name, the size, and a download's progress or result). Placed once
// per layout, then painted and hit-tested from the same rects, as ReactionChips are.
class AttachmentCards {
    Q_DECLARE_TR_FUNCTIONS(chat::client::AttachmentCards)
public:
    static constexpr int MaxImageSide = 320;

    struct Card {
        QRect rect;
        int index = 0; // into the message's attachments
        bool image = false;
    };

    static QList<Card> place(const QList<Attachment>& attachments, const QFont& font, const QPoint& topLeft, int width);
    static int heightOf(const QList<Card>& cards, int top); // 0 without cards
    // `transfers` (may be null) says how a file's download is going.
    static void paint(QPainter* painter, const QList<Card>& cards, const QList<Attachment>& attachments,
        const QFont& font, const QPalette& palette, const FileTransfers* transfers, int hoveredIndex);
    static const Card* at(const QList<Card>& cards, const QPoint& pos);

    static QSize imageSize(const Attachment& attachment, int maxWidth); // as the timeline shows it
    static QPixmap thumbnail(const Attachment& attachment); // decoded once, then from QPixmapCache
    static QString humanSize(qint64 bytes); // "48 KB", "1.2 MB"
    static QString typeLabel(const Attachment& attachment); // "PDF", "TXT", "ZIP" … for the icon
    static QString toolTip(const Attachment& attachment, const FileTransfers* transfers);
    static QString statusText(const Attachment& attachment, const FileTransfers* transfers);
    static QSize fileCardSize(const QFont& font, int width);
    // The icon of a file card: a page with its corner folded and the type on it, tinted by kind.
    static void paintFileIcon(QPainter* painter, const QRect& rect, const Attachment& attachment, const QFont& font);
};

} // namespace chat::client
