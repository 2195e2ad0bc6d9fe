#include "Composer.h"

#include "AttachmentSender.h"

#include <QKeyEvent>
#include <QMimeData>
#include <QTextBlock>

namespace chat::client {

namespace {
constexpr int MaxLines = 6;
}

Composer::Composer(QWidget* parent)
    : QPlainTextEdit(parent)
{
    setAccessibleName(tr("Message"));
    setTabChangesFocus(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    connect(this, &QPlainTextEdit::textChanged, this, [this] {
        updateGeometry();
        setFixedHeight(sizeHint().height());
    });
    setFixedHeight(sizeHint().height());
}

int Composer::heightForLines(int lines) const
{
    const QMargins margins = contentsMargins();
    return lines * fontMetrics().lineSpacing() + int(2 * document()->documentMargin()) + margins.top()
        + margins.bottom() + 2 * frameWidth();
}

QSize Composer::sizeHint() const
{
    int lines = 0;
    for (QTextBlock block = document()->begin(); block.isValid(); block = block.next())
        lines += std::max(1, block.layout() ? block.layout()->lineCount() : 1);
    return { 200, heightForLines(std::clamp(lines, 1, MaxLines)) };
}

QSize Composer::minimumSizeHint() const
{
    return { 100, heightForLines(1) };
}

void Composer::setHints(const QString& full, const QString& brief)
{
    m_fullHint = full;
    m_briefHint = brief;
    chooseHint();
}

void Composer::chooseHint()
{
    const int room = viewport()->width() - int(2 * document()->documentMargin());
    const QString& hint = fontMetrics().horizontalAdvance(m_fullHint) <= room ? m_fullHint : m_briefHint;
    if (placeholderText() == hint)
        return;
    setPlaceholderText(hint);
    viewport()->update(); // QPlainTextEdit repaints its hint only when it appears or goes
}

void Composer::resizeEvent(QResizeEvent* event)
{
    QPlainTextEdit::resizeEvent(event);
    chooseHint();
}

bool Composer::canInsertFromMimeData(const QMimeData* source) const
{
    return source->hasImage() || !AttachmentSender::localFilesIn(source).isEmpty()
        || QPlainTextEdit::canInsertFromMimeData(source);
}

void Composer::insertFromMimeData(const QMimeData* source)
{
    // Files copied in a file manager come as URLs (and often their paths as text too): attach them.
    if (const QStringList paths = AttachmentSender::localFilesIn(source); !paths.isEmpty())
        return Q_EMIT filesPasted(paths);
    if (source->hasImage() && !source->hasText()) {
        const QImage image = qvariant_cast<QImage>(source->imageData());
        if (!image.isNull())
            return Q_EMIT imagePasted(image);
    }
    QPlainTextEdit::insertFromMimeData(source);
}

void Composer::keyPressEvent(QKeyEvent* event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && !(event->modifiers() & Qt::ShiftModifier)) {
        const QString text = toPlainText();
        if (!text.trimmed().isEmpty())
            Q_EMIT submitted(text);
        event->accept();
        return;
    }
    if (enter) {
        insertPlainText(QStringLiteral("\n"));
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_Escape && event->modifiers() == Qt::NoModifier) {
        Q_EMIT cancelRequested();
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_Up && event->modifiers() == Qt::NoModifier && document()->isEmpty()) {
        Q_EMIT editLastRequested();
        event->accept();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

} // namespace chat::client
