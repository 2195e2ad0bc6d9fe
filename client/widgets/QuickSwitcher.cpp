#include "QuickSwitcher.h"

#include "ChatSession.h"
#include "FuzzyMatch.h"
#include "RoomsModel.h"
#include "UsersModel.h"

#include <QKeyEvent>
#include <QLineEdit>
#include <QListView>
#include <QStandardItemModel>
#include <QVBoxLayout>

#include <algorithm>

namespace chat::client {

namespace {
enum Role { RoomIdRole = Qt::UserRole + 1, UserIdRole };
constexpr int MaxResults = 12;
} // namespace

QuickSwitcher::QuickSwitcher(ChatSession* session, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_search(new QLineEdit(this))
    , m_results(new QListView(this))
    , m_model(new QStandardItemModel(this))
{
    setObjectName(QStringLiteral("quickSwitcher"));
    setWindowTitle(tr("Go to conversation — Chat"));
    m_search->setPlaceholderText(tr("Room or person…"));
    m_search->setAccessibleName(tr("Room or person"));
    m_search->installEventFilter(this);
    m_results->setModel(m_model);
    m_results->setAccessibleName(tr("Matching conversations"));
    m_results->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_results->setFocusPolicy(Qt::NoFocus); // typing stays in the search box; the arrows move the selection
    connect(m_search, &QLineEdit::textChanged, this, &QuickSwitcher::refresh);
    connect(m_search, &QLineEdit::returnPressed, this, &QuickSwitcher::openCurrent);
    connect(m_results, &QListView::activated, this, &QuickSwitcher::openCurrent);
    connect(m_results, &QListView::clicked, this, &QuickSwitcher::openCurrent);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_search);
    layout->addWidget(m_results);
    resize(360, 320);
}

void QuickSwitcher::start()
{
    m_search->clear();
    refresh();
    show();
    raise();
    activateWindow();
    m_search->setFocus();
}

void QuickSwitcher::refresh()
{
    struct Candidate {
        QString title;
        qint64 roomId;
        qint64 userId;
        int score;
    };
    QList<Candidate> found;
    const QString pattern = m_search->text();
    const RoomsModel* rooms = m_session->rooms();
    for (int row = 0; row < rooms->rowCount(); ++row) {
        const QModelIndex index = rooms->index(row);
        if (index.data(RoomsModel::PeerRole).toLongLong())
            continue; // a direct room is listed as its person
        const QString title = index.data(RoomsModel::NameRole).toString();
        if (const int score = FuzzyMatch::score(pattern, title); score >= 0)
            found.append({ title, index.data(RoomsModel::IdRole).toLongLong(), 0, score });
    }
    const UsersModel* users = m_session->users();
    for (int row = 0; row < users->rowCount(); ++row) {
        const QModelIndex index = users->index(row);
        if (index.data(UsersModel::IsMeRole).toBool())
            continue;
        const QString name = index.data(UsersModel::NameRole).toString();
        if (const int score = FuzzyMatch::score(pattern, name); score >= 0)
            found.append({ name, 0, index.data(UsersModel::IdRole).toLongLong(), score });
    }
    std::stable_sort(found.begin(), found.end(), [](const Candidate& a, const Candidate& b) {
        return a.score != b.score ? a.score > b.score : a.title.localeAwareCompare(b.title) < 0;
    });
    m_model->clear();
    for (const Candidate& candidate : found.mid(0, MaxResults)) {
        auto* item = new QStandardItem(candidate.title);
        item->setData(candidate.roomId, RoomIdRole);
        item->setData(candidate.userId, UserIdRole);
        m_model->appendRow(item);
    }
    if (m_model->rowCount() > 0)
        m_results->setCurrentIndex(m_model->index(0, 0));
}

void QuickSwitcher::openCurrent()
{
    const QModelIndex current = m_results->currentIndex();
    if (!current.isValid())
        return;
    if (const qint64 roomId = current.data(RoomIdRole).toLongLong())
        m_session->openRoom(roomId);
    else
        m_session->openDirect(current.data(UserIdRole).toLongLong());
    accept();
}

bool QuickSwitcher::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (key == Qt::Key_Down || key == Qt::Key_Up) {
            const int rows = m_model->rowCount();
            if (rows > 0) {
                const int row = m_results->currentIndex().row() + (key == Qt::Key_Down ? 1 : -1);
                m_results->setCurrentIndex(m_model->index(std::clamp(row, 0, rows - 1), 0));
            }
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace chat::client
