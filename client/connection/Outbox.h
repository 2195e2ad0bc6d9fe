#pragma once

#include "RpcResult.h"
#include "Types.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

namespace chat::client {

class ChatConnection;

// Messages the user sent that the server has not acknowledged yet. Each keeps its client_id, so a resend
// after a reconnect is idempotent on the server: nothing is lost and nothing is stored twice.
class Outbox : public QObject {
    Q_OBJECT
public:
    struct Item {
        QString clientId;
        qint64 roomId = 0;
        QString body;
        qint64 queuedAtMs = 0;
        bool inFlight = false;
        qint64 replyTo = 0; // the id of the message this one answers, 0: none
        QStringList attachments {}; // ids of files uploaded and finished in the room; with any, the body may be empty
    };

    explicit Outbox(ChatConnection* connection, QObject* parent = nullptr);

    // Returns the client_id.
    QString send(qint64 roomId, const QString& body, qint64 replyTo = 0, const QStringList& attachments = {});
    // Items a previous run queued and never saw acknowledged (from the local cache): sent with their own
    // client_id once online, so the server stores each once even if the earlier run's send reached it.
    void restore(const QList<Item>& items);
    QList<Item> pendingIn(qint64 roomId) const;
    int size() const { return int(m_items.size()); }
    void clear();

Q_SIGNALS:
    void queued(const chat::client::Outbox::Item& item);
    void acknowledged(const QString& clientId, const chat::Message& message);
    void rejected(const QString& clientId, qint64 roomId, const chat::RpcError& error);

private:
    void flush();
    void transmit(Item& item);
    void onAnswer(const QString& clientId, const RpcResult& result);
    int indexOf(const QString& clientId) const;

    ChatConnection* m_connection;
    QList<Item> m_items;
    QTimer m_retryTimer;
};

} // namespace chat::client
