#pragma once

#include <QDialog>

class QLineEdit;
class QListView;
class QStandardItemModel;

namespace chat::client {

class ChatSession;

// Ctrl+K: type a few letters of a room or a person, move with the arrows, Enter opens the conversation.
class QuickSwitcher : public QDialog {
    Q_OBJECT
public:
    explicit QuickSwitcher(ChatSession* session, QWidget* parent = nullptr);

    QLineEdit* searchEdit() const { return m_search; }
    QListView* resultsView() const { return m_results; }
    void start(); // clears the search and shows every conversation

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void refresh();
    void openCurrent();

    ChatSession* m_session;
    QLineEdit* m_search;
    QListView* m_results;
    QStandardItemModel* m_model;
};

} // namespace chat::client
