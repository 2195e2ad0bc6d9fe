#pragma once

#include "RpcError.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QUrl>
#include <QWebSocket>

#include <functional>
#include <optional>

namespace chat::test {

// A JSON-RPC connection for traffic that runs by itself while the test does something else (kills the
// server, takes a backup): every answer goes to its call's callback. When the connection drops, pending
// callbacks are dropped unanswered and disconnected() is emitted.
class RpcConnection : public QObject {
    Q_OBJECT
public:
    using Callback = std::function<void(const QJsonObject& result, const std::optional<RpcError>& error)>;

    explicit RpcConnection(QObject* parent = nullptr);
    ~RpcConnection() override;
    // Connects and resumes the session of `token`: resumed() or refused() follows.
    void openSession(const QUrl& url, const QString& token);
    void call(const QString& method, const QJsonObject& params, Callback callback);
    int pendingCalls() const { return int(m_pending.size()); }

Q_SIGNALS:
    void resumed();
    void refused(const QString& reason);
    void disconnected();

private:
    void onText(const QString& text);

    QWebSocket m_socket;
    QString m_token;
    QHash<qint64, Callback> m_pending;
    qint64 m_nextId = 1;
};

} // namespace chat::test
