#include "EmojiPicker.h"

#include "ColorEmoji.h"

#include <QGuiApplication>
#include <QListWidget>
#include <QScreen>
#include <QVBoxLayout>

namespace chat::client {

namespace {
constexpr int Columns = 9;
constexpr int VisibleRows = 6;
} // namespace

const QStringList& EmojiPicker::commonEmoji()
{
    static const QStringList emoji = QStringLiteral("👍 ❤️ 😂 🎉 🙏 👀 🔥 ✅ 🚀 "
                                                    "😀 😃 😄 😁 😆 😅 🤣 🙂 😉 "
                                                    "😊 😇 🥰 😍 😘 😋 😛 😜 🤪 "
                                                    "🤔 🤨 😐 😑 😶 🙄 😏 😬 😌 "
                                                    "😴 😷 🤯 😎 🤓 😕 😟 😮 😲 "
                                                    "😳 🥺 😢 😭 😱 😤 😡 🤗 🤷 "
                                                    "👎 👌 ✌️ 🤞 👏 🙌 💪 👋 🤝 "
                                                    "🧡 💛 💚 💙 💜 🖤 💯 ✨ 🎊 "
                                                    "❌ ⚠️ ❓ ❗ 💡 📌 🐛 ☕ 🍕 "
                                                    "🍺 🎂 🌟 ⭐ 🏆 🎯 📈 🕐 🙈")
                                         .split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return emoji;
}

EmojiPicker::EmojiPicker(QWidget* parent)
    : QFrame(parent, Qt::Popup)
    , m_grid(new QListWidget(this))
{
    setObjectName(QStringLiteral("emojiPicker"));
    setAccessibleName(tr("Emoji"));
    setFrameShape(QFrame::StyledPanel);
    m_grid->setObjectName(QStringLiteral("emojiGrid"));
    m_grid->setAccessibleName(tr("Choose an emoji"));
    m_grid->setViewMode(QListView::IconMode);
    m_grid->setMovement(QListView::Static);
    m_grid->setResizeMode(QListView::Adjust);
    m_grid->setUniformItemSizes(true);
    m_grid->setFrameShape(QFrame::NoFrame);
    m_grid->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_grid->setMouseTracking(true);

    QFont font = m_grid->font();
    font.setPointSizeF(font.pointSizeF() * 1.45);
    const QString family = emoji::colorFamily();
    if (!family.isEmpty())
        font.setFamilies({ family, font.family() });
    const int cell = QFontMetrics(font).height() + 12;
    m_grid->setGridSize(QSize(cell, cell));
    for (const QString& emoji : commonEmoji()) {
        auto* item = new QListWidgetItem(emoji, m_grid);
        item->setFont(font);
        item->setTextAlignment(Qt::AlignCenter);
        item->setSizeHint(QSize(cell, cell));
    }
    const int scrollBar = m_grid->style()->pixelMetric(QStyle::PM_ScrollBarExtent);
    m_grid->setFixedSize(Columns * cell + scrollBar + 4, VisibleRows * cell + 4);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_grid);

    connect(m_grid, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) { choose(item->text()); });
    connect(m_grid, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) { choose(item->text()); });
}

void EmojiPicker::popup(const QPoint& globalPos)
{
    adjustSize();
    QPoint at = globalPos;
    if (const QScreen* screen = QGuiApplication::screenAt(globalPos)) {
        const QRect area = screen->availableGeometry();
        at.setX(std::clamp(at.x(), area.left(), std::max(area.left(), area.right() - width())));
        at.setY(std::clamp(at.y(), area.top(), std::max(area.top(), area.bottom() - height())));
    }
    move(at);
    m_grid->setCurrentRow(0);
    m_grid->scrollToTop();
    show();
    m_grid->setFocus();
}

void EmojiPicker::popupBelow(const QRect& globalAnchor)
{
    adjustSize();
    QPoint at(globalAnchor.right() + 1 - width(), globalAnchor.bottom() + 1);
    if (const QScreen* screen = QGuiApplication::screenAt(globalAnchor.center())) {
        if (at.y() + height() > screen->availableGeometry().bottom())
            at.setY(globalAnchor.top() - height());
    }
    popup(at);
}

void EmojiPicker::choose(const QString& emoji)
{
    if (!isVisible())
        return; // a click can both click and activate an item, depending on the style
    hide();
    Q_EMIT emojiChosen(emoji);
}

} // namespace chat::client
