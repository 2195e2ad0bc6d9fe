#pragma once

#include <QImage>
#include <QPlainTextEdit>

namespace chat::client {

// Where a message is written: Enter sends, Shift+Enter starts a new line; grows up to a few lines. Esc asks to
// cancel a reply or an edit; Up in an empty composer asks to edit the user's last message. Pasting an image (a
// screenshot) or files asks to attach them rather than inserting anything.
class Composer : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit Composer(QWidget* parent = nullptr);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    // The hint shown while empty: the full one when it fits on one line, else the brief one.
    void setHints(const QString& full, const QString& brief);

Q_SIGNALS:
    void submitted(const QString& text);
    void cancelRequested();
    void editLastRequested();
    void imagePasted(const QImage& image);
    void filesPasted(const QStringList& paths);

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    bool canInsertFromMimeData(const QMimeData* source) const override;
    void insertFromMimeData(const QMimeData* source) override;

private:
    int heightForLines(int lines) const;
    void chooseHint();

    QString m_fullHint;
    QString m_briefHint;
};

} // namespace chat::client
