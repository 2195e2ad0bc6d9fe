#pragma once

#include <QStyledItemDelegate>

namespace chat::client {

struct SearchSnippet;

// Paints one search result: the sender's avatar and name, the room (a direct room by the other member's name)
// and the time on the first line; under them two lines of the body around the first match, every match marked,
// elided to fit.
class SearchResultDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit SearchResultDelegate(QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    static QString whenText(const QDateTime& time); // "14:05", "Yesterday 14:05", "12/03/2024 14:05"
    static QString roomText(const QModelIndex& index); // "#design", "Direct message with bob"

private:
    void paintSnippet(
        QPainter* painter, const QRect& rect, const SearchSnippet& snippet, const QStyleOptionViewItem& option) const;
};

} // namespace chat::client
