#include "Outbox.h"

#include "ChatConnection.h"
#include "ClientLogging.h"
#include "Params.h"
#include "Protocol.h"

#include <QDateTime>
#include <QUuid>

namespace chat::client {

Outbox::Outbox(ChatConnection* connection, QObject* parent)
    : QObject(parent)
    , m_connection(connection)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &Outbox::flush);
    connect(m_connection, &ChatConnection::stateChanged, this, [this](ChatConnection::State state) {
        if (state == ChatConnection::State::Online)
            flush();
    });
}

QString Outbox::send(qint64 roomId, const QString& body, qint64 replyTo, const QStringList& attachments)
{
    Item item;
    item.clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    item.roomId = roomId;
    item.body = body;
    item.queuedAtMs = QDateTime::currentMSecsSinceEpoch();
    item.replyTo = replyTo;
    item.attachments = attachments;
    m_items.append(item);
    Q_EMIT queued(item);
    if (m_connection->isOnline())
        transmit(m_items.last());
    return item.clientId;
}

void Outbox::restore(const QList<Item>& items)
{
    for (Item item : items) {
        if (indexOf(item.clientId) >= 0)
            continue;
        item.inFlight = false;
        m_items.append(item);
        Q_EMIT queued(item);
    }
    flush();
}

QList<Outbox::Item> Outbox::pendingIn(qint64 roomId) const
{
    QList<Item> items;
    for (const Item& item : m_items) {
        if (item.roomId == roomId)
            items.append(item);
    }
    return items;
}

void Outbox::clear()
{
    m_items.clear();
    m_retryTimer.stop();
}

void Outbox::flush()
{
    if (!m_connection->isOnline())
        return;
    for (Item& item : m_items) {
        if (!item.inFlight)
            transmit(item);
    }
}

void Outbox::transmit(Item& item)
{
    item.inFlight = true;
    const QString clientId = item.clientId;
    const QJsonObject params
        = params::Send { item.roomId, item.body, clientId, item.replyTo, item.attachments }.toJson();
    m_connection->call(protocol::method::MessagesSend, params, this,
        [this, clientId](const RpcResult& result) { onAnswer(clientId, result); });
}

void Outbox::onAnswer(const QString& clientId, const RpcResult& result)
{
    const int index = indexOf(clientId);
    if (index < 0)
        return;
    m_items[index].inFlight = false;
    if (result.ok()) {
        const Item item = m_items.takeAt(index);
        Q_EMIT acknowledged(clientId, Message::fromJson(result.result.value(protocol::key::MessageObj).toObject()));
        return;
    }
    const RpcError& error = *result.error;
    if (error.reason == reason::Unavailable) {
        // Lost connection or no answer in time: the item stays and goes again once online.
        if (m_connection->isOnline() && !m_retryTimer.isActive())
            m_retryTimer.start(2000);
        return;
    }
    if (error.reason == reason::RateLimited || error.reason == reason::Unauthenticated) {
        const qint64 wait = error.extra.value(protocol::key::RetryAfterMs).toInteger(1000);
        if (!m_retryTimer.isActive())
            m_retryTimer.start(int(std::clamp<qint64>(wait, 100, 30000)));
        return;
    }
    qCWarning(lcSession) << "send rejected:" << error.reason;
    const Item item = m_items.takeAt(index);
    Q_EMIT rejected(clientId, item.roomId, error);
}

int Outbox::indexOf(const QString& clientId) const
{
    for (int i = 0; i < m_items.size(); ++i) {
        if (m_items.at(i).clientId == clientId)
            return i;
    }
    return -1;
}

} // namespace chat::client
