#pragma once

#include "SearchSource.h"
#include "SearchText.h"

#include <QAbstractListModel>
#include <QTimer>

#include <optional>

namespace chat::client {

class RoomsModel;
class UsersModel;

// What to search for: the text as typed, and where (docs/protocol.md, "messages.search").
struct SearchCriteria {
    QString text;
    std::optional<qint64> roomId; // none: every room of the user
    std::optional<qint64> senderId;
    std::optional<qint64> fromTs; // ms since the epoch, inclusive

    friend bool operator==(const SearchCriteria&, const SearchCriteria&) = default;
};

// The results of one search, newest first: the first page when the criteria change, the next one (by cursor)
// on fetchMore() as the view scrolls to the end. A newer search discards whatever answers an older one still
// gets, so a slow answer never overwrites a newer one.
class SearchResultsModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        MessageIdRole = Qt::UserRole + 1,
        RoomIdRole,
        RoomNameRole, // "#design", or the other member's name for a direct room
        DirectRoomRole, // bool
        SeqRole,
        SenderIdRole,
        SenderNameRole,
        TimestampRole, // QDateTime, local time
        BodyRole,
        HighlightsRole, // QList<search::TextRange>: where the query matched BodyRole
    };
    enum class State {
        Idle, // nothing asked
        TooShort, // the query has too few characters for the index: nothing was sent
        Searching, // the first page is on its way
        Results,
        NoResults,
        Failed, // errorText() says why
    };
    Q_ENUM(State)

    static constexpr int PageSize = search::DefaultResults;

    SearchResultsModel(
        SearchSource* source, const RoomsModel* rooms, const UsersModel* users, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    // Starts a new search (the same criteria again do nothing); an empty text clears the results.
    void search(const SearchCriteria& criteria);
    void clear();

    const SearchCriteria& criteria() const { return m_criteria; }
    QString foldedQuery() const { return m_query.folded; } // what the highlights matched, for marking it elsewhere
    State state() const { return m_state; }
    QString errorText() const { return m_errorText; } // why the search or its next page failed; empty if none did
    bool hasMore() const { return m_hasMore; }
    bool isFetchingMore() const { return m_fetchingMore; }
    bool isRetryPending() const { return m_retryTimer.isActive(); } // rate limited: asking again soon
    const SearchHit& hit(int row) const { return m_hits.at(row); }

    static QString describeError(const RpcError& error);

Q_SIGNALS:
    void stateChanged(chat::client::SearchResultsModel::State state);
    void moreFailed(const QString& text); // the next page could not be had; the results so far stay

private:
    void setState(State state, const QString& errorText = {});
    void requestPage(const QString& cursor);
    void onPage(const SearchPage& page, bool first);
    void onError(const RpcError& error, bool first);
    params::Search request(const QString& cursor) const;

    SearchSource* m_source;
    const RoomsModel* m_rooms;
    const UsersModel* m_users;
    SearchCriteria m_criteria;
    search::Query m_query;
    QList<SearchHit> m_hits;
    QString m_nextCursor;
    bool m_hasMore = false;
    bool m_fetchingMore = false;
    State m_state = State::Idle;
    QString m_errorText;
    quint64 m_generation = 0; // which search an answer belongs to: answers to an older one are dropped
    QTimer m_retryTimer; // after rate_limited: the same page again once the server allows it
    QString m_retryCursor;
};

} // namespace chat::client
