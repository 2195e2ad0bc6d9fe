#pragma once

#include "SearchResultsModel.h"

#include <QTimer>
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QStackedWidget;
class QToolButton;

namespace chat::client {

class ChatSession;

// Search messages (issue 13), beside the chat pane: the field searches as the user types (after a short pause),
// in the open room or in every room, optionally only one person's messages or recent ones. Up/Down move through
// the results while typing, Enter or a click opens one, Esc closes the panel.
class SearchPanel : public QWidget {
    Q_OBJECT
public:
    enum class Scope { ThisRoom, AllRooms };
    static constexpr int DebounceMs = 250;

    explicit SearchPanel(ChatSession* session, QWidget* parent = nullptr);

    void start(Scope scope); // shows the panel with the field focused and its text selected
    void close(); // hides it; closed() tells the window to give the composer its focus back
    void forget(); // signed out: the next person to sign in here does not find this one's search
    Scope scope() const { return m_scope; }
    void setScope(Scope scope);

    QSize sizeHint() const override { return { 400, 480 }; }
    QLineEdit* field() const { return m_field; }
    QListView* resultsView() const { return m_results; }
    QLabel* statusLabel() const { return m_status; }
    QLabel* placeholderLabel() const { return m_placeholder; }
    QToolButton* scopeButton(Scope scope) const { return scope == Scope::ThisRoom ? m_thisRoom : m_allRooms; }
    QComboBox* senderBox() const { return m_sender; }
    QComboBox* timeBox() const { return m_time; }
    SearchResultsModel* model() const { return m_model; }

Q_SIGNALS:
    void resultActivated(qint64 roomId, qint64 seq, const QString& foldedQuery);
    void closed();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void searchNow();
    SearchCriteria criteria() const;
    void fillSenders();
    void onActiveRoomChanged(qint64 roomId);
    void refreshState();
    void moveCurrent(int by);
    void openCurrent();

    ChatSession* m_session;
    SearchResultsModel* m_model;
    Scope m_scope = Scope::AllRooms;
    QLineEdit* m_field;
    QAction* m_searchIcon;
    QToolButton* m_close;
    QToolButton* m_thisRoom;
    QToolButton* m_allRooms;
    QComboBox* m_sender;
    QComboBox* m_time;
    QLabel* m_status;
    QStackedWidget* m_stack;
    QLabel* m_placeholder;
    QListView* m_results;
    QTimer m_debounce;
};

} // namespace chat::client
