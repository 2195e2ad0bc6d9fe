#pragma once

#include <QFrame>
#include <QPersistentModelIndex>

class QToolButton;

namespace chat::client {

// The small toolbar that floats at the top right of the message under the mouse: quick reactions, more
// reactions, reply, edit and delete (own messages only), copy text.
class MessageActionBar : public QFrame {
    Q_OBJECT
public:
    enum class Action { QuickReaction, React, Reply, Edit, Delete, Copy };

    explicit MessageActionBar(QWidget* parent = nullptr);

    struct Offer { // which of the buttons apply to a message (and the server speaks)
        bool react = false;
        bool reply = false;
        bool edit = false;
        bool remove = false;
    };
    // Shows the buttons that apply to the message at `index`, half over the top right of `anchor`.
    void showFor(const QModelIndex& index, const Offer& offer, const QRect& anchor);
    QPersistentModelIndex index() const { return m_index; }
    QToolButton* button(Action action) const;
    QToolButton* quickReactionButton(int i) const;
    static const QStringList& quickReactions();

Q_SIGNALS:
    void triggered(
        chat::client::MessageActionBar::Action action, const QPersistentModelIndex& index, const QString& emoji);

protected:
    void changeEvent(QEvent* event) override;

private:
    QToolButton* addButton(const QString& tip);
    void refreshIcons();

    QPersistentModelIndex m_index;
    QList<QToolButton*> m_quick;
    QToolButton* m_react = nullptr;
    QToolButton* m_reply = nullptr;
    QToolButton* m_edit = nullptr;
    QToolButton* m_delete = nullptr;
    QToolButton* m_copy = nullptr;
};

} // namespace chat::client
