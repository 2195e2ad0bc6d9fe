#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

namespace chat::client {

// The strip above the composer while it replies to a message ("Replying to bob" and the quoted text) or
// edits one ("Editing message"), with a button (and Esc) to cancel.
class ComposerBanner : public QFrame {
    Q_OBJECT
public:
    explicit ComposerBanner(QWidget* parent = nullptr);

    void showReply(const QString& sender, const QString& excerpt);
    void showEdit();
    QLabel* titleLabel() const { return m_title; }
    QLabel* detailLabel() const { return m_detail; }
    QToolButton* cancelButton() const { return m_cancel; }

Q_SIGNALS:
    void cancelled();

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void refreshIcons();
    void elideDetail();

    QLabel* m_icon;
    QLabel* m_title;
    QLabel* m_detail;
    QToolButton* m_cancel;
    QString m_fullDetail;
    bool m_editing = false;
};

} // namespace chat::client
