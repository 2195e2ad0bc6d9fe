#include "RedisSettings.h"

#include <QUrl>

namespace chat::server {

Expected<RedisSettings, QString> parseRedisUrl(const QString& text)
{
    const QUrl url(text, QUrl::StrictMode);
    // A password typed into the URL must not be echoed into logs or error messages.
    const QString shown = url.userInfo().isEmpty() ? text : url.toString(QUrl::RemoveUserInfo);
    const auto problem = [&shown](const QString& what) { return QStringLiteral("\"%1\" %2").arg(shown, what); };
    if (!url.isValid() || url.scheme() != QLatin1String("redis") || url.host().isEmpty())
        return problem(QStringLiteral("is not a redis://host:port[/db] URL"));
    if (!url.userInfo().isEmpty())
        return problem(QStringLiteral("carries credentials: put the password in cluster/redis_password_file"));
    if (url.hasQuery() || url.hasFragment())
        return problem(QStringLiteral("has a query or fragment; only redis://host:port[/db] is understood"));

    RedisSettings settings;
    settings.host = url.host();
    const int port = url.port(6379);
    if (port < 1)
        return problem(QStringLiteral("has port 0; Redis needs a real port"));
    settings.port = quint16(port);

    QString path = url.path();
    if (path.startsWith(QLatin1Char('/')))
        path.remove(0, 1);
    if (!path.isEmpty()) {
        bool ok = false;
        const int db = path.toInt(&ok);
        if (!ok || db < 0 || db > 15 || path.startsWith(QLatin1Char('+')))
            return problem(QStringLiteral("names database \"%1\"; use a number from 0 to 15").arg(path));
        settings.db = db;
    }
    return settings;
}

} // namespace chat::server
