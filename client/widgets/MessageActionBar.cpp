#include "MessageActionBar.h"

#include "ColorEmoji.h"
#include "Icons.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QToolButton>

namespace chat::client {

MessageActionBar::MessageActionBar(QWidget* parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("messageActionBar"));
    setAccessibleName(tr("Message actions"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(3, 2, 3, 2);
    layout->setSpacing(0);

    QFont emojiFont = font();
    if (!emoji::colorFamily().isEmpty())
        emojiFont.setFamilies({ emoji::colorFamily(), font().family() });
    for (const QString& emoji : quickReactions()) {
        QToolButton* button = addButton(tr("React with %1").arg(emoji));
        button->setText(emoji);
        button->setFont(emojiFont);
        connect(button, &QToolButton::clicked, this,
            [this, emoji] { Q_EMIT triggered(Action::QuickReaction, m_index, emoji); });
        m_quick.append(button);
    }
    m_react = addButton(tr("Add a reaction"));
    m_reply = addButton(tr("Reply"));
    m_edit = addButton(tr("Edit"));
    m_delete = addButton(tr("Delete"));
    m_copy = addButton(tr("Copy text"));
    const QList<std::pair<QToolButton*, Action>> actions = { { m_react, Action::React }, { m_reply, Action::Reply },
        { m_edit, Action::Edit }, { m_delete, Action::Delete }, { m_copy, Action::Copy } };
    for (const auto& [button, action] : actions) {
        connect(
            button, &QToolButton::clicked, this, [this, action = action] { Q_EMIT triggered(action, m_index, {}); });
    }
    refreshIcons();
    hide();
}

const QStringList& MessageActionBar::quickReactions()
{
    static const QStringList emoji = { QStringLiteral("👍"), QStringLiteral("❤️"), QStringLiteral("😂") };
    return emoji;
}

QToolButton* MessageActionBar::addButton(const QString& tip)
{
    auto* button = new QToolButton(this);
    button->setAutoRaise(true);
    button->setToolTip(tip);
    button->setAccessibleName(tip);
    button->setFocusPolicy(Qt::NoFocus); // the keyboard stays in the composer; the context menu has the same actions
    button->setCursor(Qt::PointingHandCursor);
    layout()->addWidget(button);
    return button;
}

QToolButton* MessageActionBar::button(Action action) const
{
    switch (action) {
    case Action::QuickReaction:
        return m_quick.value(0);
    case Action::React:
        return m_react;
    case Action::Reply:
        return m_reply;
    case Action::Edit:
        return m_edit;
    case Action::Delete:
        return m_delete;
    case Action::Copy:
        return m_copy;
    }
    return nullptr;
}

QToolButton* MessageActionBar::quickReactionButton(int i) const
{
    return m_quick.value(i);
}

void MessageActionBar::refreshIcons()
{
    const int size = fontMetrics().height();
    const QList<std::pair<QToolButton*, Icons::Action>> icons
        = { { m_react, Icons::Action::React }, { m_reply, Icons::Action::Reply }, { m_edit, Icons::Action::Edit },
              { m_delete, Icons::Action::Delete }, { m_copy, Icons::Action::Copy } };
    for (const auto& [button, icon] : icons) {
        button->setIcon(Icons::action(icon, palette()));
        button->setIconSize(QSize(size, size));
    }
    for (QToolButton* button : std::as_const(m_quick))
        button->setFixedSize(m_react->sizeHint().height(), m_react->sizeHint().height());
}

void MessageActionBar::showFor(const QModelIndex& index, const Offer& offer, const QRect& anchor)
{
    m_index = index;
    for (QToolButton* button : std::as_const(m_quick))
        button->setVisible(offer.react);
    m_react->setVisible(offer.react);
    m_reply->setVisible(offer.reply);
    m_edit->setVisible(offer.edit);
    m_delete->setVisible(offer.remove);
    adjustSize();
    // Half over the top edge of the message, at the right, inside the viewport.
    const QWidget* area = parentWidget();
    const int x = std::max(0, anchor.right() - 12 - width());
    const int y = std::clamp(anchor.top() - height() / 2, 0, std::max(0, area->height() - height()));
    move(x, y);
    show();
    raise();
}

void MessageActionBar::changeEvent(QEvent* event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_copy) // not while the constructor sets the background
        refreshIcons();
}

} // namespace chat::client
