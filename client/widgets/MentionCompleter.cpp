#include "MentionCompleter.h"

#include <QKeyEvent>
#include <QListView>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QStringListModel>
#include <QTextBlock>

namespace chat::client {

namespace {
constexpr int MaxShown = 8;

bool isNameChar(QChar c)
{
    return c.unicode() < 128
        && (c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('.') || c == QLatin1Char('-'));
}

bool isWordChar(QChar c)
{
    return c.unicode() < 128 && (c.isLetterOrNumber() || c == QLatin1Char('_'));
}
} // namespace

MentionCompleter::MentionCompleter(QPlainTextEdit* editor, QWidget* popupParent)
    : QObject(editor)
    , m_editor(editor)
    , m_popup(new QListView(popupParent))
    , m_model(new QStringListModel(this))
{
    m_popup->setObjectName(QStringLiteral("mentionPopup"));
    m_popup->setAccessibleName(tr("People to mention"));
    m_popup->setModel(m_model);
    m_popup->setFocusPolicy(Qt::NoFocus);
    m_popup->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_popup->setSelectionMode(QAbstractItemView::SingleSelection);
    m_popup->setUniformItemSizes(true);
    m_popup->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_popup->setFrameShape(QFrame::StyledPanel);
    m_popup->setAutoFillBackground(true);
    m_popup->hide();
    connect(m_popup, &QListView::clicked, this, [this](const QModelIndex& index) {
        m_popup->setCurrentIndex(index);
        insertCurrent();
    });
    connect(editor, &QPlainTextEdit::textChanged, this, &MentionCompleter::refresh);
    connect(editor, &QPlainTextEdit::cursorPositionChanged, this, &MentionCompleter::refresh);
    editor->installEventFilter(this);
}

void MentionCompleter::setNames(const QStringList& names)
{
    m_names = names;
    m_names.sort(Qt::CaseInsensitive);
    hide();
}

bool MentionCompleter::isShown() const
{
    return m_popup->isVisible();
}

bool MentionCompleter::prefixAt(const QString& text, int cursor, int* start, QString* typed)
{
    int at = cursor;
    while (at > 0 && isNameChar(text.at(at - 1)))
        --at;
    if (at == 0 || text.at(at - 1) != QLatin1Char('@'))
        return false;
    const int sign = at - 1;
    if (sign > 0 && isWordChar(text.at(sign - 1)))
        return false; // e-mail@example: not a mention
    *start = sign;
    *typed = text.mid(at, cursor - at);
    return true;
}

void MentionCompleter::refresh()
{
    const QString text = m_editor->toPlainText();
    int start = -1;
    QString typed;
    if (!prefixAt(text, m_editor->textCursor().position(), &start, &typed)) {
        m_start = -1;
        hide();
        return;
    }
    m_start = start;
    m_typed = typed;
    if (start == m_dismissedStart && typed == m_dismissedTyped) {
        hide(); // Esc closed it for what is typed now
        return;
    }
    m_dismissedStart = -1; // another letter: offered again, and from then on
    QStringList matches;
    for (const QString& name : std::as_const(m_names)) {
        if (name.startsWith(typed, Qt::CaseInsensitive))
            matches.append(name);
    }
    for (const QString& name : std::as_const(m_names)) { // then names with the letters further in
        if (matches.size() < MaxShown && !matches.contains(name) && name.contains(typed, Qt::CaseInsensitive))
            matches.append(name);
    }
    if (matches.isEmpty() || (matches.size() == 1 && matches.first() == typed)) {
        hide();
        return;
    }
    if (matches.size() > MaxShown)
        matches = matches.mid(0, MaxShown);
    const QString current
        = m_popup->isVisible() ? m_popup->currentIndex().data().toString() : QString(); // kept while typing
    m_model->setStringList(matches);
    const qsizetype keep = matches.indexOf(current);
    m_popup->setCurrentIndex(m_model->index(keep >= 0 ? int(keep) : 0));

    // Above the '@', over the pane: rows as tall as the list's, as wide as the longest name.
    QWidget* parent = m_popup->parentWidget();
    const int rowHeight = std::max(m_popup->sizeHintForRow(0), m_popup->fontMetrics().height() + 6);
    int width = 0;
    for (const QString& name : std::as_const(matches))
        width = std::max(width, m_popup->fontMetrics().horizontalAdvance(name));
    const QSize size(std::max(160, width + 40), int(matches.size()) * rowHeight + 2 * m_popup->frameWidth());
    QTextCursor sign = m_editor->textCursor();
    sign.setPosition(start);
    const QPoint anchor = m_editor->viewport()->mapTo(parent, m_editor->cursorRect(sign).topLeft());
    const int x = std::clamp(anchor.x() - 4, 0, std::max(0, parent->width() - size.width()));
    const int y = std::max(0, m_editor->mapTo(parent, QPoint(0, 0)).y() - size.height() - 2);
    m_popup->setGeometry(QRect(QPoint(x, y), size));
    m_popup->show();
    m_popup->raise();
}

void MentionCompleter::insertCurrent()
{
    const QString name = m_popup->currentIndex().data().toString();
    if (name.isEmpty() || m_start < 0)
        return;
    QTextCursor cursor = m_editor->textCursor();
    cursor.setPosition(m_start);
    cursor.setPosition(m_editor->textCursor().position(), QTextCursor::KeepAnchor);
    cursor.insertText(QLatin1Char('@') + name + QLatin1Char(' '));
    m_editor->setTextCursor(cursor);
    hide();
}

void MentionCompleter::hide()
{
    m_popup->hide();
}

bool MentionCompleter::eventFilter(QObject* watched, QEvent* event)
{
    if (watched != m_editor || event->type() != QEvent::KeyPress || !m_popup->isVisible())
        return QObject::eventFilter(watched, event);
    const auto* key = static_cast<QKeyEvent*>(event);
    const int rows = m_model->rowCount();
    const int row = m_popup->currentIndex().row();
    switch (key->key()) {
    case Qt::Key_Up:
        m_popup->setCurrentIndex(m_model->index((row - 1 + rows) % rows));
        return true;
    case Qt::Key_Down:
        m_popup->setCurrentIndex(m_model->index((row + 1) % rows));
        return true;
    case Qt::Key_Tab:
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (key->modifiers() & Qt::ShiftModifier)
            break;
        insertCurrent();
        return true;
    case Qt::Key_Escape:
        m_dismissedStart = m_start;
        m_dismissedTyped = m_typed;
        hide();
        return true;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace chat::client
