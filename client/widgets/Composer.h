#pragma once

#include <QPlainTextEdit>

namespace chat::client {

// Where a message is written: Enter sends, Shift+Enter starts a new line; grows up to a few lines.
class Composer : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit Composer(QWidget* parent = nullptr);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void submitted(const QString& text);

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    int heightForLines(int lines) const;
};

} // namespace chat::client
