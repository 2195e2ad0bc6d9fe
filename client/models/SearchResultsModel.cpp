#include "SearchResultsModel.h"

#include "Protocol.h"
#include "RoomsModel.h"
#include "UsersModel.h"

#include <QDateTime>

namespace chat::client {

namespace {
constexpr int MinRetryMs = 200;
} // namespace

SearchResultsModel::SearchResultsModel(
    SearchSource* source, const RoomsModel* rooms, const UsersModel* users, QObject* parent)
    : QAbstractListModel(parent)
    , m_source(source)
    , m_rooms(rooms)
    , m_users(users)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, [this] { requestPage(m_retryCursor); });
}

int SearchResultsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_hits.size());
}

QVariant SearchResultsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SearchHit& hit = m_hits.at(index.row());
    const Message& message = hit.message;
    switch (role) {
    case Qt::DisplayRole:
    case BodyRole:
        return message.body;
    case MessageIdRole:
        return message.id;
    case RoomIdRole:
        return message.roomId;
    case RoomNameRole:
        return m_rooms->titleOf(message.roomId);
    case DirectRoomRole:
        return m_rooms->peerOf(message.roomId) != 0;
    case SeqRole:
        return message.seq;
    case SenderIdRole:
        return message.senderId;
    case SenderNameRole:
        return m_users->nameOf(message.senderId);
    case TimestampRole:
        return QDateTime::fromMSecsSinceEpoch(message.ts).toLocalTime();
    case HighlightsRole:
        return QVariant::fromValue(hit.highlights);
    default:
        return {};
    }
}

QHash<int, QByteArray> SearchResultsModel::roleNames() const
{
    return {
        { MessageIdRole, "messageId" },
        { RoomIdRole, "roomId" },
        { RoomNameRole, "roomName" },
        { DirectRoomRole, "directRoom" },
        { SeqRole, "seq" },
        { SenderIdRole, "senderId" },
        { SenderNameRole, "senderName" },
        { TimestampRole, "timestamp" },
        { BodyRole, "body" },
        { HighlightsRole, "highlights" },
    };
}

bool SearchResultsModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && m_state == State::Results && m_hasMore && !m_fetchingMore && m_errorText.isEmpty();
}

void SearchResultsModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent))
        return;
    m_fetchingMore = true;
    requestPage(m_nextCursor);
}

void SearchResultsModel::search(const SearchCriteria& criteria)
{
    if (criteria == m_criteria && m_state != State::Idle && m_state != State::Failed)
        return;
    m_criteria = criteria;
    m_query = search::parseQuery(criteria.text);
    ++m_generation;
    m_retryTimer.stop();
    m_fetchingMore = false;
    m_hasMore = false;
    m_nextCursor.clear();
    if (!m_hits.isEmpty()) {
        beginResetModel();
        m_hits.clear();
        endResetModel();
    }
    switch (m_query.kind) {
    case search::Query::Kind::Empty:
        return setState(State::Idle);
    case search::Query::Kind::TooShort:
        return setState(State::TooShort); // the server would answer query_too_short: spare it the request
    case search::Query::Kind::Substring:
    case search::Query::Kind::Dense:
        break;
    }
    setState(State::Searching);
    requestPage({});
}

void SearchResultsModel::clear()
{
    search({});
}

params::Search SearchResultsModel::request(const QString& cursor) const
{
    params::Search request;
    request.query = m_criteria.text;
    request.roomId = m_criteria.roomId;
    request.senderId = m_criteria.senderId;
    request.fromTs = m_criteria.fromTs;
    request.limit = PageSize;
    request.cursor = cursor;
    return request;
}

void SearchResultsModel::requestPage(const QString& cursor)
{
    const bool first = cursor.isEmpty();
    const quint64 generation = m_generation;
    m_source->searchMessages(
        request(cursor), this, [this, generation, first](const SearchPage& page, const std::optional<RpcError>& error) {
            if (generation != m_generation)
                return; // an answer to a search the user has moved on from
            if (error)
                return onError(*error, first);
            onPage(page, first);
        });
}

void SearchResultsModel::onPage(const SearchPage& page, bool first)
{
    m_fetchingMore = false;
    m_hasMore = page.hasMore && !page.nextCursor.isEmpty();
    m_nextCursor = m_hasMore ? page.nextCursor : QString();
    m_errorText.clear();
    if (!page.hits.isEmpty()) {
        beginInsertRows({}, int(m_hits.size()), int(m_hits.size() + page.hits.size()) - 1);
        m_hits += page.hits;
        endInsertRows();
    }
    if (first || m_state != State::Results)
        setState(m_hits.isEmpty() ? State::NoResults : State::Results);
}

void SearchResultsModel::onError(const RpcError& error, bool first)
{
    if (error.reason == reason::RateLimited) {
        m_retryCursor = first ? QString() : m_nextCursor;
        const qint64 wait = error.extra.value(protocol::key::RetryAfterMs).toInteger();
        m_retryTimer.start(int(std::clamp<qint64>(wait, MinRetryMs, 60000)));
        if (first)
            setState(State::Searching, describeError(error));
        return;
    }
    m_fetchingMore = false;
    if (first)
        return setState(State::Failed, describeError(error));
    m_errorText = describeError(error); // keeps what was found; no more pages for this search
    Q_EMIT moreFailed(m_errorText);
}

void SearchResultsModel::setState(State state, const QString& errorText)
{
    const bool changed = state != m_state || errorText != m_errorText;
    m_state = state;
    m_errorText = errorText;
    if (changed)
        Q_EMIT stateChanged(state);
}

QString SearchResultsModel::describeError(const RpcError& error)
{
    if (error.reason == reason::QueryTooShort) {
        const int minChars = int(error.extra.value(protocol::key::MinChars).toInteger(search::MinQueryChars));
        return tr("Type at least %n character(s) to search.", nullptr, minChars);
    }
    if (error.reason == reason::RateLimited)
        return tr("Searching too often; trying again in a moment…");
    if (error.reason == reason::MethodNotFound)
        return tr("This server cannot search messages.");
    if (error.reason == reason::Forbidden)
        return tr("You are no longer a member of that room.");
    return error.message; // the server's own words, or "The connection to the server was lost"
}

} // namespace chat::client
