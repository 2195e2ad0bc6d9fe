#pragma once

#include <QObject>
#include <QStringList>

class QListView;
class QPlainTextEdit;
class QStringListModel;

namespace chat::client {

// Completes "@na" in the composer to "@name " from the open room's members: a list pops up above the
// cursor while an @name is being typed; Up/Down choose, Tab or Enter insert, Esc closes it.
class MentionCompleter : public QObject {
    Q_OBJECT
public:
    // The list is a child of `popupParent` (the pane), so it never takes the keyboard from the composer.
    MentionCompleter(QPlainTextEdit* editor, QWidget* popupParent);

    void setNames(const QStringList& names); // the members that can be mentioned (not the user)
    QListView* popup() const { return m_popup; }
    bool isShown() const;

    // The @name being typed before the cursor: its start (the '@') and the letters typed so far.
    static bool prefixAt(const QString& text, int cursor, int* start, QString* typed);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void refresh();
    void insertCurrent();
    void hide();

    QPlainTextEdit* m_editor;
    QListView* m_popup;
    QStringListModel* m_model;
    QStringList m_names;
    int m_start = -1; // the '@' of the name being typed, or -1
    QString m_typed;
    int m_dismissedStart = -1; // Esc closed the list for this @name as typed so far
    QString m_dismissedTyped;
};

} // namespace chat::client
