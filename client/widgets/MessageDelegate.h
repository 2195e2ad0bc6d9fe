#pragma once

#include "AttachmentCards.h"
#include "MessageText.h"
#include "ReactionChips.h"

#include <QCache>
#include <QHash>
#include <QPersistentModelIndex>
#include <QStyledItemDelegate>

class QAbstractItemView;
class QTextDocument;

namespace chat::client {

class FileTransfers;

// Paints one message: a day separator when the day changes, sender and time at the start of a group,
// the quote of the message it replies to, then the body as wrapped rich text with clickable links
// ("(edited)" after an edited one, "This message was deleted" for a tombstone), its attachments (AttachmentCards:
// images inline, other files as cards; only these when the body is empty), its reaction chips, and
// "Seen by …" under the newest one. Pending sends are dimmed with "sending…"; a message that mentions
// the signed-in user is tinted. Double-click opens a read-only text editor over the body so its text can
// be selected.
class MessageDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit MessageDelegate(QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget*, QAbstractItemModel*, const QModelIndex&) const override { }
    void updateEditorGeometry(
        QWidget* editor, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    bool helpEvent(QHelpEvent* event, QAbstractItemView* view, const QStyleOptionViewItem& option,
        const QModelIndex& index) override;

    void clearCache();
    void forget(const QModelIndex& index); // its body changed: measure and lay it out again
    void setMyName(const QString& username);
    void setHovered(const QModelIndex& index, const QPoint& pos); // the row under the mouse, in viewport coordinates
    void setHighlightedSeq(qint64 seq) { m_highlightedSeq = seq; } // a jump's target, or the message being edited
    // A search result opened here: the message stays marked, and where `foldedQuery` matches its text, until cleared.
    void setSearchMatch(qint64 seq, const QString& foldedQuery);
    qint64 searchMatchSeq() const { return m_matchSeq; }
    void setTransfers(const FileTransfers* transfers) { m_transfers = transfers; } // a file card's download progress

    // Where things are in a row the view shows with `option` (its rect in viewport coordinates).
    QRect contentRect(const QStyleOptionViewItem& option, const QModelIndex& index) const; // below the separator
    QRect seenByRect(const QStyleOptionViewItem& option, const QModelIndex& index) const;
    QString anchorAt(const QStyleOptionViewItem& option, const QModelIndex& index, const QPoint& pos) const;
    QString reactionAt(const QStyleOptionViewItem& option, const QModelIndex& index, const QPoint& pos) const;
    QRect reactionRect(const QStyleOptionViewItem& option, const QModelIndex& index, const QString& emoji) const;
    bool quoteContains(const QStyleOptionViewItem& option, const QModelIndex& index, const QPoint& pos) const;
    QRect quoteRect(const QStyleOptionViewItem& option, const QModelIndex& index) const;
    QRect attachmentRect(const QStyleOptionViewItem& option, const QModelIndex& index, int attachment) const;
    bool isClickableAt(const QStyleOptionViewItem& option, const QModelIndex& index, const QPoint& pos) const;

    static QStyleOptionViewItem optionFor(const QAbstractItemView* view, const QModelIndex& index);
    static QString toHtml(const QString& plainText);
    static QString shortTimeFormat();
    static QString timeText(const QModelIndex& index); // beside the sender: time, and "sending…" while pending
    static QString seenByText(const QStringList& names);

Q_SIGNALS:
    void linkActivated(const QString& url);
    void reactionClicked(const QModelIndex& index, const QString& emoji);
    void quoteClicked(const QModelIndex& index);
    void attachmentClicked(const chat::Attachment& attachment);

protected:
    bool editorEvent(QEvent* event, QAbstractItemModel* model, const QStyleOptionViewItem& option,
        const QModelIndex& index) override;

private:
    struct Layout {
        QRect separator; // empty when the row starts no day
        QRect header; // empty when the row continues a group
        QRect quote; // empty unless the message is a reply
        QRect body; // no height when the body is empty beside attachments
        QList<AttachmentCards::Card> attachments;
        QList<ReactionChips::Chip> chips;
        QRect seenBy; // empty unless someone has seen this (the newest) message
        QRect content; // from the header (or quote, or body) to the last line, over the text column
    };
    Layout layoutFor(const QStyleOptionViewItem& option, const QModelIndex& index) const;
    MessageText textStyle(const QStyleOptionViewItem& option, const QModelIndex& index) const;
    void prepare(QTextDocument& document, const QStyleOptionViewItem& option, const QModelIndex& index) const;
    QTextDocument* documentFor(const QStyleOptionViewItem& option, const QModelIndex& index, int width) const;
    int bodyHeight(const QStyleOptionViewItem& option, const QModelIndex& index, int width) const;
    void paintBody(
        QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index, const QRect& body) const;
    static QString dayText(const QDate& day);

    mutable QHash<qint64, int> m_heights; // body height by message key, for m_cacheWidth
    mutable int m_cacheWidth = -1;
    // Laid-out bodies of the rows last painted, so scrolling does not parse and lay out HTML on every paint.
    mutable QCache<qint64, QTextDocument> m_documents { 256 };
    mutable int m_documentsWidth = -1;
    mutable bool m_documentsDark = false;
    QString m_myName;
    QPersistentModelIndex m_hovered;
    QPoint m_hoverPos;
    qint64 m_highlightedSeq = 0;
    qint64 m_matchSeq = 0;
    QString m_matchQuery;
    const FileTransfers* m_transfers = nullptr;
};

} // namespace chat::client
