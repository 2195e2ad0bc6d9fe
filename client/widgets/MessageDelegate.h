#pragma once

#include <QHash>
#include <QStyledItemDelegate>

class QTextDocument;

namespace chat::client {

// Paints one message: a day separator when the day changes, sender and time at the start of a group,
// then the body as wrapped rich text with clickable links. Pending sends are dimmed with "sending…".
// Double-click opens a read-only text editor over the body so its text can be selected.
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

    void clearCache() { m_heights.clear(); }
    QString anchorAt(const QStyleOptionViewItem& option, const QModelIndex& index, const QPoint& pos) const;
    static QString toHtml(const QString& plainText);
    static QString shortTimeFormat();
    static QString timeText(const QModelIndex& index); // beside the sender: time, and "sending…" while pending

Q_SIGNALS:
    void linkActivated(const QString& url);

protected:
    bool editorEvent(QEvent* event, QAbstractItemModel* model, const QStyleOptionViewItem& option,
        const QModelIndex& index) override;

private:
    struct Layout {
        QRect separator; // empty when the row starts no day
        QRect header; // empty when the row continues a group
        QRect body;
    };
    Layout layoutFor(const QStyleOptionViewItem& option, const QModelIndex& index) const;
    void prepare(QTextDocument& document, const QStyleOptionViewItem& option, const QModelIndex& index) const;
    int bodyHeight(const QStyleOptionViewItem& option, const QModelIndex& index, int width) const;
    static QString dayText(const QDate& day);

    mutable QHash<qint64, int> m_heights; // body height by message key, for m_cacheWidth
    mutable int m_cacheWidth = -1;
};

} // namespace chat::client
