#include "SearchSource.h"

#include "Protocol.h"

#include <QJsonArray>

namespace chat::client {

SearchPage SearchPage::fromJson(const QJsonObject& result)
{
    namespace key = protocol::key;
    SearchPage page;
    for (const QJsonValue& hit : result.value(key::Results).toArray())
        page.hits.append(SearchHit::fromJson(hit.toObject()));
    page.hasMore = result.value(key::HasMore).toBool();
    if (page.hasMore)
        page.nextCursor = result.value(key::NextCursor).toString();
    return page;
}

} // namespace chat::client
