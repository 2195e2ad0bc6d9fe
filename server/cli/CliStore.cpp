#include "CliStore.h"

#include "store/OpenFailure.h"
#include "store/StoreDb.h"

namespace chat::server {

std::unique_ptr<StoreDb> openStore(const DatabaseConfig& config, QTextStream& err, bool migrate)
{
    auto db = StoreDb::open(config, QStringLiteral("chat-admin"));
    if (!db) {
        err << "chat-server: cannot open the database: " << explainOpenFailure(config, db.error()) << Qt::endl;
        return nullptr;
    }
    if (migrate) {
        if (auto migrated = (*db)->migrate(); !migrated) {
            err << "chat-server: cannot migrate the database: " << explainOpenFailure(config, migrated.error())
                << Qt::endl;
            return nullptr;
        }
    }
    return std::move(db).value();
}

} // namespace chat::server
