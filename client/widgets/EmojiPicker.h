#pragma once

#include <QFrame>
#include <QStringList>

class QListWidget;

namespace chat::client {

// A popup grid of the common emoji, in the colour font: arrows move, Enter or a click picks, Esc closes.
class EmojiPicker : public QFrame {
    Q_OBJECT
public:
    explicit EmojiPicker(QWidget* parent = nullptr);

    static const QStringList& commonEmoji();
    QListWidget* grid() const { return m_grid; }
    void popup(const QPoint& globalPos); // shown fully on the screen, with the first emoji current
    void popupBelow(const QRect& globalAnchor); // right-aligned under the anchor (above it when there is no room)

Q_SIGNALS:
    void emojiChosen(const QString& emoji);

private:
    void choose(const QString& emoji);

    QListWidget* m_grid;
};

} // namespace chat::client
