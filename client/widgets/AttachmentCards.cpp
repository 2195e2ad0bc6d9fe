#include "AttachmentCards.h"

#include "FileTransfers.h"

#include <QFileInfo>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QPixmapCache>

namespace chat::client {

namespace {
constexpr int CardGap = 6;
constexpr int CardPadding = 8;
constexpr int MaxCardWidth = 340;

QColor kindColor(const QString& type)
{
    if (type.startsWith(QLatin1String("image/")))
        return QColor(0x26, 0x8a, 0x3c);
    if (type == QLatin1String("application/pdf"))
        return QColor(0xc0, 0x1c, 0x28);
    if (type.startsWith(QLatin1String("text/")))
        return QColor(0x1a, 0x5f, 0xb4);
    if (type.contains(QLatin1String("zip")) || type.contains(QLatin1String("compressed")))
        return QColor(0xc6, 0x46, 0x00);
    return QColor(0x5e, 0x5c, 0x64);
}
} // namespace

QString AttachmentCards::humanSize(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, bytes < 1024 * 1024 ? 0 : 1, QLocale::DataSizeSIFormat);
}

QString AttachmentCards::typeLabel(const Attachment& attachment)
{
    const QString suffix = QFileInfo(attachment.name).suffix();
    if (!suffix.isEmpty() && suffix.size() <= 4)
        return suffix.toUpper();
    if (attachment.type == QLatin1String("application/pdf"))
        return QStringLiteral("PDF");
    if (attachment.type.startsWith(QLatin1String("text/")))
        return QStringLiteral("TXT");
    return QString();
}

QSize AttachmentCards::imageSize(const Attachment& attachment, int maxWidth)
{
    const QSize natural = attachment.isImage() ? QSize(attachment.width, attachment.height)
                                               : QSize(attachment.thumbnail.width, attachment.thumbnail.height);
    if (natural.isEmpty())
        return { std::min(MaxImageSide, maxWidth), std::min(MaxImageSide, maxWidth) * 3 / 4 };
    const QSize box(std::min(MaxImageSide, maxWidth), MaxImageSide);
    if (natural.width() <= box.width() && natural.height() <= box.height())
        return natural;
    return natural.scaled(box, Qt::KeepAspectRatio).expandedTo(QSize(1, 1));
}

QPixmap AttachmentCards::thumbnail(const Attachment& attachment)
{
    const QString key = QStringLiteral("chat-thumbnail-") + attachment.id;
    QPixmap pixmap;
    if (QPixmapCache::find(key, &pixmap))
        return pixmap;
    if (attachment.thumbnail.isNull() || !pixmap.loadFromData(attachment.thumbnail.data))
        return {};
    QPixmapCache::insert(key, pixmap);
    return pixmap;
}

QSize AttachmentCards::fileCardSize(const QFont& font, int width)
{
    const QFontMetrics metrics(font);
    return { std::min(width, MaxCardWidth), 2 * metrics.height() + 2 * CardPadding + 6 };
}

QList<AttachmentCards::Card> AttachmentCards::place(
    const QList<Attachment>& attachments, const QFont& font, const QPoint& topLeft, int width)
{
    QList<Card> cards;
    int y = topLeft.y();
    for (int i = 0; i < attachments.size(); ++i) {
        const Attachment& attachment = attachments.at(i);
        const bool image = attachment.isImage() && !attachment.thumbnail.isNull();
        const QSize size = image ? imageSize(attachment, width) : fileCardSize(font, width);
        cards.append(Card { QRect(QPoint(topLeft.x(), y), size), i, image });
        y += size.height() + CardGap;
    }
    return cards;
}

int AttachmentCards::heightOf(const QList<Card>& cards, int top)
{
    return cards.isEmpty() ? 0 : cards.last().rect.bottom() + 1 - top;
}

const AttachmentCards::Card* AttachmentCards::at(const QList<Card>& cards, const QPoint& pos)
{
    for (const Card& card : cards) {
        if (card.rect.contains(pos))
            return &card;
    }
    return nullptr;
}

QString AttachmentCards::statusText(const Attachment& attachment, const FileTransfers* transfers)
{
    const FileDownload* download = transfers ? transfers->downloadOf(attachment.id) : nullptr;
    const QString size = humanSize(attachment.size);
    if (!download)
        return size;
    switch (download->state()) {
    case FileDownload::State::Requesting:
    case FileDownload::State::Receiving:
        return tr("Downloading… %1 of %2").arg(humanSize(download->written()), size);
    case FileDownload::State::Verifying:
        return tr("Checking…");
    case FileDownload::State::Done:
        return tr("%1 · Saved as %2").arg(size, QFileInfo(download->path()).fileName());
    case FileDownload::State::Failed:
        return tr("Download failed: %1").arg(download->error().message);
    case FileDownload::State::Cancelled:
        return size;
    }
    return size;
}

QString AttachmentCards::toolTip(const Attachment& attachment, const FileTransfers* transfers)
{
    if (attachment.isImage())
        return tr("%1 (%2 × %3, %4): click to view")
            .arg(attachment.name)
            .arg(attachment.width)
            .arg(attachment.height)
            .arg(humanSize(attachment.size));
    const FileDownload* download = transfers ? transfers->downloadOf(attachment.id) : nullptr;
    if (download && download->isActive())
        return tr("Downloading %1").arg(attachment.name);
    return tr("%1 (%2): click to download").arg(attachment.name, humanSize(attachment.size));
}

void AttachmentCards::paintFileIcon(
    QPainter* painter, const QRect& rect, const Attachment& attachment, const QFont& font)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF page = QRectF(rect).adjusted(rect.width() * 0.12, 0, -rect.width() * 0.12, 0);
    const qreal fold = page.width() * 0.32;
    QPainterPath outline;
    outline.moveTo(page.topLeft());
    outline.lineTo(page.right() - fold, page.top());
    outline.lineTo(page.right(), page.top() + fold);
    outline.lineTo(page.bottomRight());
    outline.lineTo(page.bottomLeft());
    outline.closeSubpath();
    const QColor color = kindColor(attachment.type);
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawPath(outline);
    QPainterPath corner;
    corner.moveTo(page.right() - fold, page.top());
    corner.lineTo(page.right() - fold, page.top() + fold);
    corner.lineTo(page.right(), page.top() + fold);
    corner.closeSubpath();
    painter->setBrush(color.lighter(150));
    painter->drawPath(corner);
    const QString label = typeLabel(attachment);
    if (!label.isEmpty()) {
        QFont small = font;
        small.setBold(true);
        small.setPixelSize(std::max(7, int(page.width() / (label.size() <= 3 ? 3.0 : 3.6))));
        painter->setFont(small);
        painter->setPen(Qt::white);
        painter->drawText(page.adjusted(0, fold * 0.8, 0, 0), Qt::AlignCenter, label);
    }
    painter->restore();
}

void AttachmentCards::paint(QPainter* painter, const QList<Card>& cards, const QList<Attachment>& attachments,
    const QFont& font, const QPalette& palette, const FileTransfers* transfers, int hoveredIndex)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::SmoothPixmapTransform);
    for (const Card& card : cards) {
        const Attachment& attachment = attachments.at(card.index);
        const bool hovered = card.index == hoveredIndex;
        if (card.image) {
            QPainterPath rounded;
            rounded.addRoundedRect(QRectF(card.rect), 6, 6);
            painter->save();
            painter->setClipPath(rounded);
            painter->drawPixmap(card.rect, thumbnail(attachment));
            if (hovered)
                painter->fillRect(card.rect, QColor(255, 255, 255, 30));
            painter->restore();
            painter->setPen(QPen(palette.color(QPalette::Mid), 1));
            painter->setBrush(Qt::NoBrush);
            painter->drawPath(rounded);
            continue;
        }
        const QRectF box = QRectF(card.rect).adjusted(0.5, 0.5, -0.5, -0.5);
        painter->setPen(QPen(palette.color(hovered ? QPalette::Highlight : QPalette::Mid), 1));
        painter->setBrush(palette.color(QPalette::AlternateBase));
        painter->drawRoundedRect(box, 6, 6);
        const QFontMetrics metrics(font);
        const int iconSide = card.rect.height() - 2 * CardPadding;
        const QRect icon(card.rect.left() + CardPadding, card.rect.top() + CardPadding, iconSide, iconSide);
        paintFileIcon(painter, icon, attachment, font);
        const int textLeft = icon.right() + 1 + CardPadding;
        const int textWidth = card.rect.right() - CardPadding - textLeft;
        QFont bold = font;
        bold.setBold(true);
        painter->setFont(bold);
        painter->setPen(palette.color(QPalette::Text));
        const QRect nameRect(textLeft, card.rect.top() + CardPadding, textWidth, metrics.height());
        painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter,
            QFontMetrics(bold).elidedText(attachment.name, Qt::ElideMiddle, textWidth));
        QFont small = font;
        small.setPointSizeF(font.pointSizeF() * 0.9);
        painter->setFont(small);
        painter->setPen(palette.color(QPalette::PlaceholderText));
        const QRect statusRect(textLeft, nameRect.bottom() + 3, textWidth, metrics.height());
        painter->drawText(statusRect, Qt::AlignLeft | Qt::AlignVCenter,
            QFontMetrics(small).elidedText(statusText(attachment, transfers), Qt::ElideRight, textWidth));
        const FileDownload* download = transfers ? transfers->downloadOf(attachment.id) : nullptr;
        if (download && download->isActive() && attachment.size > 0) {
            const QRectF track(textLeft, card.rect.bottom() - CardPadding / 2.0 - 2, textWidth, 3);
            painter->setPen(Qt::NoPen);
            painter->setBrush(palette.color(QPalette::Mid));
            painter->drawRoundedRect(track, 1.5, 1.5);
            painter->setBrush(palette.color(QPalette::Highlight));
            painter->drawRoundedRect(
                QRectF(track.topLeft(), QSizeF(track.width() * download->written() / attachment.size, track.height())),
                1.5, 1.5);
        }
    }
    painter->restore();
}

} // namespace chat::client
