#pragma once

#include <QDialog>

class QAction;
class QTableWidget;

namespace chat::client {

// Help → Keyboard shortcuts: every action of the window that has a shortcut, in menu order.
class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    ShortcutsDialog(const QList<QAction*>& actions, QWidget* parent = nullptr);

    QTableWidget* table() const { return m_table; }

private:
    QTableWidget* m_table;
};

} // namespace chat::client
