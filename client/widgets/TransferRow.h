#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace chat::client {

// One file in the TransferList: its name, a progress bar or a line of status, and up to two buttons.
class TransferRow : public QWidget {
    Q_OBJECT
public:
    explicit TransferRow(const QString& name, QWidget* parent = nullptr);

    void showProgress(qint64 done, qint64 total, const QString& status);
    void showStatus(const QString& status, bool problem);
    // Empty text hides the button.
    void setActions(const QString& primary, const QString& secondary);

    QLabel* nameLabel() const { return m_name; }
    QLabel* statusLabel() const { return m_status; }
    QProgressBar* progressBar() const { return m_progress; }
    QToolButton* primaryButton() const { return m_primary; }
    QToolButton* secondaryButton() const { return m_secondary; }

Q_SIGNALS:
    void primaryClicked();
    void secondaryClicked();

private:
    QLabel* m_name;
    QProgressBar* m_progress;
    QLabel* m_status;
    QToolButton* m_primary;
    QToolButton* m_secondary;
};

} // namespace chat::client
