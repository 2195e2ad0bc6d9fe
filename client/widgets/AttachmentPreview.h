#pragma once

#include "Limits.h"

#include <QDialog>
#include <QStringList>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QVBoxLayout;

namespace chat::client {

// What is about to be sent, before it is: each file as a thumbnail (images) or a card (icon, name, size), an optional
// caption, Send and Cancel. Files the server would refuse up front — over max_file_bytes, beyond max_attachments, not
// a readable file — are named with the reason and left out; with none left, Send is disabled.
class AttachmentPreview : public QDialog {
    Q_OBJECT
public:
    AttachmentPreview(
        const QStringList& paths, const Limits& limits, const QString& roomName, QWidget* parent = nullptr);

    QStringList acceptedFiles() const { return m_accepted; }
    QString caption() const;
    QLineEdit* captionEdit() const { return m_caption; }
    QLabel* problemsLabel() const { return m_problems; }
    QDialogButtonBox* buttons() const { return m_buttons; }
    void setCaption(const QString& caption);

    static QString refusal(const QString& path, const Limits& limits); // empty when the file can be sent

private:
    void addRow(const QString& path);

    QVBoxLayout* m_rows;
    QLabel* m_problems;
    QLineEdit* m_caption;
    QDialogButtonBox* m_buttons;
    QStringList m_accepted;
};

} // namespace chat::client
