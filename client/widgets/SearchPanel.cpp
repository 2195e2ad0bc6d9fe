#include "SearchPanel.h"

#include "ChatSession.h"
#include "Icons.h"
#include "RoomsModel.h"
#include "SearchResultDelegate.h"
#include "UsersModel.h"

#include <QAction>
#include <QButtonGroup>
#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace chat::client {

namespace {
constexpr int PageStep = 5;

QToolButton* makeScopeButton(const QString& text, const QString& name, QWidget* parent)
{
    auto* button = new QToolButton(parent);
    button->setObjectName(name);
    button->setText(text);
    button->setCheckable(true);
    button->setAutoRaise(true);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setCursor(Qt::PointingHandCursor);
    return button;
}
} // namespace

SearchPanel::SearchPanel(ChatSession* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(session->searchResults())
    , m_field(new QLineEdit(this))
    , m_close(new QToolButton(this))
    , m_thisRoom(makeScopeButton(tr("This room"), QStringLiteral("searchThisRoom"), this))
    , m_allRooms(makeScopeButton(tr("All rooms"), QStringLiteral("searchAllRooms"), this))
    , m_sender(new QComboBox(this))
    , m_time(new QComboBox(this))
    , m_status(new QLabel(this))
    , m_stack(new QStackedWidget(this))
    , m_placeholder(new QLabel(this))
    , m_results(new QListView(this))
{
    setObjectName(QStringLiteral("searchPanel"));
    setMinimumWidth(320);
    setAccessibleName(tr("Search messages"));
    m_field->setObjectName(QStringLiteral("searchField"));
    m_field->setPlaceholderText(tr("Search messages…"));
    m_field->setAccessibleName(tr("Search messages"));
    m_field->setClearButtonEnabled(true);
    m_searchIcon = m_field->addAction(Icons::action(Icons::Action::Search, palette()), QLineEdit::LeadingPosition);
    m_field->installEventFilter(this);
    m_close->setAutoRaise(true);
    m_close->setIcon(Icons::action(Icons::Action::Close, palette()));
    m_close->setToolTip(tr("Close search (Esc)"));
    m_close->setAccessibleName(tr("Close search"));
    connect(m_close, &QToolButton::clicked, this, &SearchPanel::close);

    auto* scopes = new QButtonGroup(this);
    scopes->addButton(m_thisRoom);
    scopes->addButton(m_allRooms);
    m_allRooms->setChecked(true);
    m_allRooms->setToolTip(tr("Search every room you are in (Ctrl+Shift+F)"));
    connect(m_thisRoom, &QToolButton::clicked, this, [this] { setScope(Scope::ThisRoom); });
    connect(m_allRooms, &QToolButton::clicked, this, [this] { setScope(Scope::AllRooms); });

    m_sender->setObjectName(QStringLiteral("searchSender"));
    m_sender->setAccessibleName(tr("Sent by"));
    m_sender->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_time->setObjectName(QStringLiteral("searchTime"));
    m_time->setAccessibleName(tr("Sent when"));
    m_time->addItem(tr("Any time"), 0);
    m_time->addItem(tr("Past week"), 7);
    m_time->addItem(tr("Past month"), 30);
    m_time->addItem(tr("Past year"), 365);
    for (QComboBox* box : { m_sender, m_time }) {
        box->setFocusPolicy(Qt::TabFocus);
        connect(box, &QComboBox::activated, this, [this] {
            searchNow();
            m_field->setFocus();
        });
    }
    fillSenders();
    connect(m_session->users(), &QAbstractItemModel::modelReset, this, &SearchPanel::fillSenders);
    connect(m_session->users(), &QAbstractItemModel::rowsInserted, this, &SearchPanel::fillSenders);

    m_status->setObjectName(QStringLiteral("searchStatus"));
    m_status->setForegroundRole(QPalette::PlaceholderText);
    m_placeholder->setObjectName(QStringLiteral("searchPlaceholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);
    m_placeholder->setBackgroundRole(QPalette::Base); // the ground the results are listed on
    m_placeholder->setAutoFillBackground(true);
    m_placeholder->setTextFormat(Qt::RichText);
    m_placeholder->setContentsMargins(24, 24, 24, 24);
    m_results->setObjectName(QStringLiteral("searchResults"));
    m_results->setAccessibleName(tr("Search results"));
    m_results->setModel(m_model);
    m_results->setItemDelegate(new SearchResultDelegate(m_results));
    m_results->setUniformItemSizes(true);
    m_results->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_results->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_results->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_results->setFrameShape(QFrame::NoFrame);
    m_results->setMouseTracking(true);
    m_results->viewport()->setAutoFillBackground(true);
    m_results->setFocusPolicy(Qt::NoFocus); // typing stays in the field; the arrows move through the results
    connect(m_results, &QListView::clicked, this, &SearchPanel::openCurrent);

    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(m_results);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(DebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &SearchPanel::searchNow);
    connect(m_field, &QLineEdit::textChanged, this, [this] { m_debounce.start(); });
    connect(m_model, &SearchResultsModel::stateChanged, this, &SearchPanel::refreshState);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &SearchPanel::refreshState);
    connect(m_model, &SearchResultsModel::moreFailed, this, &SearchPanel::refreshState);
    connect(m_session, &ChatSession::activeRoomChanged, this, &SearchPanel::onActiveRoomChanged);

    auto* top = new QHBoxLayout;
    top->setSpacing(4);
    top->addWidget(m_field, 1);
    top->addWidget(m_close);
    auto* filters = new QHBoxLayout;
    filters->setSpacing(4);
    filters->addWidget(m_thisRoom);
    filters->addWidget(m_allRooms);
    filters->addStretch(1);
    filters->addWidget(m_sender);
    filters->addWidget(m_time);
    auto* head = new QVBoxLayout;
    head->setContentsMargins(10, 10, 10, 4);
    head->setSpacing(6);
    head->addLayout(top);
    head->addLayout(filters);
    head->addWidget(m_status);
    auto* line = new QFrame(this);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Sunken);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(head);
    layout->addWidget(line);
    layout->addWidget(m_stack, 1);
    onActiveRoomChanged(m_session->activeRoom());
    refreshState();
}

void SearchPanel::start(Scope scope)
{
    show();
    setScope(scope); // and searches again what the field still holds, in that scope
    m_field->setFocus();
    m_field->selectAll();
}

void SearchPanel::close()
{
    m_debounce.stop();
    hide();
    Q_EMIT closed();
}

void SearchPanel::forget()
{
    m_field->clear();
    m_debounce.stop(); // the clearing started it
    hide();
}

void SearchPanel::setScope(Scope scope)
{
    if (scope == Scope::ThisRoom && !m_session->activeRoom())
        scope = Scope::AllRooms; // no room open: there is no "this room"
    m_scope = scope;
    scopeButton(scope)->setChecked(true);
    if (isVisible())
        searchNow();
    refreshState();
}

SearchCriteria SearchPanel::criteria() const
{
    SearchCriteria criteria;
    criteria.text = m_field->text();
    if (m_scope == Scope::ThisRoom)
        criteria.roomId = m_session->activeRoom();
    if (const qint64 sender = m_sender->currentData().toLongLong())
        criteria.senderId = sender;
    if (const int days = m_time->currentData().toInt()) {
        // From the start of that day: the same criteria all day long, so repeating a search asks nothing new.
        const QDateTime since(QDate::currentDate().addDays(-days), QTime(0, 0));
        criteria.fromTs = since.toMSecsSinceEpoch();
    }
    return criteria;
}

void SearchPanel::searchNow()
{
    m_debounce.stop();
    m_model->search(criteria());
}

void SearchPanel::fillSenders()
{
    const qint64 chosen = m_sender->currentData().toLongLong();
    m_sender->clear();
    m_sender->addItem(tr("From anyone"), 0);
    const UsersModel* users = m_session->users();
    QList<std::pair<QString, qint64>> people;
    for (int row = 0; row < users->rowCount(); ++row) {
        const QModelIndex index = users->index(row);
        const qint64 id = index.data(UsersModel::IdRole).toLongLong();
        const QString name = index.data(UsersModel::NameRole).toString();
        people.append({ index.data(UsersModel::IsMeRole).toBool() ? tr("From me") : tr("From %1").arg(name), id });
    }
    std::sort(people.begin(), people.end(),
        [](const auto& a, const auto& b) { return a.first.localeAwareCompare(b.first) < 0; });
    for (const auto& [label, id] : people)
        m_sender->addItem(label, id);
    m_sender->setCurrentIndex(std::max(0, m_sender->findData(chosen)));
}

void SearchPanel::onActiveRoomChanged(qint64 roomId)
{
    m_thisRoom->setEnabled(roomId != 0);
    m_thisRoom->setToolTip(
        roomId ? tr("Search only %1 (Ctrl+F)").arg(m_session->rooms()->titleOf(roomId)) : tr("No room is open"));
    if (m_scope == Scope::ThisRoom)
        setScope(roomId ? Scope::ThisRoom : Scope::AllRooms); // follows the open room
}

void SearchPanel::refreshState()
{
    using State = SearchResultsModel::State;
    const State state = m_model->state();
    const QString text = m_model->criteria().text.trimmed();
    const QString room = m_session->rooms()->titleOf(m_session->activeRoom());
    const bool inRoom = m_scope == Scope::ThisRoom && !room.isEmpty();
    m_stack->setCurrentWidget(state == State::Results ? static_cast<QWidget*>(m_results) : m_placeholder);
    m_status->clear();
    switch (state) {
    case State::Idle:
        m_placeholder->setText(QStringLiteral("<p style=\"font-size:large\">%1</p><p>%2</p>")
                                   .arg(inRoom ? tr("Search the messages of %1").arg(room.toHtmlEscaped())
                                               : tr("Search the messages of every room you are in"),
                                       tr("Any part of a word finds it: “ploy” finds “deployment”.")));
        break;
    case State::TooShort:
        m_placeholder->setText(tr("Type at least %n character(s)…", nullptr, search::MinQueryChars).toHtmlEscaped());
        break;
    case State::Searching:
        m_placeholder->setText(
            (m_model->errorText().isEmpty() ? tr("Searching…") : m_model->errorText()).toHtmlEscaped());
        break;
    case State::NoResults:
        m_placeholder->setText(QStringLiteral("<p style=\"font-size:large\">%1</p><p>%2</p>")
                                   .arg((inRoom ? tr("No messages in %1 match “%2”").arg(room, text)
                                                : tr("No messages match “%1”").arg(text))
                                            .toHtmlEscaped(),
                                       tr("Check the spelling, or search all rooms and any time.")));
        break;
    case State::Failed:
        m_placeholder->setText(m_model->errorText().toHtmlEscaped());
        break;
    case State::Results: {
        const int count = m_model->rowCount();
        m_status->setText(m_model->errorText().isEmpty()
                ? (m_model->hasMore() ? tr("%n+ message(s)", nullptr, count) : tr("%n message(s)", nullptr, count))
                : m_model->errorText());
        break;
    }
    }
    m_status->setVisible(!m_status->text().isEmpty());
}

void SearchPanel::moveCurrent(int by)
{
    const int rows = m_model->rowCount();
    if (rows == 0)
        return;
    const int current = m_results->currentIndex().row();
    const int row = std::clamp(current < 0 ? (by > 0 ? 0 : rows - 1) : current + by, 0, rows - 1);
    m_results->setCurrentIndex(m_model->index(row));
    m_results->scrollTo(m_model->index(row));
    if (row == rows - 1 && m_model->canFetchMore({}))
        m_model->fetchMore({});
}

void SearchPanel::openCurrent()
{
    QModelIndex current = m_results->currentIndex();
    if (!current.isValid() && m_model->rowCount() > 0) {
        current = m_model->index(0);
        m_results->setCurrentIndex(current);
    }
    if (!current.isValid())
        return;
    Q_EMIT resultActivated(current.data(SearchResultsModel::RoomIdRole).toLongLong(),
        current.data(SearchResultsModel::SeqRole).toLongLong(), m_model->foldedQuery());
}

bool SearchPanel::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_field && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        static const QHash<int, int> steps { { Qt::Key_Down, 1 }, { Qt::Key_Up, -1 }, { Qt::Key_PageDown, PageStep },
            { Qt::Key_PageUp, -PageStep } };
        if (steps.contains(key)) {
            moveCurrent(steps.value(key));
            return true;
        }
        switch (key) {
        case Qt::Key_Return:
        case Qt::Key_Enter:
            if (m_debounce.isActive())
                searchNow(); // Enter before the pause is over: search now, open once the results are there
            else
                openCurrent();
            return true;
        case Qt::Key_Escape:
            close();
            return true;
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void SearchPanel::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        m_close->setIcon(Icons::action(Icons::Action::Close, palette()));
        m_searchIcon->setIcon(Icons::action(Icons::Action::Search, palette()));
    }
}

} // namespace chat::client
